"""The quiz stats on a screen of their own, read again each time the screen shows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header

from studylog.tui.screens.base import DataScreen
from studylog.tui.widgets.stats_panel import StatsPanel


class StatsScreen(DataScreen):
    """Due and reviewed today, retention, the review heatmap of recent weeks, and the leeches."""

    AUTO_FOCUS = "#stats"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stats"):
            yield StatsPanel()
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Quiz stats"

    def home_widget(self) -> VerticalScroll:
        return self.query_one("#stats", VerticalScroll)

    def load(self) -> None:
        self.query_one(StatsPanel).load()

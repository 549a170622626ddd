"""The quiz stats, read in a worker at the app's clock: due and reviewed today, retention, heatmap, leeches."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from studylog.tui import services
from studylog.tui.reporting import background, post_if_current


class StatsPanel(Static):
    """Shows the same report as `studylog quiz --stats`; load() reads it again."""

    DEFAULT_CSS = "StatsPanel { height: auto; padding: 0 1; }"

    @dataclass
    class Loaded(Message):
        report: Text

    def load(self) -> None:
        self._load()

    @background(group="stats", exclusive=True)
    def _load(self) -> None:
        summary = services.stats.quiz_stats(self.app.database, self.app.clock())
        post_if_current(self, self.Loaded(services.report.stats_report(summary)))

    def on_stats_panel_loaded(self, message: Loaded) -> None:
        message.stop()
        self.update(message.report)

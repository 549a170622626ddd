"""One claim of a check run in full: the values the table cuts short, the rule, the citation, where it ran."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from studylog.tui import keys, services

if TYPE_CHECKING:
    from studylog.checks.views import ClaimView, RunView


class ClaimScreen(ModalScreen[None]):
    """A claim's fields as a two-column list; Escape closes it."""

    BINDINGS = keys.bindings("dialog")

    def __init__(self, run: RunView, claim: ClaimView) -> None:
        super().__init__()
        self.run, self.claim = run, claim

    def compose(self) -> ComposeResult:
        run, claim = self.run, self.claim
        fields = Table.grid(padding=(0, 2))
        fields.add_column(style="bold", no_wrap=True)
        fields.add_column()
        rows = [
            ("check", run.check_id),
            ("claim", claim.label),
            ("computed", services.display.format_computed(claim)),
            ("expected", services.display.format_expected(claim)),
            ("rule", claim.rule_text),
            ("verdict", claim.verdict + ("" if claim.asserted else " (not asserted: reported only)")),
            ("citation", claim.citation or "—"),
            ("ran on", f"{run.device_name or run.device} · torch {run.torch_version}"),
            ("when", f"{run.started_at.astimezone():%Y-%m-%d %H:%M} · {run.duration_s:.1f}s"),
        ]
        for name, value in rows:
            fields.add_row(name, Text(value))
        with VerticalScroll(classes="dialog claim"):
            yield Static(fields)
            yield Static("Escape closes", classes="dialog-detail")

    def action_cancel(self) -> None:
        self.dismiss()

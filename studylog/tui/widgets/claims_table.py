"""A question's checks as a table: a line per check (status, device, when), then its claims beneath."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from studylog.terminal import printable
from studylog.tui import services
from studylog.tui.widgets.vim import VimTable

if TYPE_CHECKING:
    from studylog.checks.views import ClaimView, RunView

STATUS_STYLE = {"passed": "bold green", "failed": "bold red", "error": "bold magenta", "timeout": "bold magenta"}
VERDICT_STYLE = {"holds": "green", "matches": "green", "fails": "red", "differs": "yellow", "reported": "dim"}


class ClaimsTable(VimTable):
    """Last claims of each check: verdict, computed, expected; the check's line says where and when it ran.
    The verdict comes right after the label, so it shows at 80 columns; Enter on a claim shows it in full."""

    def __init__(self, **kwargs) -> None:
        columns = (("Check · claim", 30), ("Verdict", 9), ("Computed", 16), ("Expected", 16), "Device", "When")
        super().__init__(*columns, **kwargs)
        self.claims: dict[str, tuple[RunView, ClaimView]] = {}

    def show_runs(self, check_ids: list[str], runs: dict[str, RunView], running: set[str], queued: set[str]) -> None:
        """Every check of the question in order: its last run and claims, or that it runs, waits, or never ran."""
        self.clear()
        self.claims.clear()
        for check_id in check_ids:
            if check_id in runs:
                self._add_run(runs[check_id], running)
            else:
                state = "running…" if check_id in running else "waiting" if check_id in queued else "never run"
                self.add_row(Text(check_id, style="bold"), Text(state, style="italic"), "", "", "", "", key=check_id)
        if not check_ids:
            self.add_row(Text("this question has no checks", style="dim"), "", "", "", "", "")

    def _add_run(self, run: RunView, running: set[str]) -> None:
        status = "running…" if run.check_id in running else ("stale " if run.stale else "") + run.status
        heading = Text(run.check_id, style="bold")
        if run.cached:
            heading.append(" (cached)", style="dim")
        when = f"{run.started_at.astimezone():%Y-%m-%d %H:%M}"
        self.add_row(
            heading, Text(status, style=STATUS_STYLE.get(run.status, "")), "", "",
            run.device_name or run.device, Text(f"{when} · {run.duration_s:.1f}s", style="dim"),
            key=run.check_id,
        )
        if run.message and run.status in ("error", "timeout"):  # a failed check shows why in its claims
            self.add_row(Text("  " + printable(run.message.splitlines()[-1]), style="magenta"), "", "", "", "", "")
        for index, claim in enumerate(run.claims):
            key = f"{run.check_id}#{index}"
            self.claims[key] = (run, claim)
            self.add_row(
                Text("  " + printable(claim.label)),
                Text(claim.verdict, style=VERDICT_STYLE.get(claim.verdict, "")),
                services.display.format_computed(claim),
                services.display.format_expected(claim),
                "", "",
                key=key,
            )

    def current_key(self) -> str | None:
        """The key of the row under the cursor (a claim's is "<check id>#<index>")."""
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def on_data_table_row_selected(self, event: VimTable.RowSelected) -> None:
        """Enter on a claim: everything about it, uncut, with its rule and citation."""
        from studylog.tui.screens.claim import ClaimScreen

        if found := self.claims.get(event.row_key.value):
            self.app.push_screen(ClaimScreen(*found))

"""A question's checks: the claims table, and while a run is on, its progress as each check starts and ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from studylog.tui.widgets.claims_table import ClaimsTable

if TYPE_CHECKING:
    from studylog.checks.runner import RunEvent
    from studylog.checks.views import RunView


class CheckPanel(Vertical):
    """Holds the last run of each check and updates the table as a run reports in."""

    DEFAULT_CSS = """
    CheckPanel { height: auto; }
    CheckPanel ProgressBar { display: none; }
    CheckPanel.-running ProgressBar { display: block; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.check_ids: list[str] = []
        self.runs: dict[str, RunView] = {}
        self.running: set[str] = set()
        self.queued: set[str] = set()
        self.ran_here = False  # once a run ends, the status line keeps its outcome

    def compose(self) -> ComposeResult:
        yield Static("", id="check-status")
        yield ProgressBar(show_eta=False)
        yield ClaimsTable()

    @property
    def is_running(self) -> bool:
        return self.has_class("-running")

    def show(self, check_ids: list[str], runs: dict[str, RunView]) -> None:
        """The stored state, unless a run is on (its live results are newer)."""
        if self.is_running:
            return
        self.check_ids, self.runs = check_ids, dict(runs)
        if not self.ran_here:
            self._status(f"{len(check_ids)} check{'s' * (len(check_ids) != 1)}")
        self._refresh()

    def run_started(self) -> None:
        self.add_class("-running")
        self.queued = set(self.check_ids)
        self.query_one(ProgressBar).update(total=len(self.check_ids) or None, progress=0)
        self._status("Starting the check processes…")
        self._refresh()

    def progress(self, event: RunEvent) -> None:
        """One check was served from the cache, started, or finished: show it at once."""
        if event.check_id not in self.check_ids:
            self.check_ids.append(event.check_id)
        self.queued.discard(event.check_id)
        if event.kind == "started":
            self.running.add(event.check_id)
            self._status(f"Running {event.check_id}… ({event.done}/{event.total} done)")
        else:
            self.running.discard(event.check_id)
            self.runs[event.check_id] = event.run
        self.query_one(ProgressBar).update(total=event.total, progress=event.done)
        self._refresh()

    def run_ended(self, cancelled: bool) -> None:
        self.ran_here = True
        self.remove_class("-running")
        self.running.clear()
        self.queued.clear()
        finished = sum(run.status == "passed" for run in self.runs.values())
        ending = "Cancelled" if cancelled else "Done"
        self._status(f"{ending}: {finished} of {len(self.check_ids)} checks passed")
        self._refresh()

    def _status(self, text: str) -> None:
        self.query_one("#check-status", Static).update(text)

    def _refresh(self) -> None:
        self.query_one(ClaimsTable).show_runs(self.check_ids, self.runs, self.running, self.queued)

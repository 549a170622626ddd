"""How `studylog verify` shows its work: live progress on stderr, then the claims table and a summary."""

from __future__ import annotations

import json
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from studylog.checks.display import documents, format_computed, format_expected
from studylog.checks.views import RunView

console = Console(highlight=False)
VERDICT_STYLES = {"holds": "green", "fails": "bold red", "matches": "cyan", "differs": "yellow", "reported": "dim",
                  "error": "bold red", "timeout": "bold red"}


PLURAL_VERDICTS = {"holds": "hold", "fails": "fail", "matches": "match", "differs": "differ"}


class LiveProgress:
    """A progress bar on stderr, shown only once a check actually runs (a cached verify prints none)."""

    def __init__(self) -> None:
        self._progress = None
        self._task = None

    def __call__(self, event) -> None:
        if event.kind == "cached":
            return
        if self._progress is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=Console(stderr=True, highlight=False), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("starting torch", total=event.total, completed=event.done)
        if event.kind == "started":
            self._progress.update(self._task, description=f"running {event.check_id}")
        else:
            run = event.run
            mark = {"passed": "[green]✓[/]", "failed": "[red]✗[/]"}.get(run.status, f"[bold red]{run.status}[/]")
            self._progress.console.print(f"{mark} {escape(run.check_id)}  [dim]{run.duration_s:.2f} s[/]")
            self._progress.update(self._task, completed=event.done)

    def close(self) -> None:
        """Take the bar off the screen; closing again does nothing."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def exit_code(runs: list[RunView]) -> int:
    """0: every asserted claim holds; 1: one fails; 2: a check errored or timed out."""
    statuses = {r.status for r in runs}
    return 2 if statuses & {"error", "timeout"} else 1 if "failed" in statuses else 0


def json_rows(runs: list[RunView]) -> list[dict]:
    """One object per claim (and one per check that ended without any)."""
    rows = []
    for run in runs:
        common = {"question": run.question_slug, "check": run.check_id, "status": run.status, "device": run.device,
                  "device_name": run.device_name, "torch": run.torch_version, "torchvision": run.torchvision_version,
                  "cached": run.cached, "duration_s": run.duration_s}
        for claim in run.claims:
            rows.append({**common, "label": claim.label, "computed": claim.computed, "expected": claim.expected,
                         "rule": claim.rule, "rule_text": claim.rule_text, "verdict": claim.verdict,
                         "asserted": claim.asserted, "citation": claim.citation})
        if run.status in ("error", "timeout") or not run.claims:
            rows.append({**common, "label": None, "computed": None, "expected": None, "rule": None, "verdict": run.status,
                         "citation": "", "message": run.message})
    return rows


def _shorten(text: str, width: int = 72) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_json(runs: list[RunView]) -> None:
    print(json.dumps(json_rows(runs), ensure_ascii=False, indent=2))


def print_table(runs: list[RunView]) -> None:
    """The claims table (question and check named once), the documents it cites by number, then each error in full."""
    table = Table(box=None, pad_edge=False)
    for column in ("question", "check", "claim", "computed", "expected", "verdict"):
        table.add_column(column, overflow="fold")
    footnotes: dict[str, int] = {}
    previous = None
    for run in runs:
        question, check = (run.question_slug if run.question_slug != previous else ""), run.check_id
        previous = run.question_slug
        for claim in run.claims:
            numbers = [footnotes.setdefault(doc, len(footnotes) + 1) for doc in documents(claim.citation)]
            note = f" [dim]{''.join(f'[{n}]' for n in numbers)}[/]" if numbers else ""
            table.add_row(escape(question), escape(check), escape(claim.label) + note, escape(format_computed(claim, "\n")),
                          escape(format_expected(claim)), f"[{VERDICT_STYLES.get(claim.verdict, '')}]{claim.verdict}[/]")
            question = check = ""
        if run.status in ("error", "timeout"):
            first_line = run.message.splitlines()[0] if run.message else run.status
            table.add_row(escape(question), escape(check), escape(_shorten(first_line)), "", "", f"[bold red]{run.status}[/]")
    console.print(table)
    for document, number in footnotes.items():
        console.print(f"[dim][{number}] {escape(document)}[/]", soft_wrap=True)
    for run in runs:
        if run.status in ("error", "timeout"):
            console.print(f"\n[bold red]{run.status}[/] {escape(run.check_id)}:\n{escape(run.message)}", soft_wrap=True)


def summary(runs: list[RunView], seconds: float) -> str:
    statuses = Counter(r.status for r in runs)
    verdicts = Counter(c.verdict for r in runs for c in r.claims)
    checks = ", ".join(f"{n} {s}" for s, n in statuses.items())
    claims = ", ".join(f"{n} {PLURAL_VERDICTS.get(v, v) if n != 1 else v}" for v, n in verdicts.items())
    devices = sorted({f"{r.device} ({r.device_name})" for r in runs if r.device})
    torch = sorted({r.torch_version for r in runs if r.torch_version})
    cached = sum(r.cached for r in runs)
    return (f"{len(runs)} check{'' if len(runs) == 1 else 's'}: {checks or 'none'} ({cached} from the cache) · claims: {claims or 'none'} · "
            f"{', '.join(devices) or 'no device'} · torch {', '.join(torch) or '?'} · {seconds:.2f} s")


def print_list(specs, runs_by_id: dict[str, RunView]) -> None:
    """Every check with where it lives and its newest result."""
    table = Table(box=None, pad_edge=False)
    for column in ("question", "check", "defined at", "newest result"):
        table.add_column(column, overflow="fold")
    for spec in specs:
        run = runs_by_id.get(spec.check_id)
        last = "not run" if run is None else f"{run.status}{' (stale)' if run.stale else ''} on {run.device}, {run.started_at:%Y-%m-%d %H:%M}"
        table.add_row(escape(spec.question_slug), escape(spec.check_id), escape(f"{spec.module.name}:{spec.line}"), escape(last))
    console.print(table)

"""How `studylog verify` shows its work: the claims grouped by question › check, a summary, or --json.

Tables keep four columns (claim, computed, expected, verdict) so they read at 80 columns; ids go on
heading lines of their own, cut with … when the terminal is narrower than they are.
"""

from __future__ import annotations

import json
from collections import Counter

from rich.console import Console, RenderableType

from studylog.commands.console import TerminalConsole
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from studylog.checks.placeholder import PREFIX as PLACEHOLDER
from studylog.checks.display import CitedDocuments, format_computed_briefly, format_expected
from studylog.checks.views import RunView

MAX_WIDTH = 140  # wider terminals get this much: columns stretched further only put distance between values
VERDICT_STYLES = {"holds": "green", "fails": "bold red", "matches": "cyan", "differs": "yellow", "reported": "dim",
                  "error": "bold red", "timeout": "bold red"}
STATUS_ORDER = ("passed", "failed", "error", "timeout")
VERDICT_ORDER = ("holds", "fails", "matches", "differs", "reported")
PLURAL_VERDICTS = {"holds": "hold", "fails": "fail", "matches": "match", "differs": "differ"}


def console_for_this_run() -> Console:
    """A console made per call, so it measures the terminal (or $COLUMNS) of this run."""
    return TerminalConsole(highlight=False)


def grouped_print(console: Console, groups: dict[str, list[tuple[str, RenderableType]]]) -> None:
    """Each question's heading, then for each of its entries an optional sub-heading and the body indented under it."""
    for question, entries in groups.items():
        console.print(Text(question, style="bold"), no_wrap=True, overflow="ellipsis")
        for heading, body in entries:
            if heading:
                console.print(Text(heading, style="cyan"), no_wrap=True, overflow="ellipsis")
            console.print(Padding(body, (0, 0, 0, 2), expand=False))


def _by_question(runs: list[RunView]) -> dict[str, list[RunView]]:
    groups: dict[str, list[RunView]] = {}
    for run in runs:
        groups.setdefault(run.question_slug, []).append(run)
    return groups


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


def print_json(runs: list[RunView]) -> None:
    print(json.dumps(json_rows(runs), ensure_ascii=False, indent=2))


def _check_heading(run: RunView) -> str:
    audit = "  · audit only: it asserts nothing, so it cannot fail" if run.audit_only else ""
    return f"› {run.check_id}{audit}"


CLAIM_COLUMNS = [("claim", 5), ("computed", 3), ("expected", 3)]  # shares of the width left beside the verdict


def _claims_table(console: Console, run: RunView | None, footnotes: CitedDocuments) -> Table:
    """One check's claims (None: the column names alone), sized the same for every check so columns line up."""
    table = Table(box=None, pad_edge=False, expand=True, show_header=run is None, width=min(console.width, MAX_WIDTH) - 2)
    for name, ratio in CLAIM_COLUMNS:
        table.add_column(name, ratio=ratio, overflow="fold")
    table.add_column("verdict", width=8, no_wrap=True)
    for claim in run.claims if run else ():
        marks = footnotes.mark(claim)
        table.add_row(escape(claim.label) + (f"[dim]{escape(marks)}[/]" if marks else ""), escape(format_computed_briefly(claim)), escape(format_expected(claim)),
                      f"[{VERDICT_STYLES.get(claim.verdict, '')}]{claim.verdict}[/]")
    if run is not None and run.status in ("error", "timeout"):
        first_line = run.message.splitlines()[0] if run.message else run.status
        table.add_row(escape(first_line), "", "", f"[bold red]{run.status}[/]")
    return table


def print_table(runs: list[RunView], modules: dict | None = None) -> None:
    """The claims under their question and check, the documents they cite by number, then each error in full,
    then each template value still to fill in (in the module `modules` maps its check id to, when given)."""
    console, footnotes = console_for_this_run(), CitedDocuments()
    console.print(Padding(_claims_table(console, None, footnotes), (0, 0, 0, 2), expand=False))  # the column names, once
    grouped_print(console, {question: [(_check_heading(run), _claims_table(console, run, footnotes)) for run in group]
                             for question, group in _by_question(runs).items()})
    for document, number in footnotes.numbers.items():
        console.print(f"[dim][{number}] {escape(document)}[/]", soft_wrap=True)
    for run in runs:
        if run.status in ("error", "timeout"):
            console.print(f"\n[bold red]{run.status}[/] {escape(run.check_id)}:\n{escape(run.message)}", soft_wrap=True)
        elif run.not_cached_because:
            console.print(f"\n[yellow]not cached[/] {escape(run.check_id)}: {escape(run.not_cached_because)}", soft_wrap=True)
    for run in runs:
        for claim in run.claims:
            if isinstance(claim.expected, str) and claim.expected.startswith(PLACEHOLDER):
                where = (modules or {}).get(run.check_id) or f"the module `studylog check path {run.check_id}` prints"
                console.print(f"\n[yellow]{escape(claim.expected)}[/] — replace fill_in(...) in {escape(str(where))}"
                              f" ({escape(run.check_id)}: {escape(claim.label)})", soft_wrap=True)


def _counted(counts: Counter, order: tuple[str, ...], plural: dict[str, str]) -> str:
    known = [key for key in order if counts[key]] + sorted(set(counts) - set(order))
    return ", ".join(f"{counts[key]} {plural.get(key, key) if counts[key] != 1 else key}" for key in known)


def summary(runs: list[RunView], seconds: float) -> str:
    checks = _counted(Counter(r.status for r in runs), STATUS_ORDER, {})
    claims = _counted(Counter(c.verdict for r in runs for c in r.claims), VERDICT_ORDER, PLURAL_VERDICTS)
    devices = sorted({f"{r.device} ({r.device_name})" for r in runs if r.device})
    torch = sorted({r.torch_version for r in runs if r.torch_version})
    cached = sum(r.cached for r in runs)
    return (f"{len(runs)} check{'' if len(runs) == 1 else 's'}: {checks or 'none'} ({cached} from the cache) · "
            f"claims: {claims or 'none'} · {', '.join(devices) or 'no device'} · torch {', '.join(torch) or '?'} · "
            f"{seconds:.2f} s")

"""`studylog verify --list`: every check under its question (and module), its line and its newest result."""

from __future__ import annotations

from rich.markup import escape
from rich.padding import Padding
from rich.table import Table

from studylog.checks.views import RunView
from studylog.commands.verify_render import console_for_this_run, grouped_print


def _newest(run: RunView | None) -> str:
    if run is None:
        return "not run"
    notes = ", ".join(note for note, on in (("stale", run.stale), ("audit only", run.audit_only)) if on)
    where = f" on {run.device}" if run.device else ""
    return f"{run.status}{f' ({notes})' if notes else ''}{where}, {run.started_at.astimezone():%Y-%m-%d %H:%M}"


def _table(id_width: int, *, header: bool) -> Table:
    """The same column widths in every question's table, so they line up under one header."""
    table = Table(box=None, pad_edge=False, show_header=header)
    table.add_column("check", min_width=id_width, no_wrap=True, overflow="ellipsis")
    table.add_column("line", justify="right", min_width=4, no_wrap=True)
    table.add_column("newest result (local time)", overflow="fold")
    return table


def _state(spec, run: RunView | None) -> str:
    """The newest result, or why the check's module cannot be read (file and line are on screen already)."""
    if spec.problem:
        return f"error: {spec.problem.removeprefix(f'{spec.module}:{spec.line}: ')}"
    return _newest(run)


def _heading(question: str, group, known: set[str] | None) -> str:
    modules = ", ".join(dict.fromkeys(spec.module.name for spec in group))
    if not question:
        return f"(no question: the module names none)  ({modules})"
    if known is not None and question not in known:
        return f"{question}: no such question in this database  ({modules})"
    return f"{question}  ({modules})"


def print_list(specs, runs_by_id: dict[str, RunView], known_questions: set[str] | None = None) -> None:
    """Every check under its question; a question missing from the database (`known_questions`) is said
    so in its heading. Times are in the machine's local time zone (they are stored in UTC)."""
    console = console_for_this_run()
    id_width = max((len(spec.check_id) for spec in specs), default=0)
    groups: dict[str, list] = {}
    for spec in specs:
        groups.setdefault(spec.question_slug, []).append(spec)
    console.print(Padding(_table(id_width, header=True), (0, 0, 0, 2), expand=False))
    tables = {}
    orphan = lambda item: known_questions is not None and item[0] not in known_questions  # noqa: E731
    for question, group in sorted(groups.items(), key=orphan):  # the database's questions first
        table = tables[_heading(question, group, known_questions)] = _table(id_width, header=False)
        for spec in group:
            table.add_row(escape(spec.check_id), str(spec.line), escape(_state(spec, runs_by_id.get(spec.check_id))))
    grouped_print(console, {heading: [("", table)] for heading, table in tables.items()})

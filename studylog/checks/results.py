"""Check results for the TUI, the blog and the quiz: the newest run of each check, and a question's verdict.

Reads with sqlite3 and finds checks with `ast`: never imports torch or the ORM.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from studylog.checks.discovery import CheckSpec, discover
from studylog.checks.fingerprint import code_hashes
from studylog.checks.history import newest_runs
from studylog.checks.views import ClaimView, RunView

__all__ = ["ClaimView", "RunView", "latest_runs", "question_verdict", "unreadable_module_run"]


def unreadable_module_run(spec: CheckSpec) -> RunView:
    """A module whose checks cannot be read, as an error of its question (never stored: it ran nothing)."""
    return RunView(spec.check_id, spec.question_slug, "error", "", "", "", "", datetime.now(timezone.utc), 0.0,
                   spec.problem, ())


def latest_runs(db, question_slug: str | None = None) -> list[RunView]:
    """The newest run of every check (of one question if given), in bank order, marked stale when the
    check's code or reference data changed since, or the check is gone; a module whose checks cannot be
    read shows as an error run of its question. `db`: a Database or its path."""
    specs = [s for s in discover() if question_slug in (None, s.question_slug)]
    order = {s.check_id: i for i, s in enumerate(specs)}
    current = code_hashes([s for s in specs if not s.problem])
    runs = newest_runs(Path(getattr(db, "path", db)), question_slug)
    marked = [replace(r, stale=current.get(r.check_id) != r.code_hash) for r in runs]
    marked += [unreadable_module_run(s) for s in specs if s.problem]
    return sorted(marked, key=lambda r: (order.get(r.check_id, len(order)), r.check_id))


def question_verdict(db, slug: str) -> str:
    """verified | failing | error | not checked | stale: the state of a question's checks' newest runs."""
    expected = {s.check_id for s in discover() if s.question_slug == slug}
    runs = latest_runs(db, slug)
    if not runs:
        return "not checked"
    statuses = {r.status for r in runs if r.check_id in expected}
    if statuses & {"error", "timeout"}:
        return "error"
    if "failed" in statuses:
        return "failing"
    if any(r.stale for r in runs) or expected - {r.check_id for r in runs}:
        return "stale"
    return "verified"

"""Check results for the TUI, the blog and the quiz: the newest run of each check, and a question's verdict.

Reads with sqlite3 and finds checks with `ast`: never imports torch or the ORM.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from studylog.checks.discovery import CheckSpec, discover
from studylog.checks.fingerprint import code_hashes
from studylog.checks.history import newest_runs
from studylog.checks.views import ClaimView, RunView
from studylog.config import check_dirs

__all__ = ["ClaimView", "RunView", "latest_runs", "question_verdict", "verdicts", "unreadable_module_run"]


def unreadable_module_run(spec: CheckSpec) -> RunView:
    """A module whose checks cannot be read, as an error of its question (never stored: it ran nothing)."""
    return RunView(spec.check_id, spec.question_slug, "error", "", "", "", "", datetime.now(timezone.utc), 0.0,
                   spec.problem, ())


def _marked(db, specs: list[CheckSpec], question_slug: str | None) -> list[RunView]:
    """The newest stored runs (of one question if given), in the order of `specs`, stale ones marked, with
    an error run for each of `specs` whose module cannot be read."""
    order = {s.check_id: i for i, s in enumerate(specs)}
    current = code_hashes([s for s in specs if not s.problem])
    runs = newest_runs(Path(getattr(db, "path", db)), question_slug)
    marked = [replace(r, stale=current.get(r.check_id) != r.code_hash) for r in runs]
    marked += [unreadable_module_run(s) for s in specs if s.problem]
    return sorted(marked, key=lambda r: (order.get(r.check_id, len(order)), r.check_id))


def latest_runs(db, question_slug: str | None = None) -> list[RunView]:
    """The newest run of every check (of one question if given), in bank order, marked stale when the
    check's code or reference data changed since, or the check is gone; a module whose checks cannot be
    read shows as an error run of its question. `db`: a Database or its path."""
    specs = discover(check_dirs(Path(getattr(db, "path", db))))
    return _marked(db, [s for s in specs if question_slug in (None, s.question_slug)], question_slug)


def _verdict(expected: set[str], runs: list[RunView]) -> str:
    if not runs:
        return "not checked"
    newest = {r.check_id: r for r in runs if r.check_id in expected}
    current = {r.status for r in newest.values() if not r.stale}  # a stale run's status is out of date
    if current & {"error", "timeout"}:
        return "error"
    if "failed" in current:
        return "failing"
    if not newest or len(newest) < len(expected) or any(r.stale for r in newest.values()):
        return "stale"
    return "verified"


def verdicts(db, slugs: Iterable[str]) -> dict[str, str]:
    """Each question's verdict by slug (see question_verdict), from one discovery pass and one read of the runs."""
    slugs = list(dict.fromkeys(slugs))
    wanted = set(slugs)
    specs = [s for s in discover(check_dirs(Path(getattr(db, "path", db)))) if s.question_slug in wanted]
    runs: dict[str, list[RunView]] = {}
    for run in _marked(db, specs, slugs[0] if len(slugs) == 1 else None):
        runs.setdefault(run.question_slug, []).append(run)
    return {slug: _verdict({s.check_id for s in specs if s.question_slug == slug}, runs.get(slug, [])) for slug in slugs}


def question_verdict(db, slug: str) -> str:
    """verified | failing | error | stale | not checked: the state of a question's checks' newest runs.

    error and failing come from runs of the current code only; stale means some check changed since its
    newest run (or never ran), so a fixed check that last errored is stale until it runs again.
    """
    return verdicts(db, [slug])[slug]

"""`run_checks`: serve what the cache holds, run the rest isolated in forked processes (execution.py), record each result.

Only what must run pays for torch: cached results are read with sqlite3, and the database is opened
through the store (SQLAlchemy, migrations) only when there is something to write.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from studylog.checks import history
from studylog.checks.devices import DEVICES, expected_device
from studylog.checks.discovery import CheckSpec, discover, select
from studylog.checks.fingerprint import cache_key, code_hashes, library_versions
from studylog.checks.results import unreadable_module_run
from studylog.checks.views import RunView
from studylog.config import check_dirs
from studylog.errors import StudylogError

DEFAULT_JOBS_MAX = 4  # more at once gains little: checks are short, and each CUDA run opens its own context


class ResultsNotStored(StudylogError):
    """Some finished runs could not be stored (the database stayed locked, or refused the write);
    `runs` holds every run of the verify, to be shown all the same."""

    def __init__(self, message: str, runs: list[RunView]) -> None:
        super().__init__(message)
        self.runs = runs


@dataclass(frozen=True)
class RunEvent:
    """Progress of a run_checks call: a check served from the cache, started, or finished (with its run)."""

    kind: str  # cached | started | finished
    check_id: str
    question_slug: str
    run: RunView | None
    done: int
    total: int


def run_checks(
    db, names: Iterable[str] = (), *, device: str = "auto", force: bool = False, timeout: float | None = None,
    progress: Callable[[RunEvent], None] | None = None, cancel: threading.Event | None = None, jobs: int | None = None,
    memory_gb: float | None = None, cpu_s: float | None = None,
) -> list[RunView]:
    """Verify the checks named by id or question slug (all when none), newest result per check, in bank order.

    `db` is an open Database or the path of one (opened only if something must run). `timeout` overrides
    every check's limit, `memory_gb` and `cpu_s` its memory and CPU-time limits (limits.py); `cancel` stops
    the checks still running (their results are not recorded; finished ones are). `jobs`
    checks run at once (default: the cores, at most 4), each on its share of the cores, except a check that
    is declared measures=True, which runs alone. Raises DeviceUnavailable, recording nothing, when `device` is missing,
    and ResultsNotStored (with every run) when some result could not be stored.
    """
    jobs = jobs or min(DEFAULT_JOBS_MAX, os.cpu_count() or 1)
    if device not in DEVICES:
        raise StudylogError(f"unknown device {device!r}: use one of {', '.join(DEVICES)}")
    path = Path(getattr(db, "path", db))
    specs = select(discover(check_dirs(path)), names)
    versions, hint = library_versions(), expected_device(device)
    codes = code_hashes([s for s in specs if not s.problem])
    keys = {check_id: cache_key(code, versions, hint) for check_id, code in codes.items()}
    cached = {} if force else history.cached_runs(path, list(keys.values()))
    results: dict[str, RunView] = {}

    def emit(kind: str, spec: CheckSpec, run: RunView | None = None) -> None:
        if run is not None:
            results[spec.check_id] = run
        if progress is not None:
            progress(RunEvent(kind, spec.check_id, spec.question_slug, run, len(results), len(specs)))

    for spec in specs:
        if spec.problem:
            emit("finished", spec, unreadable_module_run(spec))
        elif (run := cached.get(keys[spec.check_id])) is not None:
            emit("cached", spec, replace(run, cached=True))
    to_run = [s for s in specs if s.check_id not in results]
    if to_run:
        previous = {r.check_id: r.duration_s for r in history.newest_runs(path)}
        # Measuring checks first (they run alone), then the longest first, so parallel runs end together.
        to_run.sort(key=lambda s: (not s.measures, -previous.get(s.check_id, float("inf"))))
        limits = {"timeout": timeout, "memory_gb": memory_gb, "cpu_s": cpu_s}
        from studylog.checks.execution import execute

        recorder = execute(db, to_run, codes, keys, device=device, limits=limits, jobs=jobs, emit=emit, cancel=cancel)
        results.update((check_id, replace(results[check_id], run_id=run_id)) for check_id, run_id in recorder.stored.items())
        if recorder.unsaved:
            runs = [results[s.check_id] for s in specs if s.check_id in results]
            raise ResultsNotStored(f"{len(recorder.unsaved)} of the results could not be stored: {recorder.problem}", runs)
    return [results[s.check_id] for s in specs if s.check_id in results]

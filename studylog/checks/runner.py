"""`run_checks`: serve what the cache holds, run the rest isolated in forked processes, record each result.

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
from studylog.checks.devices import DEVICES, DeviceUnavailable, expected_device
from studylog.checks.discovery import CheckSpec, discover, select
from studylog.checks.fingerprint import cache_key, code_hashes, is_sibling, library_versions
from studylog.checks.source_facts import source_facts
from studylog.checks.registry import DEFAULT_TIMEOUT_S
from studylog.checks.results import unreadable_module_run
from studylog.checks.views import RunView
from studylog.config import check_dirs
from studylog.errors import StudylogError

DEFAULT_JOBS_MAX = 4  # more at once gains little: checks are short, and each CUDA run opens its own context


@dataclass(frozen=True)
class RunEvent:
    """Progress of a run_checks call: a check served from the cache, started, or finished (with its run)."""

    kind: str  # cached | started | finished
    check_id: str
    question_slug: str
    run: RunView | None
    done: int
    total: int


def _preload(specs: Iterable[CheckSpec]) -> list[str]:
    """The modules the check modules' imports name, for the zygote to import once; their sibling helpers
    are left to each check, which imports them from its own folder."""
    names = {"torch"}
    for module in {spec.module for spec in specs}:
        names.update(n for n in source_facts(module).named_modules if not is_sibling(n, module.parent))
    return sorted(names)


def run_checks(
    db, names: Iterable[str] = (), *, device: str = "auto", force: bool = False, timeout: float | None = None,
    progress: Callable[[RunEvent], None] | None = None, cancel: threading.Event | None = None, jobs: int | None = None,
) -> list[RunView]:
    """Verify the checks named by id or question slug (all when none), newest result per check, in bank order.

    `db` is an open Database or the path of one (opened only if something must run). `timeout` overrides
    every check's limit; `cancel` stops the checks still running (their results are not recorded). `jobs`
    checks run at once (default: the cores, at most 4), each on its share of the cores, except a check that
    is declared measures=True, which runs alone. Raises DeviceUnavailable, recording nothing, when `device` is missing.
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
        _execute(db, to_run, codes, keys, device=device, timeout=timeout, jobs=jobs, emit=emit, cancel=cancel)
    return [results[s.check_id] for s in specs if s.check_id in results]


def _execute(db, specs: list[CheckSpec], codes, keys, *, device, timeout, jobs, emit, cancel) -> None:
    """Run `specs` in the zygote's forked processes, recording each result as it arrives."""
    from studylog.checks.pool import CheckProcesses
    from studylog.checks.recording import record_run
    from studylog.store.database import open_database

    by_id = {s.check_id: s for s in specs}
    threads = max(1, (os.cpu_count() or 1) // jobs) if jobs > 1 else None  # share the cores, don't oversubscribe them
    tasks = [{"check_id": s.check_id, "module": str(s.module), "timeout": timeout or s.timeout or DEFAULT_TIMEOUT_S,
              "exclusive": s.measures, "threads": None if s.measures else threads} for s in specs]
    plan = {"preload": _preload(specs), "device": device, "jobs": jobs, "tasks": tasks}
    with CheckProcesses(plan) as processes:  # torch starts importing there while the database opens here
        database = db if hasattr(db, "session") else open_database(Path(db))
        try:
            finished: set[str] = set()
            for event in processes.events(cancel):
                if event["event"] == "started":
                    emit("started", by_id[event["check_id"]])
                elif event["event"] == "finished":
                    if event["device_unavailable"]:  # every check would fail alike: stop them all, record none
                        raise DeviceUnavailable(event["message"])
                    spec = by_id[event["check_id"]]
                    finished.add(spec.check_id)
                    emit("finished", spec, record_run(database, spec, codes[spec.check_id], keys[spec.check_id], event))
                elif event["event"] == "lost":
                    for spec in (s for s in specs if s.check_id not in finished):
                        lost = {"status": "error", "message": event["message"]}
                        emit("finished", spec, record_run(database, spec, codes[spec.check_id], keys[spec.check_id], lost))
        finally:
            if database is not db:
                database.close()

"""Running the checks that must run: the plan for the zygote (what it preloads, each check's limits), its
events turned into stored results as they come, and a check that holds the database's write lock stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterable
from pathlib import Path

from studylog.checks.devices import DeviceUnavailable
from studylog.checks.discovery import CheckSpec
from studylog.checks.integrity import SHARED
from studylog.checks.limits import DEFAULT_CPU_S, default_memory_gb
from studylog.checks.pool import CheckProcesses
from studylog.checks.processes import descends_from, write_lock_holders
from studylog.checks.recording import Recorder, run_view
from studylog.checks.registry import DEFAULT_TIMEOUT_S
from studylog.checks.source_facts import source_facts
from studylog.process_exit import interrupts_held
from studylog.store.database import open_database

BLOCKED_S = 1.0  # a result waiting this long for the database: look for a check holding its write lock


def preload(specs: Iterable[CheckSpec]) -> list[str]:
    """The modules of torch, torchvision and studylog's own check helpers (counting, zoo) that the check modules'
    imports name, for the zygote to import once; anything else (a helper, another library) each check imports
    in its own process."""
    names = {"torch"}
    for module in {spec.module for spec in specs}:
        names.update(n for n in source_facts(module).named_modules if n.split(".")[0] in (*SHARED, "studylog"))
    return sorted(names)


def _task(spec: CheckSpec, limits: dict, threads: int | None) -> dict:
    """What the zygote needs to run one check: its module, and its limits (the command line's, else its own)."""
    return {"check_id": spec.check_id, "module": str(spec.module), "exclusive": spec.measures,
            "threads": None if spec.measures else threads,
            "timeout": limits["timeout"] or spec.timeout or DEFAULT_TIMEOUT_S,
            "memory_gb": limits["memory_gb"] or spec.memory_gb or default_memory_gb(),
            "cpu_s": limits["cpu_s"] or spec.cpu_s or DEFAULT_CPU_S}


def _stop_lock_holder(path: Path, running: dict[int, str], recorder, stopped: dict[str, str]) -> None:
    """A result has waited BLOCKED_S for the database: if a running check (or its descendant) holds the
    write lock, stop it and note why, to report as its error."""
    for holder in write_lock_holders(path) if recorder.waiting_s >= BLOCKED_S else ():
        pid = descends_from(holder, set(running))
        if pid is not None and running[pid] not in stopped:
            stopped[running[pid]] = (f"stopped: it held the write lock of the study log's database ({path}) while "
                                     f"results waited {recorder.waiting_s:.0f} s to be stored; a check must not write to it")
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGKILL)


def execute(db, specs: list[CheckSpec], codes, keys, *, device, limits, jobs, emit, cancel):
    """Run `specs` in the zygote's forked processes, storing each result as it arrives; returns the Recorder."""
    by_id = {s.check_id: s for s in specs}
    threads = max(1, (os.cpu_count() or 1) // jobs) if jobs > 1 else None  # share the cores, don't oversubscribe them
    plan = {"preload": preload(specs), "device": device, "jobs": jobs, "tasks": [_task(s, limits, threads) for s in specs]}
    path = Path(getattr(db, "path", db))
    with CheckProcesses(plan) as processes:  # torch starts importing there while the database opens here
        database = db if hasattr(db, "session") else open_database(path)
        recorder, running, stopped, finished = Recorder(database), {}, {}, set()

        def finish(spec: CheckSpec, result: dict) -> None:
            if spec.check_id in stopped:
                result = {**result, "status": "error", "message": stopped[spec.check_id]}
            view = run_view(spec, codes[spec.check_id], keys[spec.check_id], result)
            recorder.add(view)
            emit("finished", spec, view)

        try:
            for event in processes.events(cancel):
                if event["event"] == "started":
                    running[event["pid"]] = event["check_id"]
                    emit("started", by_id[event["check_id"]])
                elif event["event"] == "finished":
                    if event["device_unavailable"]:  # every check would fail alike: stop them all, record none
                        raise DeviceUnavailable(event["message"])
                    running = {pid: check_id for pid, check_id in running.items() if check_id != event["check_id"]}
                    finished.add(event["check_id"])
                    finish(by_id[event["check_id"]], event)
                elif event["event"] == "lost":
                    for spec in (s for s in specs if s.check_id not in finished):
                        finish(spec, {"status": "error", "message": event["message"]})
                _stop_lock_holder(path, running, recorder, stopped)
        finally:
            with interrupts_held():  # a second Ctrl-C or kill must not lose the results that finished
                recorder.close()
                if database is not db:
                    database.close()
    return recorder

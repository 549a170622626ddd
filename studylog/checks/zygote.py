"""The zygote: one process that imports torch (and what the check modules import) once, then forks a
process per check, so each check is isolated without paying its own torch import.

It never initialises CUDA (forked children could not use it); each child picks its device itself.
Run as `python -m studylog.checks.zygote`; the runner writes one plan line on stdin:
{"preload": [...], "device": "auto", "jobs": 2, "tasks": [{"check_id", "module", "timeout", "exclusive", "threads"}]}
and reads {"event": "started" | "finished" | "done"} lines on stdout. Closing stdin stops it.
"""

from __future__ import annotations

import importlib
import json
import os
import selectors
import signal
import sys
import time
from collections import deque

from studylog.checks.children import Child, fork_check, outcome
from studylog.checks.protocol import send


def preload(modules: list[str]) -> None:
    """Import what the checks will import; a module that fails here fails again, reported, in its check."""
    for name in modules:
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: BLE001 - the check's own process reports it with context
            pass


def _finish(child: Child, wait_status: int | None, out: int, selector, running: dict) -> None:
    if not child.eof:
        selector.unregister(child.fd)
    del running[child.fd]
    send(out, outcome(child, wait_status))


def _may_start(task: dict, running: dict, jobs: int) -> bool:
    """Up to `jobs` checks at once; an exclusive one (it measures time) only when it would run alone."""
    if task["exclusive"]:
        return not running
    return len(running) < jobs and not any(c.task["exclusive"] for c in running.values())


def supervise(plan: dict, out: int, control: int) -> None:
    """Run the plan's tasks, `jobs` at a time; stop everything when the control pipe closes."""
    pending, running = deque(plan["tasks"]), {}
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ)
    while pending or running:
        while pending and _may_start(pending[0], running, plan["jobs"]):
            child = fork_check(pending.popleft(), plan["device"], close_in_child=[out, control, *running])
            running[child.fd] = child
            selector.register(child.fd, selectors.EVENT_READ)
            send(out, {"event": "started", "check_id": child.task["check_id"]})
        waiting_on_exit = any(c.eof or c.ended for c in running.values())
        wait = min(c.deadline for c in running.values()) - time.monotonic()
        for key, _ in selector.select(max(0.0, min(wait, 0.005) if waiting_on_exit else wait)):
            if key.fd == control:
                if not os.read(control, 1 << 12):  # the runner is gone or cancelled: stop every check
                    for child in running.values():
                        os.kill(child.pid, signal.SIGKILL)
                    return
                continue
            child = running[key.fd]
            child.drain()
            if child.eof:
                selector.unregister(child.fd)
        for child in list(running.values()):
            pid, wait_status = os.waitpid(child.pid, os.WNOHANG) if child.eof or child.ended else (0, 0)
            if pid:
                _finish(child, wait_status, out, selector, running)
            elif time.monotonic() >= child.deadline:
                os.kill(child.pid, signal.SIGKILL)
                os.waitpid(child.pid, 0)
                _finish(child, None, out, selector, running)


def main() -> None:
    out = os.dup(1)
    os.dup2(2, 1)  # whatever an import prints must not garble the messages on `out`
    plan = json.loads(sys.stdin.readline())
    preload(plan["preload"])
    supervise(plan, out, sys.stdin.fileno())
    send(out, {"event": "done"})


if __name__ == "__main__":
    main()

"""The zygote: one process that imports torch and torchvision once, then forks a process per check, so each
check is isolated without paying its own torch import. It imports nothing else a check names: a module
with import-time side effects (a helper that patches torch) would otherwise act on every check of the run.
It is a subreaper: whatever an ended check left running comes back to it and is killed.

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

from studylog.checks import integrity, processes
from studylog.checks.children import Child, fork_check, kill, outcome, reap
from studylog.checks.protocol import send


EXIT_POLL_S = 0.05  # without pidfds (macOS), how often a check's exit is looked for


def preload(modules: list[str]) -> None:
    """Import the shared libraries (integrity.SHARED) the checks will import, then snapshot their functions
    and classes before any check can change them; a module that fails here fails again in its check."""
    for name in modules:
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: BLE001 - the check's own process reports it with context
            pass
    integrity.take_snapshot()


def sweep_orphans(running: dict) -> None:
    """Kill and reap every child of this process that is not a running check: descendants of ended checks,
    orphaned to this subreaper (a helper in a new session, a daemon); their own children follow."""
    checks = {child.pid for child in running.values()}
    for _ in range(100):  # each round kills a generation; a fork bomb may need several
        orphans = [pid for pid in processes.children_of(os.getpid()) if pid not in checks]
        if not orphans:
            return
        for pid in orphans:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ChildProcessError, ProcessLookupError):  # reaped, or gone, meanwhile
                pass


def _finish(child: Child, wait_status: int | None, out: int, selector, running: dict) -> None:
    for fd in (child.exit_fd, None if child.eof else child.fd):
        if fd is not None:
            selector.unregister(fd)
    del running[child.fd]
    kill(child)  # what it left in its group
    sweep_orphans(running)  # and what left the group
    send(out, outcome(child, wait_status))


def _may_start(task: dict, running: dict, jobs: int) -> bool:
    """Up to `jobs` checks at once; an exclusive one (it measures time) only when it would run alone."""
    if task["exclusive"]:
        return not running
    return len(running) < jobs and not any(c.task["exclusive"] for c in running.values())


def _stop_all(running: dict) -> None:
    for child in running.values():
        kill(child)
        reap(child, block=True)
    sweep_orphans({})


def supervise(plan: dict, out: int, control: int) -> None:
    """Run the plan's tasks, `jobs` at a time; stop everything when the control pipe closes."""
    pending, running = deque(plan["tasks"]), {}
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ)
    while pending or running:
        while pending and _may_start(pending[0], running, plan["jobs"]):
            child = fork_check(pending.popleft(), plan["device"], close_in_child=[out, control, *running])
            running[child.fd] = child
            selector.register(child.fd, selectors.EVENT_READ, child)
            if child.exit_fd is not None:
                selector.register(child.exit_fd, selectors.EVENT_READ, child)
            send(out, {"event": "started", "check_id": child.task["check_id"], "pid": child.pid})
        wait = min(c.deadline for c in running.values()) - time.monotonic()
        if any(c.exit_fd is None for c in running.values()):
            wait = min(wait, EXIT_POLL_S)
        for key, _ in selector.select(max(0.0, wait)):
            if key.fd == control:
                if not os.read(control, 1 << 12):  # the runner is gone or cancelled: stop every check
                    _stop_all(running)
                    return
            elif key.fd == key.data.fd and key.data.fd in running:
                key.data.drain()
                if key.data.eof:
                    selector.unregister(key.fd)
        for child in list(running.values()):
            if (wait_status := reap(child, block=False)) is not None:
                _finish(child, wait_status, out, selector, running)
            elif time.monotonic() >= child.deadline:
                kill(child)
                reap(child, block=True)
                _finish(child, None, out, selector, running)
    sweep_orphans({})


def main() -> None:
    out = os.dup(1)
    os.dup2(2, 1)  # whatever an import prints must not garble the messages on `out`
    plan = json.loads(sys.stdin.readline())
    processes.become_subreaper()
    preload(plan["preload"])
    supervise(plan, out, sys.stdin.fileno())
    send(out, {"event": "done"})


if __name__ == "__main__":
    main()

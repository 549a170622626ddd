"""The zygote's side of isolation: fork one process per check, watch its pipe, clock and exit, report how it ended.

Each check leads its own process group, is a subreaper of its descendants (processes.py) and runs under
its memory and CPU-time limits (limits.py). Its stdout and stderr go to a temporary file (with
faulthandler's traceback on a crash), whose tail explains an error; a check past its time limit is
killed; one that dies says by which signal. Its exit is seen through a pidfd where the system has one,
so a helper it forked that still holds its pipe cannot make the zygote wait.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import tempfile
import time
from dataclasses import dataclass, field

from studylog.checks import limits, processes, worker
from studylog.checks.protocol import LineReader

OUTPUT_TAIL_CHARS = 2000


@dataclass
class Child:
    """A running check process and what it has said so far."""

    task: dict
    pid: int
    fd: int
    output: object
    started: float
    exit_fd: int | None = None  # a pidfd: readable once the process has exited
    reader: LineReader = field(default_factory=LineReader)
    lines: list[dict] = field(default_factory=list)
    eof: bool = False
    cpu_s: float = 0.0  # CPU time it used, from wait4

    @property
    def ended(self) -> bool:
        """Whether the check has said how it ended (its process may still be exiting)."""
        return any(line["kind"] == "end" for line in self.lines)

    @property
    def deadline(self) -> float:
        return self.started + self.task["timeout"]

    def drain(self) -> None:
        """Read what the pipe holds now; mark end of file when the child has closed it."""
        while not self.eof:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return
            self.eof = not chunk
            self.lines += self.reader.feed(chunk)


def fork_check(task: dict, device: str, close_in_child: list[int]) -> Child:
    """Start one check in a forked process; its messages come back on the returned child's pipe."""
    output = tempfile.TemporaryFile()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the check's process
        os.setpgid(0, 0)
        for fd in (read_end, *close_in_child):
            os.close(fd)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(output.fileno(), 1)
        os.dup2(output.fileno(), 2)
        faulthandler.enable(file=2, all_threads=False)
        processes.become_subreaper()
        limits.apply(task["memory_gb"], task["cpu_s"])
        worker.run_in_child(task, device, write_end)
    try:
        os.setpgid(pid, pid)  # as the child does: whichever runs first, its group exists before anyone signals it
    except OSError:  # it already exec'd or exited
        pass
    os.close(write_end)
    os.set_blocking(read_end, False)
    exit_fd = os.pidfd_open(pid) if hasattr(os, "pidfd_open") else None
    return Child(task=task, pid=pid, fd=read_end, output=output, started=time.monotonic(), exit_fd=exit_fd)


def kill(child: Child) -> None:
    """SIGKILL the check's process group (itself and every descendant that stayed in it)."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except OSError:  # the group is gone already
        pass


def reap(child: Child, block: bool) -> int | None:
    """The check's wait status once it has exited (None while it runs), noting the CPU time it used."""
    pid, wait_status, usage = os.wait4(child.pid, 0 if block else os.WNOHANG)
    if not pid:
        return None
    child.cpu_s = usage.ru_utime + usage.ru_stime
    return wait_status


def _output_tail(child: Child) -> str:
    child.output.seek(0, os.SEEK_END)
    size = child.output.tell()
    child.output.seek(max(0, size - OUTPUT_TAIL_CHARS))
    text = child.output.read().decode(errors="replace").strip()
    child.output.close()
    return text


def _death(wait_status: int, child: Child) -> str:
    if (limit := limits.death_by_limit(wait_status, child.cpu_s, child.task)) is not None:
        return limit
    if os.WIFSIGNALED(wait_status):
        sig = signal.Signals(os.WTERMSIG(wait_status))
        hint = " (the system may have run out of memory)" if sig == signal.SIGKILL else ""
        return f"crashed: killed by {sig.name}{hint}"
    return f"exited with status {os.waitstatus_to_exitcode(wait_status)} before finishing"


def outcome(child: Child, wait_status: int | None) -> dict:
    """The finished-check message for the runner; wait_status None means it was killed at its deadline."""
    child.drain()
    for fd in (child.fd, child.exit_fd):
        if fd is not None:
            os.close(fd)
    env = {k: v for line in child.lines if line["kind"] == "env" for k, v in line.items() if k != "kind"}
    end = next((line for line in child.lines if line["kind"] == "end"), None)
    if wait_status is None:
        status, message = "timeout", f"did not finish within its {child.task['timeout']:g} s limit, so it was stopped"
    elif end is not None:
        status, message = end["status"], end["message"]
    else:
        status, message = "error", _death(wait_status, child)
    tail = _output_tail(child)
    if status in ("error", "timeout") and tail:
        message += f"\n--- output ---\n{tail}"
    claims = [{k: v for k, v in line.items() if k != "kind"} for line in child.lines if line["kind"] == "claim"]
    return {
        "event": "finished", "check_id": child.task["check_id"], "status": status, "message": message,
        "duration_s": round(time.monotonic() - child.started, 4), "claims": claims,
        "device_unavailable": bool(end and end.get("device_unavailable")), "uncacheable": (end or {}).get("uncacheable", ""), **env,
    }

"""A kill (SIGTERM) or a closed terminal (SIGHUP) ends `studylog verify` as Ctrl-C does: the results that finished
stay stored, every check process, what it started and the zygote's session are gone, the database is whole, and the
exit status is 128 + the signal's number; a reader gone from its progress ends it with 141; a signal during the
cleanup waits for it. Real processes on the demo database (its question aux-classifier-softmax, and one check that
runs until it is stopped), real signals, a real pseudo-terminal, a real closed pipe.
"""

from __future__ import annotations

import os
import pty
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from fakebank import alive, write_question
from studylog.config import CHECK_PATHS_ENV_VAR
from studylog.process_exit import Terminated, interrupts_held, raise_on_termination

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc tells which processes are left")

MAIN = "from studylog.cli import main; main()"
# The terminal becomes the controlling terminal of verify's session, so closing it hangs verify up.
ON_TERMINAL = "import fcntl, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); " + MAIN
WAIT_S = 120
DEMO_QUESTION, DEMO_CHECKS = "aux-classifier-softmax", 3  # questions/week4/aux_classifier_softmax.py
RUNS_UNTIL_STOPPED = """
    import subprocess, sys, time
    from studylog.checks import check

    @check("runs-until-stopped", question="runs-until-stopped", timeout=300)
    def runs(ctx):
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"], start_new_session=True)
        time.sleep(300)
"""


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name: state, ppid, pgrp, session..."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return text[text.rindex(")") + 2:].split()


def _processes() -> dict[int, list[str]]:
    return {int(name): fields for name in os.listdir("/proc") if name.isdigit() and (fields := _stat(int(name)))}


def descendants(pid: int) -> set[int]:
    """Every living process below pid, by parent links."""
    table, found, frontier = _processes(), set(), {pid}
    while frontier:
        frontier = {child for child, fields in table.items() if int(fields[1]) in frontier and fields[0] != "Z"} - found
        found |= frontier
    return found


def in_session(session: int) -> set[int]:
    return {pid for pid, fields in _processes().items() if int(fields[3]) == session and fields[0] != "Z"}


def stored_runs(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM checkrun").fetchone()[0]


def until(condition, what: str):
    """Poll condition (a cheap read of /proc or the database) until it holds; its value."""
    deadline = time.monotonic() + WAIT_S
    while not (value := condition()):
        assert time.monotonic() < deadline, f"waited {WAIT_S} s for {what}"
        time.sleep(0.05)
    return value


def start_verify(path: Path, tmp_path: Path, code: str = MAIN, **popen) -> subprocess.Popen:
    write_question(tmp_path / "checks", "runs-until-stopped", RUNS_UNTIL_STOPPED)
    env = {**os.environ, CHECK_PATHS_ENV_VAR: str(tmp_path / "checks")}
    return subprocess.Popen([sys.executable, "-c", code, "--db", str(path), "verify", DEMO_QUESTION, "runs-until-stopped",
                             "--jobs", "2"], env=env, **popen)


def stopping_point(verify: subprocess.Popen, path: Path) -> tuple[int, set[int]]:
    """Once the demo question's results are stored and the other check runs, with the helper it started: the
    zygote's pid and every process below verify."""
    def ready():
        assert verify.poll() is None, "verify ended before it could be stopped"
        if stored_runs(path) < DEMO_CHECKS:
            return None
        below = descendants(verify.pid)
        zygote = next((pid for pid in below if int(_stat(pid)[1]) == verify.pid), None)
        return zygote and len(descendants(zygote)) >= 2 and (zygote, below)

    return until(ready, "the demo's results stored and a check running")


def assert_stopped_with_results(verify, path: Path, zygote: int, below: set[int], status: int):
    assert verify.returncode == status
    assert stored_runs(path) == DEMO_CHECKS  # what finished is kept; the stopped check is not recorded
    assert [pid for pid in below if alive(pid)] == [] and in_session(zygote) == set()
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_sigterm_stops_the_checks_keeps_finished_results_and_exits_143(demo_db, tmp_path):
    path = demo_db.path
    verify = start_verify(path, tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        zygote, below = stopping_point(verify, path)
        verify.send_signal(signal.SIGTERM)
        _out, err = verify.communicate(timeout=WAIT_S)
    finally:
        verify.kill()
    assert_stopped_with_results(verify, path, zygote, below, 128 + signal.SIGTERM)
    assert err.rstrip().splitlines()[-1].startswith("Terminated by SIGTERM: the checks still running were stopped")
    assert "Traceback" not in err


class Terminal:
    """A pseudo-terminal whose output is read (and dropped) until it is closed, as a terminal window would."""

    def __init__(self) -> None:
        self.master, self.slave = pty.openpty()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        try:
            while os.read(self.master, 65536):
                pass
        except OSError:  # closed, or hung up
            pass

    def hang_up(self) -> None:
        os.close(self.master)


def test_closing_the_terminal_stops_the_checks_keeps_finished_results_and_exits_129(demo_db, tmp_path):
    path, terminal = demo_db.path, Terminal()
    verify = start_verify(path, tmp_path, ON_TERMINAL, stdin=terminal.slave, stdout=terminal.slave, stderr=terminal.slave,
                          start_new_session=True)
    os.close(terminal.slave)
    try:
        zygote, below = stopping_point(verify, path)
        terminal.hang_up()  # the kernel sends SIGHUP to the terminal's controlling process: verify
        verify.wait(timeout=WAIT_S)
    finally:
        verify.kill()
    assert_stopped_with_results(verify, path, zygote, below, 128 + signal.SIGHUP)


def test_a_kill_while_results_are_being_stored_waits_for_them():
    """verify stores the finished results and stops the zygote inside interrupts_held: a SIGTERM that arrives
    then (a second kill, or the first during a normal ending) is raised once that is done, not in the middle."""
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGHUP)}
    raise_on_termination()
    try:
        steps = []
        with pytest.raises(Terminated) as raised:
            with interrupts_held():
                os.kill(os.getpid(), signal.SIGTERM)
                steps.append("stored after the signal")
        assert steps == ["stored after the signal"] and raised.value.signum == signal.SIGTERM
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def test_a_reader_gone_from_the_progress_ends_verify_with_141_keeping_what_finished(demo_db, tmp_path):
    """`studylog verify 2>&1 | head -1` once head is gone: the first progress line meets a closed pipe. verify ends
    with 141 (it exited 1, which verify uses for a failing claim), and the result that finished is stored."""
    path = demo_db.path
    reader, writer = os.pipe()
    os.close(reader)
    verify = start_verify(path, tmp_path, stdout=writer, stderr=writer)
    os.close(writer)
    try:
        verify.wait(timeout=WAIT_S)
    finally:
        verify.kill()
    assert verify.returncode == 128 + signal.SIGPIPE
    assert stored_runs(path) >= 1  # the check whose progress line could not be shown

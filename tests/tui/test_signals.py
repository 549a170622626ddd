"""Closing the terminal (SIGHUP) or a kill (SIGTERM) while an editor holds unsaved text loses none of it: the real
app, as its own process with a pseudo-terminal as its controlling terminal, gets a real signal mid-edit, again and
again.

Each run's process is forked from a helper that has imported the app once (a zygote), so forty runs cost forty
app starts, not forty imports of Textual and SQLAlchemy.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import socket
import struct
import subprocess
import sys
import termios
import textwrap
import threading
import time
from pathlib import Path

import pytest

from studylog.journal.questions import list_questions
from studylog.journal.sections import add_section
from studylog.journal.weeks import create_week, find_week, week_detail
from studylog.store.database import open_database

RUNS = 20  # of each signal
FORM_RUNS = 3

ZYGOTE = textwrap.dedent(
    """
    import fcntl, os, socket, sys, termios
    import studylog.cli, studylog.tui.app, studylog.tui.screens.week, studylog.store.database
    import studylog.journal.weeks, studylog.journal.sections, studylog.journal.questions, studylog.checks.results

    control = socket.socket(fileno=int(sys.argv[1]))
    while True:  # one run per message: the database's path, with the terminal's slave side attached
        message, fds, _, _ = socket.recv_fds(control, 4096, 1)
        if not message:
            break
        pid = os.fork()
        if pid == 0:
            os.setsid()
            fcntl.ioctl(fds[0], termios.TIOCSCTTY, 0)  # the terminal becomes this session's controlling terminal
            for n in (0, 1, 2):
                os.dup2(fds[0], n)
            code = 1
            try:
                studylog.cli.cli(["--db", message.decode()], prog_name="studylog")
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            finally:
                os._exit(code)
        os.close(fds[0])
        control.sendall(f"{pid}\\n".encode())
        control.sendall(f"{os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])}\\n".encode())
    """
)


class Terminal:
    """The master side of a pseudo-terminal: what the app drew so far, and keys to send it."""

    def __init__(self, master: int) -> None:
        self.master, self.output, self._lock, self._closing = master, b"", threading.Lock(), threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while not self._closing.is_set():
            if not select.select([self.master], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.output += chunk

    def close(self) -> None:
        """Close the master side (the terminal window going away). The reader stops first: the fd number is
        reused by the next run's terminal, and a reader left behind would take that one's output."""
        self._closing.set()
        self._reader.join()
        os.close(self.master)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        """Until text has been drawn (after what was drawn before this call)."""
        with self._lock:
            start = len(self.output)
        deadline = time.monotonic() + timeout
        while text.encode() not in self.output[start:]:
            assert time.monotonic() < deadline, f"{text!r} never appeared"
            time.sleep(0.02)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())


@pytest.fixture
def zygote():
    """The helper's end of a socket: send it a database path with a terminal attached, read back lines."""
    ours, theirs = socket.socketpair()
    process = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(theirs.fileno())], pass_fds=[theirs.fileno()],
        env={**os.environ, "TERM": "xterm-256color"},
    )
    theirs.close()
    with ours, ours.makefile("r") as lines:
        yield ours, lines
        ours.shutdown(socket.SHUT_WR)
        process.wait(timeout=30)


def body(db_path: Path) -> str:
    database = open_database(db_path)
    try:
        return week_detail(database, find_week(database, 1).id).sections[0].body
    finally:
        database.close()


def signal_after(zygote, db_path: Path, steps: list[tuple[str, str]], signum: int) -> int:
    """Start the app in a new terminal; for each step send its keys and wait until its text is drawn; then signal
    the app (SIGHUP: close the terminal); its exit status."""
    control, lines = zygote
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    socket.send_fds(control, [str(db_path).encode()], [slave])
    pid = int(lines.readline())
    os.close(slave)
    terminal = Terminal(master)
    try:
        for keys, drawn in steps:
            terminal.send(keys)
            terminal.wait_for(drawn)
    except AssertionError:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        if signum == signal.SIGHUP:
            terminal.close()  # the terminal goes away: the kernel hangs the app up (SIGHUP)
    if signum != signal.SIGHUP:
        os.kill(pid, signum)
    status = int(lines.readline())
    if signum != signal.SIGHUP:
        terminal.close()
    return status


def edit_then_signal(zygote, db_path: Path, typed: str, signum: int) -> int:
    """Open the week's section, type, signal the app mid-edit; its exit status."""
    return signal_after(zygote, db_path, [
        ("", "signal-week"),  # the weeks are listed
        ("\r", "Week 1"),  # the week is open, its outline on the section
        ("\r", "f1"),  # the editor has the focus: the footer offers f1 for Help, as ? is typed there
        (typed, typed.split()[-1]),  # the editor shows the last keys: all of them are in it
    ], signum)


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_mid_edit_loses_no_character(tmp_path, zygote, signum):
    db_path = tmp_path / "signals.db"
    database = open_database(db_path)
    add_section(database, create_week(database, 1, title="signal-week").id, "notes")
    database.close()
    expected = ""
    for run in range(RUNS):
        typed = f"가나다 r{run:02d}-{signum.name} "
        status = edit_then_signal(zygote, db_path, typed, signum)
        assert status == 128 + signum, f"run {run}: ended with {status}, not by its own handler"
        expected = typed + expected  # the cursor starts at the top of the section
        assert body(db_path) == expected, f"run {run} lost text"
    assert not db_path.with_name(db_path.name + ".unsaved.md").exists()


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_signal_in_the_new_question_form_keeps_what_was_typed_beside_the_database(tmp_path, zygote, signum):
    """A form has no row to save into until it is submitted: its text goes to <db>.unsaved.md, run after run."""
    db_path = tmp_path / "signals.db"
    database = open_database(db_path)
    create_week(database, 1, title="signal-week")
    database.close()
    unsaved = db_path.with_name(db_path.name + ".unsaved.md")
    for run in range(FORM_RUNS):
        question, tags = f"1x1 conv는 왜 r{run}?", f"tag{run}"
        status = signal_after(zygote, db_path, [
            ("", "signal-week"), ("\r", "Week 1"), ("n", "New question"),
            (question, question), ("\t\t" + tags, tags),  # the question, then Tab past the id to the tags
        ], signum)
        assert status == 128 + signum, f"run {run}: ended with {status}, not by its own handler"
        kept = unsaved.read_text(encoding="utf-8")
        assert f"- Question: {question}\n- Id: \n- Tags: {tags}\n" in kept, f"run {run} lost the form"
    assert kept.count("## New question, a form not submitted") == FORM_RUNS
    database = open_database(db_path)
    try:
        assert list_questions(database) == []  # kept aside, not made into a question the user never confirmed
    finally:
        database.close()


async def test_sigterm_writes_the_check_module_being_edited(db, app_on):
    """The question screen's check editor too: here the app runs under Pilot, and the signal is a real SIGTERM
    sent to this process, caught by the app's own handler."""
    from test_check_authoring import bn_question, write_from_template  # the check folder beside the database
    from pilot_helpers import sigterm, type_text

    bn_question(db)
    module = db.path.parent / "checks" / "bn_params.py"
    app = app_on(db)
    async with app.run_test(size=(100, 40)) as pilot:
        await write_from_template(pilot)
        await type_text(pilot, "64")
        assert "EXPECTED = 64" not in module.read_text(encoding="utf-8")
        await sigterm(pilot)
    assert app.return_code == 128 + signal.SIGTERM
    assert "EXPECTED = 64" in module.read_text(encoding="utf-8")

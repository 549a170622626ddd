"""Output with nowhere to go: a reader that went away (`studylog week show 4 | head -1`) ends a command quietly
with 141, 128 + SIGPIPE, as `ls | head -1` does; an output that cannot be written (a full disk) is one `Error:`
line and exit 1. Never a traceback, never Python's 'Exception ignored' at exit. Real processes, real pipes.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from studylog.cli import cli

MAIN = "from studylog.cli import main; main()"
BROKEN_PIPE = 128 + signal.SIGPIPE
COMMANDS = [
    ["week", "show", "4"], ["week", "list"], ["question", "list"], ["question", "list", "--json"], ["export", "4"],
    ["verify", "--list"], ["goal", "list"], ["--help"], ["count", "resnet18", "--depth", "3"],
]


def studylog(db, args, stdout) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", MAIN, "--db", str(db.path), *args], stdout=stdout, stderr=subprocess.PIPE)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_reader_gone_before_any_output_ends_it_quietly_with_141(demo_db, args):
    reader, writer = os.pipe()
    os.close(reader)  # `studylog ... | true`: every write meets a closed pipe
    process = studylog(demo_db, args, writer)
    os.close(writer)
    _out, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (BROKEN_PIPE, b"")


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="a pipe buffer smaller than the output: Linux")
@pytest.mark.parametrize("args", [["week", "show", "4"], ["export", "4", "--format", "tistory-html"]], ids=" ".join)
def test_head_1_reads_the_first_line_and_the_command_ends_quietly(demo_db, args):
    """`| head -1`: the command is blocked writing the rest when the reader closes. It ends 141, or 0 when the
    interpreter took the write cut short for a whole one (CPython reports a partial write as done)."""
    reader, writer = os.pipe()
    fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, 4096)  # smaller than these outputs: the command waits for the reader
    process = studylog(demo_db, args, writer)
    os.close(writer)
    line = b""
    while not line.endswith(b"\n") and (byte := os.read(reader, 1)):
        line += byte
    os.close(reader)
    _out, err = process.communicate(timeout=120)
    full = CliRunner().invoke(cli, ["--db", str(demo_db.path), *args]).stdout_bytes
    assert len(full) > 4096 and line == full.splitlines(keepends=True)[0]
    assert process.returncode in (0, BROKEN_PIPE) and err == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full: a file every write to fails with ENOSPC")
@pytest.mark.parametrize("args", [["week", "show", "4"], ["export", "4"], ["question", "list"]], ids=" ".join)
def test_an_output_with_no_room_is_one_line_and_exit_1(demo_db, args):
    with open("/dev/full", "wb") as full:
        process = studylog(demo_db, args, full)
        _out, err = process.communicate(timeout=120)
    assert process.returncode == 1
    assert err.decode().splitlines() == ["Error: cannot write the output: No space left on device"]


@pytest.mark.parametrize("args", [["week", "show", "4"], ["export", "4"]], ids=" ".join)
def test_a_command_started_with_stdout_closed_ends_without_a_traceback(demo_db, args):
    """`studylog export 4 >&-`: Python has no stdout at all; there is nothing to write to and nothing to report."""
    process = subprocess.run([sys.executable, "-c", MAIN, "--db", str(demo_db.path), *args], stderr=subprocess.PIPE,
                             preexec_fn=lambda: os.close(1))
    assert (process.returncode, process.stderr) == (0, b"")


def test_into_a_pipe_a_row_stays_one_line_and_no_line_is_padded(demo_db):
    """`studylog week list | grep 6기`: into a pipe nothing wraps at rich's default 80 columns, and no line is padded
    out to the width a pipe is given."""
    lines = {}
    for args in (["week", "list"], ["verify", "--list"]):
        done = subprocess.run([sys.executable, "-c", MAIN, "--db", str(demo_db.path), *args], capture_output=True, timeout=120)
        lines[args[0]] = done.stdout.decode().splitlines()
    week_rows = [line for line in lines["week"] if line.lstrip().startswith("4 ")]
    assert len(week_rows) == 1 and "네이버 부스트캠프 AI Tech 6기" in week_rows[0] and "4주차 회고" in week_rows[0]
    assert all(len(line) < 200 for rows in lines.values() for line in rows)

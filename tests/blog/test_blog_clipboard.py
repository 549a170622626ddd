"""--clipboard: the OSC 52 escape carries the post, base64 of its UTF-8, to the terminal's clipboard."""

from __future__ import annotations

import base64
import os
import pty
import re
import subprocess
import sys

from studylog.blog.clipboard import osc52
from studylog.blog.export import export_week
from studylog.journal.weeks import find_week

OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07")
TEXT = "가지1 : 192*1*1*64 = 12288\n<details>더보기</details>\n"


def test_osc52_carries_the_text_as_base64_utf8():
    sequence = osc52(TEXT)
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\x07")
    assert base64.b64decode(sequence[len("\x1b]52;c;"):-1]).decode("utf-8") == TEXT


def test_inside_tmux_the_escape_is_wrapped_for_passthrough():
    wrapped = osc52(TEXT, tmux=True)
    assert wrapped.startswith("\x1bPtmux;\x1b\x1b]52;c;") and wrapped.endswith("\x07\x1b\\")
    assert wrapped[len("\x1bPtmux;"):-2].replace("\x1b\x1b", "\x1b") == osc52(TEXT)


def studylog(args, **streams) -> subprocess.Popen:
    """studylog in a new session: no controlling terminal, so /dev/tty cannot be opened."""
    env = {"STUDYLOG_DB": os.environ["STUDYLOG_DB"], "PATH": "/usr/bin:/bin", "TERM": "xterm"}
    code = "from studylog.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, start_new_session=True, **streams)


def test_export_to_the_clipboard_of_a_terminal_stdout(demo_db):
    master, slave = pty.openpty()
    child = studylog(["export", "4", "--clipboard", "--no-checks"], stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert child.wait(timeout=60) == 0
    (payload,) = OSC52.findall(output)
    assert base64.b64decode(payload).decode("utf-8") == export_week(demo_db, find_week(demo_db, 4).id, with_checks=False)
    assert b"copied" in output and b"to the clipboard (OSC 52 via stdout)" in output


def test_without_a_terminal_clipboard_says_what_to_do(demo_db):
    child = studylog(["export", "4", "--clipboard"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 1 and out == b""
    assert "--clipboard needs a terminal" in err.decode() and "-o FILE" in err.decode()

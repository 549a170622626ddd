"""The runner's handle on the zygote process: start it, hand it the plan, read its events, stop it.

The zygote leads its own session (a Ctrl-C in the terminal reaches verify alone). Closing its stdin tells
it to kill every check and what they left running, and exit; if it does not within STOP_WAIT_S (it may
still be importing torch), it and each check's process group are killed from here.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import studylog
from studylog.checks.protocol import LineReader
from studylog.process_exit import interrupts_held

POLL_S = 0.1  # how often a cancel request is noticed while waiting on the checks
STOP_WAIT_S = 5.0


class CheckProcesses:
    """The zygote and its checks, for one `run_checks` call; a context manager that always cleans up."""

    def __init__(self, plan: dict) -> None:
        env = dict(os.environ)
        package_root = str(Path(studylog.__file__).parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        self._stderr = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "studylog.checks.zygote"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=env, start_new_session=True,
        )
        self._process.stdin.write((json.dumps(plan) + "\n").encode())
        self._process.stdin.flush()
        self._check_pids: set[int] = set()

    def events(self, cancel: threading.Event | None = None) -> Iterator[dict]:
        """The zygote's events until it is done; {"event": "idle"} each POLL_S without one; {"event": "lost",
        "message"} if it dies first."""
        fd = self._process.stdout.fileno()
        reader, selector = LineReader(), selectors.DefaultSelector()
        selector.register(fd, selectors.EVENT_READ)
        while True:
            if cancel is not None and cancel.is_set():
                return
            if not selector.select(POLL_S):
                yield {"event": "idle"}
                continue
            chunk = os.read(fd, 1 << 16)
            for event in reader.feed(chunk):
                if event["event"] == "started":
                    self._check_pids.add(event["pid"])
                yield event
                if event["event"] == "done":
                    return
            if not chunk:
                yield {"event": "lost", "message": self._stderr_tail()}
                return

    def _stderr_tail(self) -> str:
        self._process.wait()
        self._stderr.seek(0)
        tail = self._stderr.read().decode(errors="replace").strip()[-2000:]
        code = self._process.returncode
        how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with status {code}"
        return f"the check runner {how} before this check finished" + (f":\n{tail}" if tail else "")

    def __enter__(self) -> CheckProcesses:
        return self

    def __exit__(self, *exc_info) -> None:
        with interrupts_held():  # a signal now would leave the zygote's session running
            self._stop()

    def _stop(self) -> None:
        try:
            self._process.stdin.close()
        except BrokenPipeError:  # the zygote is gone already
            pass
        try:
            self._process.wait(STOP_WAIT_S)
        except subprocess.TimeoutExpired:
            pass
        stopped_cleanly = self._process.returncode == 0
        for group in (self._process.pid, *(() if stopped_cleanly else self._check_pids)):  # what it could not stop
            try:
                os.killpg(group, signal.SIGKILL)
            except OSError:
                pass
        self._process.wait()
        self._process.stdout.close()
        self._stderr.close()

"""The TUI's start and typing: studylog beside a minimal Textual app, measured in the same run.

Start: each app runs as its own process in a pseudo-terminal (80x24) and exits itself right after its
first frame has been drawn; the time is from just before the process starts to that frame, medians over
--repeats runs taken in turns. For studylog the first frame is the weeks screen on the demo database,
before the database is open; the time until the weeks are listed is shown beside it.
Target: studylog's first frame within 1.3x of the minimal app's.

Typing: keystrokes into a 2,000-line section in studylog's editor, beside a bare Textual TextArea
holding the same text; per key the time from the press until the document changed, and until the
screen was idle again (drawn). Medians and 95th percentiles.

    .venv/bin/python benchmarks/tui_first_frame.py [--repeats 7] [--keys 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import threading
import time
from fcntl import ioctl
from pathlib import Path

# Each app records the wall time after its first refresh, then exits.
FIRST_FRAME = {
    "minimal Textual app": """
        from textual.app import App
        from textual.widgets import Footer, Header, Static

        class Minimal(App):
            def compose(self):
                yield Header()
                yield Static("hello")
                yield Footer()

            def on_mount(self):
                self.call_after_refresh(record_and_exit, self)

        Minimal().run()
    """,
    "studylog, first frame": """
        from studylog.tui.app import StudylogApp

        class FirstFrame(StudylogApp):
            def on_mount(self):
                self.call_after_refresh(record_and_exit, self)

        FirstFrame(sys.argv[1]).run()
    """,
    "studylog, weeks listed": """
        from studylog.tui.app import StudylogApp
        from studylog.tui.screens.weeks import WeeksScreen

        class WeeksListed(StudylogApp):
            def on_weeks_screen_loaded(self, message):
                self.call_after_refresh(record_and_exit, self)

        WeeksListed(sys.argv[1]).run()
    """,
}
PRELUDE = """
import os, sys, time

def record_and_exit(app):
    with open(os.environ["FRAME_AT"], "w") as out:
        out.write(repr(time.time()))
    app.exit()
"""


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def time_to_frame(program: str, db_path: Path, stamp: Path) -> float:
    """Seconds from just before the process starts until its app recorded the first frame."""
    master, slave = pty.openpty()
    ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    threading.Thread(target=_drain, args=(master,), daemon=True).start()
    env = {**os.environ, "FRAME_AT": str(stamp), "TERM": "xterm-256color"}
    stamp.unlink(missing_ok=True)
    started = time.time()
    process = subprocess.Popen(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(program), str(db_path)],
        stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
    )
    returncode = process.wait(timeout=60)
    os.close(slave)
    os.close(master)
    if returncode or not stamp.exists():
        raise SystemExit(f"the app exited with {returncode} before drawing a frame:\n{program}")
    return float(stamp.read_text()) - started


def bench_start(db_path: Path, repeats: int, work: Path) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in FIRST_FRAME}
    for _ in range(repeats):
        for name, program in FIRST_FRAME.items():
            times[name].append(time_to_frame(program, db_path, work / "stamp"))
    return times


def long_section(lines: int = 2000) -> str:
    return "\n".join(f"{i:04d}. 피어세션 질문 정리: 192*1*1*64 = 12,288 — *emphasis* and `code`" for i in range(lines))


async def keystrokes(app, focus, keys: int) -> tuple[list[float], list[float]]:
    """Per key: ms from the press until TextArea.Changed, and until the press returned (screen idle)."""
    from textual.widgets import TextArea

    changed: list[float] = []

    def hook(message) -> None:
        if isinstance(message, TextArea.Changed):
            changed.append(time.perf_counter())

    echo, idle = [], []
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await focus(pilot)
        for _ in range(keys):
            seen = len(changed)
            pressed = time.perf_counter()
            await pilot.press("x")
            idle.append((time.perf_counter() - pressed) * 1000)
            echo.append((changed[seen] - pressed) * 1000)
    return echo, idle


def bench_typing(db, keys: int) -> dict[str, tuple[list[float], list[float]]]:
    from textual.app import App
    from textual.widgets import TextArea

    from studylog.journal.sections import add_section
    from studylog.journal.weeks import create_week
    from studylog.tui.app import StudylogApp
    from studylog.tui.widgets.draft_area import DraftArea

    body = long_section()
    week = create_week(db, 99, "긴 주")
    add_section(db, week.id, "긴 섹션", body)

    class BareEditor(App):
        def compose(self):
            yield TextArea(body, language="markdown", soft_wrap=True)

    async def bare_focus(pilot) -> None:
        await pilot.pause()

    async def settle(pilot) -> None:
        for _ in range(3):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()

    async def studylog_focus(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#weeks").move_to_key(str(week.id))
        await pilot.press("enter")  # the week; its one section is the outline's first entry
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(pilot.app.focused, DraftArea) and pilot.app.focused.document.line_count == 2000

    return {
        "bare Textual TextArea": asyncio.run(keystrokes(BareEditor(), bare_focus, keys)),
        "studylog section editor": asyncio.run(keystrokes(StudylogApp(db.path), studylog_focus, keys)),
    }


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--keys", type=int, default=60)
    args = parser.parse_args()

    from studylog.journal.demo import load_demo
    from studylog.store.database import open_database

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = open_database(work / "demo.db")
        load_demo(db)

        print(f"Start, process start to first frame, 80x24 pty, median of {args.repeats} (demo database):")
        runs = bench_start(db.path, args.repeats, work)
        start = {name: statistics.median(values) * 1000 for name, values in runs.items()}
        baseline = start["minimal Textual app"]
        for name, ms in start.items():
            print(f"  {name:<26} {ms:7.0f} ms   {ms / baseline:4.2f}x")
        verdict = "met" if start["studylog, first frame"] <= 1.3 * baseline else "NOT met"
        print(f"  target: first frame within 1.3x of the minimal app: {verdict}")

        print(f"\nTyping into a 2,000-line section, {args.keys} keys (ms per key, median / p95):")
        for name, (echo, idle) in bench_typing(db, args.keys).items():
            print(f"  {name:<26} document changed {statistics.median(echo):6.1f} / {p95(echo):6.1f}"
                  f"   screen idle {statistics.median(idle):6.1f} / {p95(idle):6.1f}")
        db.close()


if __name__ == "__main__":
    main()

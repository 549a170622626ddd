"""A command killed part way leaves the database whole and holding what was committed: an import killed while its
one transaction writes adds nothing (SIGTERM exits 143, SIGKILL cannot be caught), and a quiz killed (SIGTERM) or
hung up (SIGHUP) at a prompt keeps the cards already rated. Real processes, real signals, a real SQLite file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

MAIN = "from studylog.cli import main; main()"
SECTIONS = 2500  # about 5 MB of text: more than SQLite's page cache, so the transaction spills to the -wal while open
WAIT_S = 120
BACKED_UP = 500  # sections of 12 KB: about 20 MB with the search index, so copying the database aside takes a while


def big_post(folder: Path) -> Path:
    body = ("본문이 길어서 트랜잭션이 오래 걸린다 " * 30 + "\n") * 3
    post = folder / "big.md"
    post.write_text("# [week7] a big post\n\n" + "".join(f"## section {i}\n\n{body}\n" for i in range(SECTIONS)), encoding="utf-8")
    return post


def whole(path: Path) -> list[tuple[int, str]]:
    """The weeks in the database, once SQLite says the file is intact."""
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute("SELECT number, title FROM week ORDER BY number").fetchall()


def wal_size(path: Path) -> int:
    try:
        return os.path.getsize(f"{path}-wal")
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("signum, status", [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGKILL, -signal.SIGKILL)],
                         ids=["SIGTERM", "SIGKILL"])
def test_an_import_killed_mid_transaction_adds_nothing(demo_db, tmp_path, signum, status):
    path, post = demo_db.path, big_post(tmp_path)
    before = whole(path)
    demo_db.close()  # the last connection checkpoints: the -wal is empty until the import writes
    assert wal_size(path) == 0
    importing = subprocess.Popen([sys.executable, "-c", MAIN, "--db", str(path), "import", str(post)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + WAIT_S
        while wal_size(path) < 64 * 1024:  # its transaction is open and has spilled pages: kill it now
            assert importing.poll() is None and time.monotonic() < deadline, importing.communicate()
            time.sleep(0.005)
        importing.send_signal(signum)
        out, err = importing.communicate(timeout=WAIT_S)
    finally:
        importing.kill()
    assert importing.returncode == status and out == "" and "Traceback" not in err
    if signum == signal.SIGTERM:
        assert err.splitlines() == ["terminated by SIGTERM"]
    assert whole(path) == before
    if signum != signal.SIGKILL:
        return
    # SIGKILL left its uncommitted pages in the -wal: the next writer recovers the file and the same post imports
    again = subprocess.run([sys.executable, "-c", MAIN, "--db", str(path), "import", str(post)], capture_output=True, text=True)
    assert again.returncode == 0 and whole(path) == [*before, (7, "a big post")]


def wait_for(process: subprocess.Popen, text: bytes, times: int = 1) -> bytes:
    shown = b""
    while shown.count(text) < times:
        chunk = process.stdout.read1(4096)
        assert chunk, shown
        shown += chunk
    return shown


def reviews(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT count(*) FROM reviewlog").fetchone()[0]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_quiz_killed_at_a_prompt_keeps_the_rated_cards(demo_db, signum):
    before = whole(demo_db.path)
    quiz = subprocess.Popen([sys.executable, "-c", MAIN, "--db", str(demo_db.path), "quiz"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(quiz, b"your answer")
        quiz.stdin.write(b"\n3\n")  # reveal the first card's answer, rate it Good
        quiz.stdin.flush()
        wait_for(quiz, b"your answer")  # the second card waits for its answer
        quiz.send_signal(signum)
        _out, err = quiz.communicate(timeout=WAIT_S)
    finally:
        quiz.kill()
    assert quiz.returncode == 128 + signum
    assert err.decode().splitlines() == [f"terminated by {signal.Signals(signum).name}"]
    assert reviews(demo_db.path) == 1
    assert whole(demo_db.path) == before


def test_an_open_killed_while_it_copies_an_older_database_aside_leaves_no_half_backup(tmp_path):
    """Opening a database of an older schema first copies it aside as a .bak: SIGKILL the moment that copy begins,
    and no file named .bak holds less than the whole database (a half one would look like a backup and restore
    nothing); the database itself is untouched, and the next open copies it aside whole and migrates it."""
    from studylog.store.database import current_revision, make_engine, upgrade

    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO week (id, course, number, title, created_at, updated_at) "
                                   "VALUES (1, '', 4, 'old', '2023-12-01 00:00:00', '2023-12-01 00:00:00')")
        for position in range(BACKED_UP):
            connection.exec_driver_sql("INSERT INTO section (week_id, position, level, kind, title, body, updated_at) "
                                       "VALUES (1, ?, 1, 'notes', 's', ?, '2023-12-01 00:00:00')", (position, "배치정규화 " * 2000))
    engine.dispose()
    opening = subprocess.Popen([sys.executable, "-c", MAIN, "--db", str(path), "week", "list"], stdout=subprocess.PIPE)
    try:
        deadline = time.monotonic() + WAIT_S
        while not any(".bak" in p.name for p in tmp_path.iterdir()):  # the copy has begun
            assert opening.poll() is None and time.monotonic() < deadline, "the open ended before it copied"
            time.sleep(0.001)
        opening.send_signal(signal.SIGKILL)
        opening.wait(timeout=WAIT_S)
    finally:
        opening.kill()
    for backup in tmp_path.glob("*.bak"):
        with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as connection:
            assert connection.execute("SELECT count(*) FROM section").fetchone()[0] == BACKED_UP
    assert current_revision(path) == "0002" and whole(path) == [(4, "old")]
    assert subprocess.run([sys.executable, "-c", MAIN, "--db", str(path), "week", "list"], capture_output=True).returncode == 0
    backups = list(tmp_path.glob("old.db.rev-0002.*.bak"))
    assert len(backups) >= 1 and current_revision(path) != "0002"

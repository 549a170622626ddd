"""A writer killed mid-transaction leaves a readable database holding the last committed state."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing, contextmanager

import pytest

from studylog.errors import StudylogError
from studylog.journal import weeks
from studylog.store import sqlite_file
from studylog.store.database import open_database

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from studylog.store.database import open_database
    from studylog.store.models import Section, Week

    db = open_database(Path(sys.argv[1]))
    with db.session() as s:
        s.add(Week(number=1, title="committed"))
    with db.session() as s:
        week = Week(number=2, title="never committed")
        s.add(week)
        s.flush()
        for i in range(2000):
            s.add(Section(week_id=week.id, position=i, title=f"section {i}", body="중간에 죽는다 " * 50))
        s.flush()
        print("mid-transaction", flush=True)
        sys.stdin.read()  # wait here, holding the write, until killed
    """
)


@contextmanager
def writer_mid_transaction(path):
    """A separate process that has committed week 1 and holds an open write of week 2; killed on exit."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline().strip() == "mid-transaction"
        yield writer
    finally:
        writer.kill()
        writer.wait()


def test_kill_during_a_write_keeps_the_last_commit(tmp_path):
    path = tmp_path / "crash.db"
    with writer_mid_transaction(path) as writer:
        writer.send_signal(signal.SIGKILL)
        writer.wait()

    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db = open_database(path)
    assert [(s.week.number, s.week.title, s.sections) for s in weeks.list_weeks(db)] == [(1, "committed", 0)]
    db.close()


def test_a_reader_is_not_blocked_by_an_open_write(tmp_path):
    """WAL and deferred reads: the TUI lists weeks while a `verify` in another terminal holds the write lock."""
    path = tmp_path / "busy.db"
    db = open_database(path)
    with writer_mid_transaction(path):
        started = time.monotonic()
        assert [s.week.title for s in weeks.list_weeks(db)] == ["committed"]
        assert time.monotonic() - started < 2, "the read waited for the writer"
    db.close()


def test_a_write_blocked_past_the_timeout_is_one_clear_error(tmp_path):
    path = tmp_path / "locked.db"
    db = open_database(path)
    with writer_mid_transaction(path):
        with db.engine.connect() as conn:  # shorten the wait for this test only
            conn.connection.dbapi_connection.execute("PRAGMA busy_timeout=200")
        with pytest.raises(StudylogError, match="locked by another studylog"):
            weeks.create_week(db, 9)
    db.close()


def test_a_command_run_while_the_app_holds_the_database_leaves_its_saves_in_place(demo_db):
    """The app keeps connections open and opens more (its workers); a command run meanwhile in another terminal
    closes its own. Opening another connection must not drop this process's locks on the file, or that command
    takes itself for the last user and deletes the `-wal` and `-shm` this process still writes to: the saves that
    follow were lost, and a write by the command on top of them corrupted the file."""
    path = demo_db.path
    weeks.create_week(demo_db, 9, "before")  # the app's first connection, kept by the engine's pool
    holder = sqlite_file.connect(path)  # a connection kept open, as the app's are, with the file in WAL mode
    holder.execute("SELECT count(*) FROM week").fetchall()
    sqlite_file.connect(path).close()  # a worker's connection, opened and closed meanwhile
    command = [sys.executable, "-c", "from studylog.cli import main; main()", "--db", str(path)]
    subprocess.run([*command, "week", "list"], check=True, capture_output=True, timeout=60)
    assert path.with_name(path.name + "-wal").exists() and path.with_name(path.name + "-shm").exists()
    weeks.create_week(demo_db, 10, "saved after the command ran")
    subprocess.run([*command, "week", "new", "11", "--title", "written by the command"], check=True, capture_output=True, timeout=60)
    holder.close()
    demo_db.engine.dispose()
    with closing(sqlite3.connect(path)) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert {n for (n,) in check.execute("SELECT number FROM week")} >= {9, 10, 11}

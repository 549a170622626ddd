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

"""Opening databases: fresh, at an older revision (copied aside, no row lost), newer than the code, not SQLite."""

from __future__ import annotations

import sqlite3

import pytest

from studylog.errors import DatabaseTooNew, StudylogError
from studylog.journal import search
from studylog.store.database import current_revision, make_engine, open_database, upgrade
from studylog.store.database import _script_revisions


def test_the_revisions_read_from_the_files_are_alembics():
    from alembic.script import ScriptDirectory

    from studylog.store.database import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    assert _script_revisions() == (script.get_current_head(), {rev.revision for rev in script.walk_revisions()})


def test_a_new_file_is_created_at_head(tmp_path):
    path = tmp_path / "sub" / "new.db"
    db = open_database(path)
    head, _ = _script_revisions()
    assert current_revision(path) == head
    assert list(tmp_path.glob("sub/*.bak")) == []
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_an_empty_file_is_migrated_without_a_backup(tmp_path):
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    open_database(path).close()
    assert current_revision(path) is not None
    assert list(tmp_path.glob("*.bak")) == []


def test_previous_revision_is_copied_aside_and_upgraded_with_every_row(tmp_path):
    path = tmp_path / "old.db"
    head, known = _script_revisions()
    previous = "0002"
    assert previous in known and previous != head
    engine = make_engine(path)
    upgrade(engine, previous)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO week (id, course, number, title, created_at, updated_at) "
            "VALUES (1, 'AI Tech', 4, '4주차 회고', '2023-12-01 00:00:00', '2023-12-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO section (week_id, position, level, kind, title, body, updated_at) "
            "VALUES (1, 0, 1, 'goals', '목표', '배치정규화 공부', '2023-12-01 00:00:00')"
        )
    engine.dispose()
    assert current_revision(path) == previous

    db = open_database(path)

    assert current_revision(path) == head
    backups = list(tmp_path.glob("old.db.rev-0002.*.bak"))
    assert len(backups) == 1
    assert current_revision(backups[0]) == previous
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT number, title FROM week").fetchall() == [(4, "4주차 회고")]
        assert conn.execute("SELECT body FROM section").fetchall() == [("배치정규화 공부",)]
    assert [hit.title for hit in search.search(db, "정규화")] == ["목표"]
    db.close()


def test_a_database_newer_than_the_code_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="9999_from_the_future.*upgrade studylog"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_gets_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n" * 200)
    with pytest.raises(StudylogError, match="is not an SQLite database"):
        open_database(path)


def test_another_apps_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    before = path.read_bytes()
    with pytest.raises(StudylogError, match="not a studylog one"):
        open_database(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.bak")) == []


def test_stored_bodies_stay_markdown_with_only_the_literal_guard_applied(tmp_path):
    """0007: a body's list lines stay list lines (goals are read from them); only `192*1*1*64`, a
    dunder name and a stray `<word>` are escaped, and a question gains an empty asker."""
    from studylog.journal.goal_items import parse_items

    path = tmp_path / "old.db"
    engine = make_engine(path)
    upgrade(engine, "0005")
    body = "- 배치정규화 공부\n1. ResNet 읽기 -> 완료\n\n192*1*1*64 번, __init__ 와 <pad> 토큰, **굵게**"
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO week (id, course, number, title, created_at, updated_at) "
            "VALUES (1, 'AI Tech', 4, '4주차 회고', '2023-12-01 00:00:00', '2023-12-01 00:00:00')"
        )
        conn.exec_driver_sql(
            "INSERT INTO section (week_id, position, level, kind, title, body, updated_at) "
            "VALUES (1, 0, 1, 'goals', '목표', ?, '2023-12-01 00:00:00')",
            (body,),
        )
    engine.dispose()

    open_database(path).close()

    with sqlite3.connect(path) as conn:
        (stored,) = conn.execute("SELECT body FROM section").fetchone()
        assert "asker" in [row[1] for row in conn.execute("PRAGMA table_info(question)")]
    assert stored == (
        "- 배치정규화 공부\n1. ResNet 읽기 -> 완료\n\n"
        "192\\*1\\*1\\*64 번, \\_\\_init\\_\\_ 와 \\<pad> 토큰, **굵게**"
    )
    assert [(item.text, item.status) for item in parse_items(stored)] == [("배치정규화 공부", None), ("ResNet 읽기", "done")]

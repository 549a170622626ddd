"""Shared fixtures: real SQLite files under tmp_path, migrated by the real open_database."""

from __future__ import annotations

import pytest

from studylog.journal.demo import load_demo
from studylog.store.database import Database, open_database


@pytest.fixture
def db(tmp_path, monkeypatch) -> Database:
    """A fresh, migrated, empty database; STUDYLOG_DB points at it for CLI tests."""
    path = tmp_path / "studylog.db"
    monkeypatch.setenv("STUDYLOG_DB", str(path))
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def demo_db(db) -> Database:
    """The database with the bundled demo week loaded."""
    load_demo(db)
    return db

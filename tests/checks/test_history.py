"""Reading stored runs with sqlite3: a database without the check tables has no runs; any other problem is
said, naming the file, instead of passing for an empty history."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from studylog.checks.history import newest_runs
from studylog.errors import StudylogError


def sqlite_file(path, *statements):
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    return path


def test_a_database_without_check_tables_has_no_runs(tmp_path):
    assert newest_runs(sqlite_file(tmp_path / "old.db", "CREATE TABLE week (id INTEGER)")) == []
    assert newest_runs(tmp_path / "missing.db") == []


def test_other_errors_name_the_file_instead_of_hiding_the_runs(tmp_path):
    path = sqlite_file(tmp_path / "odd.db", "CREATE TABLE checkrun (id INTEGER, check_id TEXT)")
    with pytest.raises(StudylogError, match=r"cannot read the check runs in .*odd.db: no such column"):
        newest_runs(path)

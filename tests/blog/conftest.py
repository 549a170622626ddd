"""Blog test fixtures: fresh databases made by copying one migrated file (a migration per example
would make the property tests slow)."""

from __future__ import annotations

import itertools
import shutil

import pytest

from studylog.store.database import Database, open_database


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(path).close()
    return path


@pytest.fixture
def fresh_db(migrated_file, tmp_path):
    """A factory of fresh, migrated, empty databases; each is closed at the end of the test."""
    opened: list[Database] = []
    counter = itertools.count()

    def make() -> Database:
        path = tmp_path / f"fresh-{next(counter)}.db"
        shutil.copy(migrated_file, path)
        opened.append(open_database(path))
        return opened[-1]

    yield make
    for database in opened:
        database.close()

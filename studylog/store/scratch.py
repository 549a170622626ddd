"""A dry run's database: a private copy in a temporary folder, so the work runs as it would and the file at
the given path is never created, migrated or written (`import --dry-run` on a new --db left a 196 KB file)."""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from studylog.errors import StudylogError
from studylog.store.database import Database, database_errors, open_database
from studylog.store.sqlite_file import connect, has_data


@contextmanager
def scratch_copy(path: Path) -> Iterator[Database]:
    """The database at path as a throwaway copy (a new, empty one when path holds none), removed on exit.

    The copy is taken with SQLite's backup API, so a writer's uncommitted or un-checkpointed pages are read
    as SQLite sees them. It carries path as its name, so messages name the user's file. Raises what
    open_database raises for path (a newer schema, a file that is not studylog's), naming path.
    """
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="studylog-dry-run-") as folder:
        copy = Path(folder) / path.name
        if has_data(path):
            with database_errors(path), closing(connect(path)) as source, closing(connect(copy)) as target:
                source.backup(target)
        try:
            db = open_database(copy)
        except StudylogError as exc:
            raise type(exc)(str(exc).replace(str(copy), str(path))) from None
        try:
            yield dataclasses.replace(db, path=path)
        finally:
            db.close()

"""Opening the database: create it, or copy an older one aside and migrate it, or refuse a newer one."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

from studylog.errors import DatabaseTooNew, StudylogError
from studylog.store.engine import BUSY_TIMEOUT_MS, Session, make_engine
from studylog.store.sqlite_file import connect, has_data, is_file_error, unavailable

MIGRATIONS = Path(str(files("studylog.store.migrations")))
READ_ONLY = "studylog_read_only"  # execution option: begin a deferred transaction, not BEGIN IMMEDIATE


@dataclass(frozen=True)
class Database:
    """An open, migrated studylog database."""

    path: Path
    engine: Engine

    @cached_property
    def read_engine(self) -> Engine:
        """The same engine, beginning deferred transactions: readers never wait for a writer (WAL)."""
        return self.engine.execution_options(**{READ_ONLY: True})

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work that may write: commits when the block ends, rolls back if it raises."""
        with database_errors(self.path), Session(self.engine, expire_on_commit=False) as session:
            with session.begin():
                yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A unit of work that only reads, from one consistent snapshot."""
        with database_errors(self.path), Session(self.read_engine, expire_on_commit=False) as session:
            with session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def database_errors(path: Path) -> Iterator[None]:
    """SQLite errors about the file become one line the user can act on: a write lock held past the busy
    timeout (StudylogError), a read-only, damaged or unopenable file (DatabaseUnavailable, exit 4)."""
    try:
        yield
    except OverflowError as exc:  # a number no check caught on its way to SQLite (store/limits.py)
        raise StudylogError(f"a number is too large for the database: at most 2^63 - 1 ({exc})") from None
    except (DBAPIError, sqlite3.Error) as exc:
        orig = getattr(exc, "orig", exc)
        if isinstance(exc, (OperationalError, sqlite3.OperationalError)) and (
            "locked" in str(orig) or "busy" in str(orig)
        ):
            raise StudylogError(
                f"{path} stayed locked by another studylog for {BUSY_TIMEOUT_MS // 1000} s; try again"
            ) from exc
        if is_file_error(orig):
            raise unavailable(path, orig) from exc
        raise


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


REVISION_LINE = re.compile(r'^(revision|down_revision) = (?:"([^"]*)"|None)$', re.MULTILINE)


def _script_revisions() -> tuple[str, set[str]]:
    """The head revision and every revision this studylog knows.

    Read from the migration files' `revision = ...` lines rather than through Alembic, whose
    import costs every command ~70 ms although a database at head needs no migration;
    tests/store/test_migrations.py holds this equal to Alembic's own reading.
    """
    known, parents = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        fields = dict((name, value or None) for name, value in REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in fields:
            known.add(fields["revision"])
            parents.add(fields.get("down_revision"))
    (head,) = known - parents
    return head, known


def current_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, None for a file without one."""
    with closing(connect(path, read_only=True)) as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _has_tables(path: Path) -> bool:
    with closing(connect(path, read_only=True)) as conn:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0


def backup_copy(path: Path, label: str) -> Path:
    """Copy the database aside (consistently, WAL included) as <name>.<label>.<timestamp>.bak. The copy is made
    under a hidden temporary name and renamed when whole: a process killed part way leaves no `.bak` that holds
    half a database (an interrupt removes the temporary file; SIGKILL can leave it, hidden)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.name}.{label}.{stamp}.bak")
    partial = target.with_name(f".{target.name}.tmp")
    try:
        with closing(connect(path)) as source, closing(connect(partial)) as copy:
            source.backup(copy)
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return target


def _use_transactional_ddl(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, begin transactions, so DDL and writes are atomic.

    A unit of work that may write begins with BEGIN IMMEDIATE, taking the write lock up front:
    a second writer (the TUI and a `verify` in another terminal) waits out the busy timeout
    instead of failing mid-transaction. Read-only units (Database.reading) begin deferred.
    """

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to revision in one transaction."""
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def open_database(path: Path, *, migrate: bool = True) -> Database:
    """Open (creating or migrating as needed) the studylog database at path."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StudylogError(f"cannot create the folder for the database {path}: {exc.strerror}") from exc
    with database_errors(path):
        revision = _stamped_revision(path) if has_data(path) else None
    head, known = _script_revisions()
    if revision is not None and revision not in known:
        raise DatabaseTooNew(
            f"{path} is at schema revision {revision}, newer than this studylog knows (head {head}); "
            "upgrade studylog to open it"
        )
    engine = make_engine(path)
    _use_transactional_ddl(engine)
    with database_errors(path):
        engine.connect().close()  # the pragmas run now: a read-only or damaged file says so here, not mid-command
        if revision != head:
            if not migrate:
                raise StudylogError(f"{path} needs migrating from {revision} to {head}")
            if revision is not None:
                backup_copy(path, f"rev-{revision or 'none'}")
            upgrade(engine)
    return Database(path=path, engine=engine)


def _stamped_revision(path: Path) -> str | None:
    """The revision of an SQLite file that has data; refuses one that is SQLite but not studylog's."""
    revision = current_revision(path)
    if revision is None and _has_tables(path):
        raise StudylogError(f"{path} is an SQLite database, but not a studylog one; pick another --db")
    return revision

"""Opening the database: create it, or copy an older one aside and migrate it, or refuse a newer one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Engine, event

from studylog.errors import DatabaseTooNew, StudylogError
from studylog.store.engine import Session, make_engine

MIGRATIONS = Path(str(files("studylog.store.migrations")))


@dataclass(frozen=True)
class Database:
    """An open, migrated studylog database."""

    path: Path
    engine: Engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back if it raises."""
        with Session(self.engine, expire_on_commit=False) as session:
            with session.begin():
                yield session

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _script_revisions() -> tuple[str, set[str]]:
    """The head revision and every revision this studylog knows."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return script.get_current_head(), {rev.revision for rev in script.walk_revisions()}


def current_revision(path: Path) -> str | None:
    """The Alembic revision stamped in the file, None for a file without one."""
    with sqlite3.connect(path) as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _has_tables(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0


def backup_copy(path: Path, label: str) -> Path:
    """Copy the database aside (consistently, WAL included) as <name>.<label>.<timestamp>.bak."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.name}.{label}.{stamp}.bak")
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def _use_transactional_ddl(engine: Engine) -> None:
    """Let SQLAlchemy, not the sqlite3 module, begin transactions, so DDL and writes are atomic.

    BEGIN IMMEDIATE takes the write lock up front: a second writer (the TUI and a `verify`
    in another terminal) waits out the busy timeout instead of failing mid-transaction.
    """

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


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
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        try:
            revision = current_revision(path)
        except sqlite3.DatabaseError as exc:
            raise StudylogError(f"{path} is not a studylog database ({exc})") from exc
    else:
        revision = None
    head, known = _script_revisions()
    if revision is not None and revision not in known:
        raise DatabaseTooNew(
            f"{path} is at schema revision {revision}, newer than this studylog knows (head {head}); "
            "upgrade studylog to open it"
        )
    engine = make_engine(path)
    _use_transactional_ddl(engine)
    if revision != head:
        if not migrate:
            raise StudylogError(f"{path} needs migrating from {revision} to {head}")
        if existed and (revision is not None or _has_tables(path)):
            backup_copy(path, f"rev-{revision or 'none'}")
        upgrade(engine)
    return Database(path=path, engine=engine)

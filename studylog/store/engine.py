"""The one engine factory: SQLite in WAL mode, foreign keys on, a busy timeout, NFC text on every flush."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, create_engine

from studylog.store.limits import storable, week_number
from studylog.store.models import Week
from studylog.store.sqlite_file import BUSY_TIMEOUT_S, connect
from studylog.store.text import nfc

BUSY_TIMEOUT_MS = round(BUSY_TIMEOUT_S * 1000)


def _set_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine for the database file at path; sessions may run in worker threads.

    Connections come from sqlite_file.connect, never from a URL string: `?`, `#` or `%` in a file name
    would be read as a query, a fragment or an escape and open another file.
    """
    engine = create_engine("sqlite://", creator=lambda: connect(path), poolclass=QueuePool)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def stored(table: str, name: str, value):
    """The value as a row keeps it: text as NFC; an integer SQLite cannot hold refused (StudylogError)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, int) and not isinstance(value, bool):
        storable(f"{table} {name}", value)
    return value


@event.listens_for(OrmSession, "before_flush")
def _normalise_text(session: OrmSession, _context, _instances) -> None:
    """Store every string attribute of new and changed rows as NFC, and refuse numbers SQLite cannot hold
    (and week numbers out of range) as one line, whichever service or import wrote them. Rows inserted
    in bulk, without objects (blog import), pass through `stored` themselves."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Week):
            week_number(obj.number)
        for name, value in vars(obj).items():
            if name.startswith("_"):
                continue
            normalised = stored(type(obj).__name__.lower(), name, value)
            if normalised != value:
                setattr(obj, name, normalised)


__all__ = ["make_engine", "Session"]

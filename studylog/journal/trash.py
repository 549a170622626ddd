"""Undo for deletes, as Anki has it: deleting a week, section, question or link keeps it, with every row under
it, in the trash table (in the delete's own transaction); undo puts back the newest, or a chosen, one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from studylog.errors import NotFound, StudylogError
from studylog.journal import snapshot
from studylog.store.database import Database
from studylog.store.models import Trash

WHY = {  # what a refused restore means, by the start of SQLite's message
    "UNIQUE constraint failed: week.": "another week has its number in that course now; renumber that one first",
    "UNIQUE constraint failed: question.slug": "another question has its id now; rename that one first",
    "FOREIGN KEY constraint failed": "what it belonged to was deleted too; undo that delete first",
}


@dataclass(frozen=True)
class Deleted:
    """An item in the trash: what it was, when it went, and how many rows of each table went with it."""

    id: int
    kind: str  # week | section | question | link
    label: str
    deleted_at: datetime
    contents: dict[str, int]  # table -> rows, the item's own row included
    restored_id: int | None = None  # after an undo: the item's id now (its old one, unless that was taken)


def _deleted(entry: Trash, data: dict, restored_id: int | None = None) -> Deleted:
    contents = {table: len(rows) for table, rows in data["rows"]}
    return Deleted(entry.id, entry.kind, entry.label, entry.deleted_at, contents, restored_id)


def keep_for_undo(s: Session, row, kind: str, label: str) -> Deleted:
    """Put row and every row under it in the trash; call it in the session that then deletes row."""
    data = snapshot.capture(s.connection(), row.__tablename__, row.id)
    entry = Trash(kind=kind, label=label, snapshot=json.dumps(data, ensure_ascii=False))
    s.add(entry)
    s.flush()
    return _deleted(entry, data)


def list_deleted(db: Database) -> list[Deleted]:
    """Everything in the trash, newest first."""
    with db.reading() as s:
        return [_deleted(e, json.loads(e.snapshot)) for e in s.exec(select(Trash).order_by(Trash.id.desc()))]


def _reopen_gap(conn, table: str, week_id: int, position: int) -> None:
    """Its siblings closed the gap it left (sections, links): move those from its place on down by one."""
    if conn.exec_driver_sql(f'SELECT 1 FROM "{table}" WHERE week_id = ? AND position = ?', (week_id, position)).first():
        conn.exec_driver_sql(
            f'UPDATE "{table}" SET position = position + 1 WHERE week_id = ? AND position >= ?', (week_id, position)
        )


def undo(db: Database, entry_id: int | None = None) -> Deleted:
    """Restore the newest deleted item (or entry_id) with everything under it, at its old place, in one transaction."""
    with db.session() as s:
        if entry_id is None:
            entry = s.exec(select(Trash).order_by(Trash.id.desc())).first()
            if entry is None:
                raise NotFound("nothing to undo: no deleted week, section, question or link is kept")
        elif (entry := s.get(Trash, entry_id)) is None:
            raise NotFound(f"no deleted item {entry_id} (see `studylog undo --list`)")
        data = json.loads(entry.snapshot)
        conn = s.connection()
        table, (root, *_) = data["rows"][0]
        if {"position", "week_id"} <= root.keys():
            _reopen_gap(conn, table, root["week_id"], root["position"])
        try:
            new_ids = snapshot.restore(conn, data)
        except IntegrityError as exc:
            message = str(exc.orig)
            why = next((text for start, text in WHY.items() if message.startswith(start)), message)
            raise StudylogError(f"cannot undo the delete of {entry.label}: {why}") from None
        s.delete(entry)
        return _deleted(entry, data, new_ids[(table, root["rowid"])])

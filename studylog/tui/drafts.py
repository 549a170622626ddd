"""Saving what the user typed, one save at a time, without overwriting anyone or losing the text.

Each edited row's updated_at, as the editor read it, goes with every save, so text saved
meanwhile by another studylog on the same database raises a Conflict rather than being lost;
a row deleted meanwhile is Gone, and its text can be kept in its week or a file.
Plain Python, called from worker threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from studylog.errors import EditConflict, NotFound
from studylog.tui import services

if TYPE_CHECKING:
    from studylog.store.database import Database


@dataclass(frozen=True)
class DraftKey:
    """Which text this is: a field of a section or a question."""

    table: str  # "section" | "question"
    row_id: int
    field: str  # section: title, body; question: title, question, answer


@dataclass(frozen=True)
class Edit:
    """Text to save into one field."""

    key: DraftKey
    text: str

    @property
    def heading(self) -> str:
        """What the text is, as set_aside names it: `section 3, body`."""
        return f"{self.key.table} {self.key.row_id}, {self.key.field}"


@dataclass(frozen=True)
class Typed:
    """Text typed into what is not a row yet (a form not submitted): what it was for, and the text."""

    heading: str
    text: str


@dataclass(frozen=True)
class Conflict:
    """A save refused because the row changed elsewhere; both texts, so the user can choose."""

    edit: Edit
    theirs: str
    their_updated_at: datetime
    message: str


@dataclass(frozen=True)
class Gone:
    """A save refused because the row was deleted elsewhere: the text, and the week the row was in, if known."""

    edit: Edit
    week_id: int | None
    message: str


def _service(table: str):
    """(update, get) for a table."""
    if table == "section":
        return services.sections.update_section, services.sections.get_section
    return services.questions.update_question, services.questions.get_question


class Ledger:
    """The updated_at each edited row had when last read or saved here.

    Saves of one row wait for each other, so each carries the stamp the previous one left; the lock on the
    stamps themselves is held only for a lookup or a store, never during database I/O, so read() on the UI
    thread never waits out another writer's busy timeout behind a save.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, int], datetime] = {}
        self._saving: dict[tuple[str, int], threading.Lock] = {}
        self._weeks: dict[tuple[str, int], int] = {}
        self._closed = False

    def close(self) -> None:
        """The app is ending and every editor has saved: a save still queued (older text) writes nothing."""
        with self._lock:
            self._closed = True

    def read(self, table: str, row_id: int, updated_at: datetime, week_id: int | None = None) -> None:
        """The editor now shows this row as saved at updated_at; week_id is where its text goes back if the row
        is deleted elsewhere."""
        with self._lock:
            self._seen[(table, row_id)] = updated_at
            if week_id is not None:
                self._weeks[(table, row_id)] = week_id

    def save(self, db: Database, edit: Edit, *, overwrite: bool = False) -> Conflict | Gone | None:
        """Write the edit unless the row changed since it was read (or overwrite says to anyway) or is gone."""
        update, get = _service(edit.key.table)
        row_key = (edit.key.table, edit.key.row_id)
        with self._lock:
            saving = self._saving.setdefault(row_key, threading.Lock())
        with saving:
            with self._lock:
                if self._closed:
                    return None
                expected = None if overwrite else self._seen.get(row_key)
            try:
                row = update(db, edit.key.row_id, expected_updated_at=expected, **{edit.key.field: edit.text})
            except EditConflict as exc:
                current = get(db, edit.key.row_id)
                return Conflict(edit, getattr(current, edit.key.field), current.updated_at, str(exc))
            except NotFound:
                with self._lock:
                    week_id = self._weeks.get(row_key)
                return Gone(edit, week_id, f"this {edit.key.table} was deleted elsewhere")
            with self._lock:
                self._seen[row_key] = row.updated_at
            return None


def merged(conflict: Conflict) -> str:
    """Both versions in one text, marked the way git marks a conflict, for the user to resolve."""
    return (
        f"<<<<<<< yours (not saved)\n{conflict.edit.text}\n=======\n{conflict.theirs}\n"
        f">>>>>>> saved elsewhere at {conflict.their_updated_at:%Y-%m-%d %H:%M:%S} UTC\n"
    )


def set_aside(db_path: Path, draft: Edit | Typed) -> Path:
    """Append text that cannot go into the database to a Markdown file beside it, so it is never lost."""
    path = db_path.with_name(db_path.name + ".unsaved.md")
    now = datetime.now(timezone.utc)
    with path.open("a", encoding="utf-8") as file:
        file.write(f"## {draft.heading} ({now:%Y-%m-%d %H:%M:%S} UTC)\n\n{draft.text}\n\n")
    return path


def keep_gone(db: Database, gone: Gone) -> str:
    """Keep the text of a deleted row as a new section of its week, or, with no week left, in a file beside the
    database; where it went, for the user."""
    key, text = gone.edit.key, gone.edit.text
    title, body = (text, "") if key.field == "title" else (f"Recovered {key.table} {key.field}", text)
    if gone.week_id is not None:
        try:
            services.sections.add_section(db, gone.week_id, title, body)
            return f"as the new section '{title}' of its week"
        except NotFound:  # the week was deleted too
            pass
    return f"in {set_aside(db.path, gone.edit)}"


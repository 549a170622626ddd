"""Sections of a week: add, edit (with conflict detection), move and delete."""

from __future__ import annotations

from datetime import datetime

from studylog.errors import NotFound
from studylog.journal import ordering
from studylog.journal.editing import apply_fields, ensure_unchanged
from studylog.journal.kinds import SECTION_KINDS  # noqa: F401  (re-exported: the kinds a section may have)
from studylog.journal.trash import Deleted, keep_for_undo
from studylog.journal.weeks import week_label
from studylog.store.database import Database
from studylog.store.models import Section, Week, utcnow


def add_section(
    db: Database,
    week_id: int,
    title: str,
    body: str = "",
    kind: str = "note",
    level: int = 1,
    position: int | None = None,
) -> Section:
    """Add a section to a week: at the end, or at position (0-based), in one transaction."""
    with db.session() as s:
        if s.get(Week, week_id) is None:
            raise NotFound(f"no week with id {week_id}")
        last = ordering.next_position(s, Section, Section.week_id, week_id)
        section = Section(week_id=week_id, title=title, body=body, kind=kind, level=level, position=last)
        s.add(section)
        s.flush()
        if position is not None and position != last:
            ordering.move(s, Section, Section.week_id, section, position)
        return section


def _get(s, section_id: int) -> Section:
    section = s.get(Section, section_id)
    if section is None:
        raise NotFound(f"no section with id {section_id}")
    return section


def get_section(db: Database, section_id: int) -> Section:
    """One section by id."""
    with db.reading() as s:
        return _get(s, section_id)


def update_section(db: Database, section_id: int, *, expected_updated_at: datetime | None = None, **fields) -> Section:
    """Change a section's title, body, kind or level.

    With expected_updated_at (when the editor read it), a section saved by someone else in
    the meantime raises EditConflict instead of being overwritten.
    """
    with db.session() as s:
        section = _get(s, section_id)
        ensure_unchanged(section, expected_updated_at, f"section '{section.title or section.kind}'")
        apply_fields(section, fields, {"title", "body", "kind", "level"}, "section")
        section.updated_at = utcnow()
        return section


def move_section(db: Database, section_id: int, new_position: int) -> None:
    """Move a section to new_position (0-based) within its week."""
    with db.session() as s:
        ordering.move(s, Section, Section.week_id, _get(s, section_id), new_position)


def delete_section(db: Database, section_id: int) -> Deleted:
    """Delete a section, undoably (journal.trash), and close the gap it leaves; its questions stay in the week."""
    with db.session() as s:
        section = _get(s, section_id)
        week = s.get(Week, section.week_id)
        label = f"section '{section.title or section.kind}' of {week_label(week)}"
        deleted = keep_for_undo(s, section, "section", label)
        ordering.remove(s, Section, Section.week_id, section)
        return deleted

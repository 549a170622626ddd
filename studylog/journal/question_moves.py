"""Renaming a question's id and moving it to another week, each in one transaction.

A rename carries the question's stored check results with it (their question_slug); its prompts and
quiz card follow by row id. Check modules are the user's code and are not rewritten: the caller is
told which still name the old id.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import select

from studylog.errors import NotFound, StudylogError
from studylog.journal import ordering
from studylog.journal.questions import check_id
from studylog.store.database import Database
from studylog.store.models import CheckRun, Question, Week, utcnow
from studylog.store.text import nfc


def _by_slug(s, slug: str) -> Question:
    row = s.exec(select(Question).where(Question.slug == nfc(slug))).first()
    if row is None:
        raise NotFound(f"no question '{slug}' (see `studylog question list`)")
    return row


def rename_question(db: Database, old: str, new: str) -> Question:
    """Give question `old` the id `new`, with its stored check results; StudylogError (changing nothing)
    when `new` is not a valid id or is taken."""
    new = check_id(nfc(new.strip()))
    with db.session() as s:
        row = _by_slug(s, old)
        if new == row.slug:
            return row
        if s.exec(select(Question).where(Question.slug == new)).first():
            raise StudylogError(f"the id '{new}' is already used by another question; pick another")
        s.exec(update(CheckRun).where(CheckRun.question_slug == row.slug).values(question_slug=new))
        row.slug, row.updated_at = new, utcnow()
        s.add(row)
        return row


def move_question(db: Database, slug: str, week_id: int | None) -> Question:
    """Attach question `slug` to the week with row id `week_id` (None: to no week), at the end of it and
    in no section (the sections are the old week's)."""
    with db.session() as s:
        row = _by_slug(s, slug)
        if week_id is not None and s.get(Week, week_id) is None:
            raise NotFound(f"no week with id {week_id}")
        if row.week_id != week_id:
            row.position = ordering.next_position(s, Question, Question.week_id, week_id)
            row.week_id, row.section_id, row.updated_at = week_id, None, utcnow()
            s.add(row)
        return row

"""Questions: add, edit, tag, list, find and delete."""

from __future__ import annotations

import re
from datetime import datetime

from sqlmodel import delete, select

from studylog.errors import NotFound, StudylogError
from studylog.journal import ordering
from studylog.journal.editing import apply_fields, ensure_unchanged
from studylog.journal.trash import Deleted, keep_for_undo
from studylog.store.database import Database
from studylog.store.limits import SQLITE_INTEGERS
from studylog.store.models import Question, QuestionTag, Week, utcnow
from studylog.store.text import nfc

QUESTION_FIELDS = {"title", "question", "answer", "status", "week_id", "section_id"}


MAX_ID_LENGTH = 32
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
BRACKETED = re.compile(r"\[[^\]\n]{0,30}\]")  # an asker or a mentor named in brackets: [캠퍼A], [마스터A]


def slugify(text: str, fallback: str = "question") -> str:
    """An id people can type from a title: its ASCII words, lowercase, joined by '-', at most 32 characters
    (cut at a word), a `[name]` in brackets left out; `fallback` (such as w5-q2) when that leaves less than two
    characters, as a Korean title may (`[마스터A] …에 대해 질문했다` would be `a`)."""
    slug = ""
    for word in re.findall(r"[a-z0-9]+", BRACKETED.sub(" ", nfc(text)).lower()):
        if len(slug) + len(word) + 1 > MAX_ID_LENGTH:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug if len(slug) >= 2 else fallback


def check_id(slug: str) -> str:
    """A question id as given, or StudylogError saying what an id may be."""
    if not ID_PATTERN.match(slug) or len(slug) > MAX_ID_LENGTH:
        raise StudylogError(f"'{slug}' cannot be a question id: use up to {MAX_ID_LENGTH} letters, digits, '-', '_' or '.' (such as bn-params)")
    return slug


def normalise_tag(tag: str) -> str:
    """A tag as stored and queried: NFC, trimmed, lowercase (so GoogLeNet and googlenet are one tag)."""
    return nfc(tag).strip().lower()


def tag_names(tags) -> list[str]:
    """Tags as stored: normalised, blank ones and duplicates left out, in the order given."""
    return list(dict.fromkeys(normalise_tag(t) for t in tags if t.strip()))


def set_tags(s, question_id: int, tags) -> None:
    """Replace a question's tags within the session s, normalised and without duplicates."""
    s.exec(delete(QuestionTag).where(QuestionTag.question_id == question_id))
    s.add_all(QuestionTag(question_id=question_id, tag=tag) for tag in tag_names(tags))


def add_question(
    db: Database,
    title: str,
    question: str = "",
    answer: str = "",
    *,
    slug: str | None = None,
    week_id: int | None = None,
    section_id: int | None = None,
    tags=(),
) -> Question:
    """A new question; its slug (the id its checks register under) must be unique. Raises StudylogError for a
    title with no text: a question must say what it asks."""
    if not title.strip():
        raise StudylogError("a question needs its text: say what it asks (its title cannot be empty)")
    with db.session() as s:
        week = s.get(Week, week_id) if week_id is not None else None
        if week_id is not None and week is None:
            raise NotFound(f"no week with id {week_id}")
        position = ordering.next_position(s, Question, Question.week_id, week_id)
        if slug is None:  # made from the title: made unique too
            base = slugify(title, f"w{week.number}-q{position + 1}" if week else f"q{position + 1}")
            taken = set(s.exec(select(Question.slug).where(Question.slug.startswith(base))))
            slug = next(c for c in (base, *(f"{base}-{n}" for n in range(2, 10_000))) if c not in taken)
        elif s.exec(select(Question).where(Question.slug == check_id(slug))).first():
            raise StudylogError(f"a question with id '{slug}' already exists; pick another with --id")
        row = Question(
            slug=slug, title=title, question=question, answer=answer,
            week_id=week_id, section_id=section_id, position=position,
        )
        s.add(row)
        s.flush()
        set_tags(s, row.id, tags)
        return row


def get_question(db: Database, key: str | int) -> Question:
    """A question by slug, else by numeric row id (a slug may be all digits, such as 2024)."""
    with db.reading() as s:
        row = s.exec(select(Question).where(Question.slug == nfc(str(key)))).first()
        if row is None and str(key).isascii() and str(key).isdigit() and int(key) in SQLITE_INTEGERS:
            row = s.get(Question, int(key))
    if row is None:
        raise NotFound(f"no question '{key}' (see `studylog question list`)")
    return row


def question_tags(db: Database, question_id: int) -> list[str]:
    """The tags of one question, sorted."""
    with db.reading() as s:
        return list(s.exec(select(QuestionTag.tag).where(QuestionTag.question_id == question_id).order_by(QuestionTag.tag)))


def update_question(
    db: Database, question_id: int, *, tags=None, expected_updated_at: datetime | None = None, **fields
) -> Question:
    """Change a question's text, answer, status, week or tags.

    With expected_updated_at (when the editor read it), a question saved by someone else in
    the meantime raises EditConflict instead of being overwritten.
    """
    with db.session() as s:
        row = s.get(Question, question_id)
        if row is None:
            raise NotFound(f"no question with id {question_id}")
        ensure_unchanged(row, expected_updated_at, f"question '{row.slug}'")
        apply_fields(row, fields, QUESTION_FIELDS, "question")
        row.updated_at = utcnow()
        if tags is not None:
            set_tags(s, question_id, tags)
        return row


def list_questions(db: Database, week_id: int | None = None, tag: str | None = None) -> list[Question]:
    """Questions of every week (or one week, by its id: weeks.find_week; or one tag), by week and position."""
    with db.reading() as s:
        query = select(Question).outerjoin(Week, Question.week_id == Week.id)
        if week_id is not None:
            query = query.where(Question.week_id == week_id)
        if tag is not None:
            query = query.join(QuestionTag).where(QuestionTag.tag == normalise_tag(tag))
        return list(s.exec(query.order_by(Week.number, Question.position, Question.id)))


def question_label(question: Question) -> str:
    """A question named in full: `question <id>: <title>`."""
    return f"question {question.slug}" + (f": {question.title}" if question.title else "")


def delete_question(db: Database, question_id: int) -> Deleted:
    """Delete a question with its tags, quiz card and reviews, undoably (journal.trash); its check results are
    kept under its id, so an undo finds them again."""
    with db.session() as s:
        row = s.get(Question, question_id)
        if row is None:
            raise NotFound(f"no question with id {question_id}")
        deleted = keep_for_undo(s, row, "question", question_label(row))
        s.delete(row)
        return deleted

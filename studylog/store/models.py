"""SQLModel tables: the journal (weeks, sections, questions, links), check results, and quiz state.

Times are timezone-aware UTC datetimes (SQLModel stores them as UTC); text is NFC-normalised before every flush (see engine.py).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Now, in UTC."""
    return datetime.now(timezone.utc)


class Week(SQLModel, table=True):
    """One week of a course: what the weekly retrospective is about."""

    __table_args__ = (UniqueConstraint("course", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    course: str = Field(default="", index=True)
    number: int = Field(index=True)
    title: str = ""
    start_date: date | None = None
    end_date: date | None = None
    template: str = ""  # the template the week was started from, if any
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Section(SQLModel, table=True):
    """An ordered part of a week's retrospective, with a kind and a Markdown body."""

    id: int | None = Field(default=None, primary_key=True)
    week_id: int = Field(foreign_key="week.id", index=True, ondelete="CASCADE")
    position: int = 0
    level: int = 1
    kind: str = "note"
    title: str = ""
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime = Field(default_factory=utcnow)


class Goal(SQLModel, table=True):
    """An item of a week's goal-like section, its outcome (open, done, partly, dropped) and a note on it."""

    id: int | None = Field(default=None, primary_key=True)
    week_id: int = Field(foreign_key="week.id", index=True, ondelete="CASCADE")
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    position: int = 0
    text: str = ""
    status: str = "open"
    note: str = ""
    carried_from_id: int | None = Field(default=None, foreign_key="goal.id", ondelete="SET NULL")
    updated_at: datetime = Field(default_factory=utcnow)


class Question(SQLModel, table=True):
    """A question raised during the week, its answer, and the slug its checks are registered under."""

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True)
    week_id: int | None = Field(default=None, foreign_key="week.id", index=True, ondelete="SET NULL")
    section_id: int | None = Field(default=None, foreign_key="section.id", ondelete="SET NULL")
    position: int = 0
    title: str = ""
    question: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    answer: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    asker: str = ""  # who raised it (a peer session's `Q 이름님 :`), not part of the title
    status: str = "open"
    pack: str = ""  # the pack that loaded it ("" when written here)
    pack_digest: str = ""  # digest of the text as the pack loaded it: a reload updates only what still matches
    updated_at: datetime = Field(default_factory=utcnow)


class QuestionPrompt(SQLModel, table=True):
    """A numeric quiz prompt of a question: ask for the value of a check's claim, typed with K = unit."""

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", index=True, ondelete="CASCADE")
    position: int = 0
    text: str = ""
    check_id: str = ""
    claim: str = ""
    unit: int = 1000


class QuestionTag(SQLModel, table=True):
    """A tag on a question."""

    question_id: int = Field(foreign_key="question.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(primary_key=True, index=True)


class Link(SQLModel, table=True):
    """A study link of a week (the post's 공부 내용 링크): date, category and title, URL when known."""

    id: int | None = Field(default=None, primary_key=True)
    week_id: int = Field(foreign_key="week.id", index=True, ondelete="CASCADE")
    position: int = 0
    posted_on: date | None = None
    category: str = ""
    title: str = ""
    url: str = ""


class CheckRun(SQLModel, table=True):
    """One run of one check: what ran, where, how it ended, and the key its result is cached under."""

    id: int | None = Field(default=None, primary_key=True)
    check_id: str = Field(index=True)
    question_slug: str = Field(index=True)
    cache_key: str = Field(index=True)
    code_hash: str = ""
    torch_version: str = ""
    torchvision_version: str = ""
    device: str = ""
    device_name: str = ""
    status: str = ""  # passed | failed | error | timeout
    message: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    duration_s: float = 0.0
    started_at: datetime = Field(default_factory=utcnow)


class ClaimResult(SQLModel, table=True):
    """One claim of a check run: label, computed and expected values (JSON), rule, verdict, citation."""

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="checkrun.id", index=True, ondelete="CASCADE")
    position: int = 0
    label: str = ""
    computed: str = ""  # JSON
    expected: str = ""  # JSON
    rule: str = ""
    verdict: str = ""  # holds | fails | matches | differs
    asserted: bool = True
    citation: str = ""


class Card(SQLModel, table=True):
    """FSRS scheduling state of one question (mirrors fsrs.Card)."""

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id", unique=True, ondelete="CASCADE")
    state: int = 1
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime = Field(default_factory=utcnow, index=True)
    last_review: datetime | None = None


class ReviewLog(SQLModel, table=True):
    """Every review of a card: the rating given, when, and what was typed."""

    id: int | None = Field(default=None, primary_key=True)
    card_id: int = Field(foreign_key="card.id", index=True, ondelete="CASCADE")
    rating: int
    reviewed_at: datetime = Field(default_factory=utcnow, index=True)
    duration_ms: int | None = None
    answer: str = ""
    correct: bool | None = None
    cram: bool = False


class Trash(SQLModel, table=True):
    """A deleted week, section, question or link with every row under it (journal/snapshot.py), so the
    delete can be undone; written in the delete's own transaction. Ids are never reused (AUTOINCREMENT), so
    `studylog undo ID` cannot restore an item other than the one listed."""

    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # week | section | question | link
    label: str = ""  # the item named in full, as the undo reports it
    deleted_at: datetime = Field(default_factory=utcnow, index=True)
    snapshot: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))  # JSON

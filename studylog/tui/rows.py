"""What the weeks and questions lists show, as plain dataclasses built from the services inside worker threads;
stored text with its control characters shown (terminal.printable)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from studylog.terminal import printable
from studylog.tui import services

if TYPE_CHECKING:
    from studylog.store.database import Database
    from studylog.store.models import Week


@dataclass(frozen=True)
class WeekRow:
    """A line of the weeks list."""

    id: int
    number: int
    course: str
    title: str
    start_date: date | None
    end_date: date | None
    verdicts: list[str]
    sections: int = 0


@dataclass(frozen=True)
class QuestionRow:
    """A line of the questions list."""

    id: int
    slug: str
    title: str
    week_number: int | None
    tags: tuple[str, ...]
    verdict: str


def dates(week: Week | WeekRow) -> str:
    """`2023-11-27 – 12-01`: the end date without the year when it is the start's year."""
    start, end = week.start_date, week.end_date
    if start and end:
        return f"{start:%Y-%m-%d} – {end:%m-%d}" if start.year == end.year else f"{start} – {end}"
    return str(start or end or "")


def week_rows(db: Database) -> list[WeekRow]:
    """Every week, with the verdicts of its questions."""
    questions = services.questions.list_questions(db)
    verdict_of = services.results.verdicts(db, (q.slug for q in questions))
    by_week: dict[int | None, list[str]] = {}
    for question in questions:
        by_week.setdefault(question.week_id, []).append(verdict_of[question.slug])
    return [
        WeekRow(
            w.id, w.number, printable(w.course), printable(w.title), w.start_date, w.end_date, by_week.get(w.id, []),
            summary.sections,
        )
        for summary, w in ((summary, summary.week) for summary in services.weeks.list_weeks(db))
    ]


def question_rows(db: Database) -> list[QuestionRow]:
    """Every question of every week, with its tags and verdict."""
    numbers = {summary.week.id: summary.week.number for summary in services.weeks.list_weeks(db)}
    questions = services.questions.list_questions(db)
    verdict_of = services.results.verdicts(db, (q.slug for q in questions))
    return [
        QuestionRow(
            q.id, printable(q.slug), printable(q.title), numbers.get(q.week_id),
            tuple(map(printable, services.questions.question_tags(db, q.id))), verdict_of[q.slug],
        )
        for q in questions
    ]

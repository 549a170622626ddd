"""What the week and question screens show, as plain frozen dataclasses built from the services in workers.

Widgets never see ORM rows: a row handed to a widget could lazy-load or expire outside its session.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from studylog.config import bundled_questions_dir, check_dirs
from studylog.terminal import printable
from studylog.tui import services
from studylog.tui.rows import dates

if TYPE_CHECKING:
    from studylog.checks.results import RunView
    from studylog.store.database import Database


@dataclass(frozen=True)
class SectionItem:
    """A section as its editor and the outline show it."""

    id: int
    title: str
    kind: str
    level: int
    position: int
    body: str
    updated_at: datetime


@dataclass(frozen=True)
class QuestionItem:
    """A question as the outline, the preview and the question screen show it."""

    id: int
    slug: str
    title: str
    week_id: int | None
    section_id: int | None
    question: str
    answer: str
    updated_at: datetime


@dataclass(frozen=True)
class LinkItem:
    """A study link, a line of the links table."""

    id: int
    posted_on: date | None
    category: str
    title: str
    url: str


@dataclass(frozen=True)
class GoalItem:
    """A goal of last week as this week's review shows it; carried: already carried into this week."""

    id: int
    text: str
    status: str
    note: str
    carried: bool


@dataclass(frozen=True)
class ReviewItem:
    """Last week's goals, for the review at the top of this week's outline."""

    week_number: int
    goals: tuple[GoalItem, ...]

    @property
    def left(self) -> int:
        """How many are still open or partly done and not carried on."""
        return sum(1 for g in self.goals if g.status in ("open", "partly") and not g.carried)


def _item(cls, row):
    """The fields of cls copied off an ORM row, text with its control characters shown (terminal.printable)."""
    values = {field.name: getattr(row, field.name) for field in fields(cls)}
    return cls(**{name: printable(v) if isinstance(v, str) else v for name, v in values.items()})


@dataclass(frozen=True)
class WeekPage:
    """A week with everything in it, in order, and the verdict of each of its questions, by slug."""

    week_id: int
    number: int
    title: str
    dates: str
    sections: tuple[SectionItem, ...]
    questions: tuple[QuestionItem, ...]
    links: tuple[LinkItem, ...]
    verdicts: dict[str, str]
    review: ReviewItem | None = None

    def questions_of(self, section_id: int | None) -> list[QuestionItem]:
        """The questions raised in this section (None: those in no section)."""
        return [q for q in self.questions if q.section_id == section_id]


@dataclass(frozen=True)
class QuestionPage:
    """A question with its tags, verdict, its checks (ids in bank order, last runs) and their source."""

    question: QuestionItem
    week_number: int | None
    tags: list[str]
    verdict: str
    check_ids: list[str]
    runs: dict[str, RunView]
    source_path: Path | None
    source: str
    source_problem: str = ""  # why the module cannot be read, with its line ("line 4: invalid syntax")
    source_editable: bool = True  # False for the bundled pack's modules, which ship with studylog


def week_page(db: Database, week_id: int) -> WeekPage:
    detail = services.weeks.week_detail(db, week_id)
    week = detail.week
    return WeekPage(
        week.id, week.number, printable(week.title), dates(week),
        tuple(_item(SectionItem, s) for s in detail.sections),
        tuple(_item(QuestionItem, q) for q in detail.questions),
        tuple(_item(LinkItem, link) for link in detail.links),
        services.results.verdicts(db, (q.slug for q in detail.questions)),
        _review(db, week.id),
    )


def _review(db: Database, week_id: int) -> ReviewItem | None:
    review = services.goal_review.review(db, week_id)
    if review.week_number is None or not review.goals:
        return None
    goals = tuple(GoalItem(g.id, g.text, g.status, g.note, g.id in review.carried) for g in review.goals)
    return ReviewItem(review.week_number, goals)


def question_page(db: Database, question_id: int) -> QuestionPage:
    question = services.questions.get_question(db, question_id)
    week_number = services.weeks.week_detail(db, question.week_id).week.number if question.week_id else None
    specs = [spec for spec in services.discovery.discover(check_dirs(db.path)) if spec.question_slug == question.slug]
    modules = list(dict.fromkeys(spec.module for spec in specs))
    runs = {run.check_id: run for run in services.results.latest_runs(db, question.slug)}
    check_ids = [spec.check_id for spec in specs]
    return QuestionPage(
        _item(QuestionItem, question), week_number, services.questions.question_tags(db, question.id),
        services.results.question_verdict(db, question.slug),
        check_ids + [check_id for check_id in runs if check_id not in check_ids],  # removed checks' last runs too
        runs,
        modules[0] if modules else None,
        modules[0].read_text(encoding="utf-8") if modules else "",
        next((_problem_line(s) for s in specs if s.problem and s.module == modules[0]), ""),
        not modules or not modules[0].resolve().is_relative_to(bundled_questions_dir().resolve()),
    )


def _problem_line(spec) -> str:
    """A module's problem without its path: "line 4: invalid syntax"."""
    return f"line {spec.line}: {spec.problem.removeprefix(f'{spec.module}:{spec.line}: ')}"

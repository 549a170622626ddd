"""Weeks: create, edit, list, show and delete, with the counts the week list shows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel import func, select

from studylog.errors import NotFound, StudylogError
from studylog.journal.editing import apply_fields
from studylog.journal.trash import Deleted, keep_for_undo
from studylog.store.database import Database
from studylog.store.limits import week_number
from studylog.store.models import Link, Question, QuestionTag, Section, Week, utcnow
from studylog.store.text import nfc

WEEK_FIELDS = {"number", "title", "course", "start_date", "end_date"}


@dataclass(frozen=True)
class WeekSummary:
    """A week with the counts a list of weeks shows."""

    week: Week
    sections: int
    questions: int


@dataclass(frozen=True)
class WeekDetail:
    """A week with everything in it, in order; tags keyed by question id."""

    week: Week
    sections: list[Section]
    questions: list[Question]
    links: list[Link]
    tags: dict[int, list[str]]

    def questions_of(self, section: Section) -> list[Question]:
        """The questions raised in this section."""
        return [q for q in self.questions if q.section_id == section.id]

    @property
    def links_section(self) -> Section | None:
        """The section the study links are shown under: the first of kind study_links, if any."""
        return next((s for s in self.sections if s.kind == "study_links"), None)


def date_range(start: date | None, end: date | None) -> str:
    """A week's dates as the blog shows them: `2023-11-27 ~ 2023-12-01`, `~ 2023-12-01`, `2023-11-27` or ''."""
    first, last = (d.isoformat() if d else "" for d in (start, end))
    return f"{first} ~ {last}".strip() if last else first


def week_title(number: int | None, title: str) -> str:
    """A week's title line as the blog shows it: `[week4] 네부캠 ai tech 4주차 회고`."""
    return f"[week{number}] {title}".rstrip()


def list_weeks(db: Database) -> list[WeekSummary]:
    """All weeks, by course and number."""
    with db.reading() as s:
        section_counts = dict(s.exec(select(Section.week_id, func.count()).group_by(Section.week_id)).all())
        question_counts = dict(s.exec(select(Question.week_id, func.count()).group_by(Question.week_id)).all())
        weeks = s.exec(select(Week).order_by(Week.course, Week.number)).all()
        return [WeekSummary(w, section_counts.get(w.id, 0), question_counts.get(w.id, 0)) for w in weeks]


def last_course(db: Database) -> str | None:
    """The course of the week created or changed last: the course a command means when it names none."""
    with db.reading() as s:
        return s.exec(select(Week.course).order_by(Week.updated_at.desc(), Week.id.desc())).first()


def find_week(db: Database, number: int, course: str | None = None) -> Week:
    """The week with this number in course; with no course, the only week with this number, else the
    one in the course used last (last_course). Raises NotFound, or StudylogError naming the courses."""
    week_number(number)
    with db.reading() as s:
        query = select(Week).where(Week.number == number)
        if course is not None:
            query = query.where(Week.course == nfc(course))
        matches = s.exec(query).all()
    if not matches:
        raise NotFound(f"no week {number}" + (f" in course '{course}'" if course is not None else "") + " (see `studylog week list`)")
    if len(matches) > 1:
        default = [w for w in matches if w.course == last_course(db)]
        if default:
            return default[0]
        courses = ", ".join(repr(w.course) for w in matches)
        raise StudylogError(f"week {number} exists in several courses ({courses}); name one with --course")
    return matches[0]


def create_week(
    db: Database,
    number: int,
    title: str = "",
    course: str = "",
    start_date: date | None = None,
    end_date: date | None = None,
    sections: Sequence = (),
    template: str = "",
) -> Week:
    """A new week, with sections (anything with title, kind, level and body) in one transaction;
    the number must be free in its course. template names what the sections came from."""
    week = Week(number=number, title=title, course=course, start_date=start_date, end_date=end_date, template=template)
    _check_dates(week)
    with _number_is_free(number, course), db.session() as s:
        s.add(week)
        s.flush()
        for position, spec in enumerate(sections):
            s.add(Section(week_id=week.id, position=position, title=spec.title, kind=spec.kind, level=spec.level, body=spec.body))
    return week


def update_week(db: Database, week_id: int, **fields) -> Week:
    """Change a week's number, title, course or dates."""
    with db.session() as s:
        week = s.get(Week, week_id)
        if week is None:
            raise NotFound(f"no week with id {week_id}")
        apply_fields(week, fields, WEEK_FIELDS, "week")
        _check_dates(week)
        week.updated_at = utcnow()
        with _number_is_free(week.number, week.course):
            s.flush()
        return week


def _check_dates(week: Week) -> None:
    if week.start_date and week.end_date and week.end_date < week.start_date:
        raise StudylogError(f"end date {week.end_date} is before start date {week.start_date}")


@contextmanager
def _number_is_free(number: int, course: str) -> Iterator[None]:
    """Turn the unique (course, number) constraint into a message."""
    try:
        yield
    except IntegrityError:
        raise StudylogError(f"week {number} already exists" + (f" in course '{course}'" if course else "")) from None


def week_label(week: Week) -> str:
    """A week named in full, as a delete asks about it and an undo reports it: `week 4 of <course>: <title>`."""
    return f"week {week.number}" + (f" of {week.course}" if week.course else "") + (f": {week.title}" if week.title else "")


def delete_week(db: Database, week_id: int) -> Deleted:
    """Delete a week with its sections and links, undoably (journal.trash); its questions stay, without a week."""
    with db.session() as s:
        week = s.get(Week, week_id)
        if week is None:
            raise NotFound(f"no week with id {week_id}")
        deleted = keep_for_undo(s, week, "week", week_label(week))
        s.delete(week)
        return deleted


def week_detail(db: Database, week_id: int) -> WeekDetail:
    """A week with its sections, questions, links and tags, each in order."""
    with db.reading() as s:
        week = s.get(Week, week_id)
        if week is None:
            raise NotFound(f"no week with id {week_id}")
        sections = list(s.exec(select(Section).where(Section.week_id == week_id).order_by(Section.position, Section.id)))
        questions = list(
            s.exec(select(Question).where(Question.week_id == week_id).order_by(Question.position, Question.id))
        )
        links = list(s.exec(select(Link).where(Link.week_id == week_id).order_by(Link.position, Link.id)))
        tags: dict[int, list[str]] = {q.id: [] for q in questions}
        for tag in s.exec(select(QuestionTag).where(QuestionTag.question_id.in_(tags)).order_by(QuestionTag.tag)):
            tags[tag.question_id].append(tag.tag)
        return WeekDetail(week, sections, questions, links, tags)

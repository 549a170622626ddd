"""Starting a week: what the next one is likely to be (number, dates, course, title, template), and
making it from a template in one transaction.

The guesses follow the course's latest week: the next number, the Monday–Friday after its dates
(else the coming Monday–Friday), its title with the week number moved on (`4주차` → `5주차`), and
the template last used (else `last`: the layout the user already writes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import select

from studylog.journal import templates
from studylog.journal.kinds import REVIEW_KIND  # an imported post's review of its week before: not copied on
from studylog.journal.weeks import create_week
from studylog.store.database import Database
from studylog.store.models import Section, Week
from studylog.store.text import nfc

FIRST_TEMPLATE = "seed"  # a course's first week has no week before it to copy


@dataclass(frozen=True)
class NextWeek:
    """The values a new week most likely has."""

    number: int
    course: str
    title: str
    start_date: date
    end_date: date
    template: str


def coming_monday(today: date) -> date:
    """Today when it is a Monday, else the next Monday."""
    return today + timedelta(days=-today.weekday() % 7)


def _latest(s, course: str | None) -> Week | None:
    """The course's week with the highest number; with no course, the week created last."""
    if course is None:
        return s.exec(select(Week).order_by(Week.created_at.desc(), Week.id.desc())).first()
    return s.exec(select(Week).where(Week.course == nfc(course)).order_by(Week.number.desc())).first()


def next_week(db: Database, course: str | None = None, today: date | None = None) -> NextWeek:
    """The likely next week of course (default: the course of the week created last)."""
    today = today or date.today()
    with db.reading() as s:
        if course is None and (newest := _latest(s, None)) is not None:
            course = newest.course
        latest = _latest(s, course or "")
        used = s.exec(select(Week.template).where(Week.template != "").order_by(Week.created_at.desc(), Week.id.desc())).first()
    if latest is None:
        start = coming_monday(today)
        return NextWeek(1, course or "", "", start, start + timedelta(days=4), FIRST_TEMPLATE)
    number = latest.number + 1
    start = latest.start_date + timedelta(days=7) if latest.start_date else coming_monday(today)
    title = latest.title.replace(f"{latest.number}주차", f"{number}주차") if f"{latest.number}주차" in latest.title else ""
    return NextWeek(number, latest.course, title, start, start + timedelta(days=4), used or templates.LAST)


def template_sections(db: Database, name: str, course: str, number: int) -> tuple[templates.SectionSpec, ...]:
    """The sections template name gives week number of course; `last` copies the week before, emptied."""
    template = templates.get_template(name)
    if name != templates.LAST:
        return template.sections()
    with db.reading() as s:
        before = s.exec(
            select(Week).where(Week.course == nfc(course), Week.number < number).order_by(Week.number.desc())
        ).first()
        if before is None:
            return templates.get_template(FIRST_TEMPLATE).sections()
        rows = s.exec(select(Section).where(Section.week_id == before.id).order_by(Section.position, Section.id))
        return tuple(templates.SectionSpec(r.title, r.kind, r.level) for r in rows if r.kind != REVIEW_KIND)


def start_week(db: Database, number: int, template: str = "", course: str = "", **fields) -> Week:
    """Create week number of course with template's sections (none when template is ''), in one transaction."""
    sections = template_sections(db, template, course, number) if template else ()
    return create_week(db, number, course=course, sections=sections, template=template, **fields)

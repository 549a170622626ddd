"""Goals: the items of a week's goal-like sections (목표, 다음주 계획, 주말 계획, Try), with the outcome of each.

A goal's text lives in its section, as the user wrote it; the goal table keeps what the text does not:
its status (open, done, partly, dropped), a note, and the goal of an earlier week it carries on. Reading a
week's goals first brings the table in line with the text (sync): an item whose text is unchanged keeps
its status; a new item starts with the status its box or `-> note` implies, else open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlmodel import Session, select

from studylog.errors import NotFound, StudylogError
from studylog.journal.goal_items import STATUSES, parse_items, status_of_note
from studylog.journal.kinds import GOAL_KINDS
from studylog.store.database import Database
from studylog.store.models import Goal, Section, Week, utcnow
from studylog.store.text import nfc

T = TypeVar("T")
READ_ONLY = "goals_read_only"


@dataclass(frozen=True)
class GoalView:
    """A goal as lists show it: where it was set (week, section), its outcome, and where it came from."""

    id: int
    week_id: int
    week_number: int
    section_id: int
    section_title: str
    text: str
    status: str
    note: str
    carried_from_id: int | None


class _NeedsWrite(Exception):
    """A read found the goal rows behind the text: read again in a transaction that may write."""


def synced(db: Database, work: Callable[[Session], T]) -> T:
    """work(session), whose sync() calls find the goals in line with the text (a plain read, so export and
    lists work on a read-only file), or else bring them in line in a write transaction."""
    try:
        with db.reading() as s:
            s.info[READ_ONLY] = True
            return work(s)
    except _NeedsWrite:
        with db.session() as s:
            return work(s)


def sync(s: Session, week_id: int) -> list[Goal]:
    """Bring the week's goal rows in line with its goal-like sections' text; the rows, in order.

    In a session from synced()'s read, a needed change raises _NeedsWrite instead."""
    sections = s.exec(
        select(Section).where(Section.week_id == week_id, Section.kind.in_(GOAL_KINDS)).order_by(Section.position, Section.id)
    ).all()
    stored: dict[tuple[int, str], list[Goal]] = {}
    for row in s.exec(select(Goal).where(Goal.week_id == week_id).order_by(Goal.position, Goal.id)):
        stored.setdefault((row.section_id, row.text), []).append(row)  # the same line twice: two goals
    kept: list[Goal] = []
    for section in sections:
        for position, item in enumerate(parse_items(section.body)):
            text = nfc(item.text)
            same = stored.get((section.id, text))
            goal = same.pop(0) if same else None
            if goal is None:
                _writing(s)
                goal = Goal(week_id=week_id, section_id=section.id, text=text, status=item.status or "open", note=item.note)
                s.add(goal)
            if goal.position != position:
                _writing(s)
                goal.position = position
            kept.append(goal)
    for gone in (g for rows in stored.values() for g in rows):  # its line was deleted or rewritten
        _writing(s)
        s.delete(gone)
    s.flush()
    return kept


def _writing(s: Session) -> None:
    if s.info.get(READ_ONLY):
        raise _NeedsWrite


def _view(goal: Goal, week: Week, section: Section) -> GoalView:
    return GoalView(goal.id, week.id, week.number, section.id, section.title, goal.text, goal.status, goal.note, goal.carried_from_id)


def views(s: Session, week_id: int) -> list[GoalView]:
    """The week's goals, synced with its text, as views."""
    week = s.get(Week, week_id)
    if week is None:
        raise NotFound(f"no week with id {week_id}")
    goals = sync(s, week_id)
    sections = {g.section_id: s.get(Section, g.section_id) for g in goals}
    return [_view(g, week, sections[g.section_id]) for g in goals]


def week_goals(db: Database, week_id: int) -> list[GoalView]:
    """The goals set in a week, in the order its sections list them."""
    return synced(db, lambda s: views(s, week_id))


def set_status(db: Database, goal_id: int, status: str, note: str | None = None) -> GoalView:
    """Record how a goal went (open, done, partly, dropped), and a note when one is given ('' clears it);
    without one, a note that says otherwise (`이번주에 진행 못함` on a goal now done) is cleared."""
    if status not in STATUSES:
        raise StudylogError(f"status '{status}' is not one of {', '.join(STATUSES)}")
    with db.session() as s:
        goal = s.get(Goal, goal_id)
        if goal is None:
            raise NotFound(f"no goal {goal_id} (see `studylog goal list`)")
        goal.status, goal.updated_at = status, utcnow()
        if note is not None:
            goal.note = note
        elif status_of_note(goal.note) not in (None, status):
            goal.note = ""
        return _view(goal, s.get(Week, goal.week_id), s.get(Section, goal.section_id))

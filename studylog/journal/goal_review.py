"""The week after: last week's goals reviewed, the unfinished ones carried into this week, and the streaks
of goals carried week after week (three running is flagged, as Anki flags a leech)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session, select

from studylog.errors import NotFound
from studylog.journal.goal_items import item_line
from studylog.journal.goals import GoalView, synced, views
from studylog.store.database import Database
from studylog.store.models import Goal, Section, Week, utcnow

UNFINISHED = ("open", "partly")
CARRY_TARGETS = ("goals", "try", "next_week_plan", "weekend_plan")  # where carried goals go, first found
NEW_GOALS_TITLE = "< 목표 >"
STREAK_FLAG = 3  # weeks running


@dataclass(frozen=True)
class Review:
    """Last week's goals as this week reviews them; carried holds the ids already carried into this week."""

    week_number: int | None
    goals: list[GoalView] = field(default_factory=list)
    carried: frozenset[int] = frozenset()

    @property
    def counts(self) -> Counter:
        return Counter(goal.status for goal in self.goals)

    @property
    def unfinished(self) -> list[GoalView]:
        return [g for g in self.goals if g.status in UNFINISHED and g.id not in self.carried]


def _week(s: Session, week_id: int) -> Week:
    week = s.get(Week, week_id)
    if week is None:
        raise NotFound(f"no week with id {week_id}")
    return week


def previous_week(s: Session, week: Week) -> Week | None:
    """The course's week before this one (the highest lower number)."""
    query = select(Week).where(Week.course == week.course, Week.number < week.number).order_by(Week.number.desc())
    return s.exec(query).first()


def _review(s: Session, week_id: int) -> Review:
    before = previous_week(s, _week(s, week_id))
    if before is None:
        return Review(None)
    carried = frozenset(g.carried_from_id for g in views(s, week_id) if g.carried_from_id is not None)
    return Review(before.number, views(s, before.id), carried)


def review(db: Database, week_id: int) -> Review:
    """Last week's goals with their outcomes, for this week's review."""
    return synced(db, lambda s: _review(s, week_id))


def _target_section(s: Session, week_id: int) -> Section:
    sections = s.exec(select(Section).where(Section.week_id == week_id).order_by(Section.position, Section.id)).all()
    for kind in CARRY_TARGETS:
        if found := next((x for x in sections if x.kind == kind), None):
            return found
    section = Section(week_id=week_id, kind="goals", title=NEW_GOALS_TITLE, position=len(sections))
    s.add(section)
    return section


def carry(db: Database, week_id: int) -> tuple[list[GoalView], int | None]:
    """Carry last week's unfinished goals into this week's goals section (made when there is none): each
    becomes an item of its text, linked to the goal it carries on. The goals carried, and the section."""
    with db.session() as s:
        unfinished = _review(s, week_id).unfinished
        if not unfinished:
            return [], None
        section = _target_section(s, week_id)
        s.flush()
        written = {g.text for g in views(s, week_id) if g.section_id == section.id and g.carried_from_id is None}
        for goal in unfinished:
            if goal.text not in written:  # a goal already written again this week is linked, not repeated
                kept = section.body.rstrip("\n")
                section.body = (kept + "\n" if kept.strip() else "") + item_line(goal.text, section.body)
        section.updated_at = utcnow()
        s.flush()
        fresh = {(g.section_id, g.text): g for g in views(s, week_id) if g.carried_from_id is None}
        for goal in unfinished:
            if (new := fresh.pop((section.id, goal.text), None)) is not None:
                s.get(Goal, new.id).carried_from_id = goal.id
        return [g for g in views(s, week_id) if g.carried_from_id in {u.id for u in unfinished}], section.id

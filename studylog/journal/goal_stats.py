"""How goals go over the weeks: each week's outcomes, and the goals carried on week after week."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlmodel import select

from studylog.journal.goal_review import STREAK_FLAG
from studylog.journal.goals import sync, synced
from studylog.store.database import Database
from studylog.store.models import Goal, Week


@dataclass(frozen=True)
class WeekOutcomes:
    """One week's goals counted by status."""

    course: str
    number: int
    counts: Counter


@dataclass(frozen=True)
class Streak:
    """A goal set in `weeks` weeks running (carried on each time), as of its latest week, and its status there."""

    text: str
    weeks: int
    last_week: int
    status: str

    @property
    def flagged(self) -> bool:
        """Carried STREAK_FLAG weeks running: a goal that keeps not happening (a leech, in Anki's word)."""
        return self.weeks >= STREAK_FLAG


def goal_stats(db: Database) -> tuple[list[WeekOutcomes], list[Streak]]:
    """Every week's outcome counts, and every goal carried at least once, longest streak first."""
    def read(s):
        weeks = s.exec(select(Week).order_by(Week.course, Week.number)).all()
        for week in weeks:
            sync(s, week.id)
        return weeks, {g.id: g for g in s.exec(select(Goal))}

    weeks, goals = synced(db, read)
    numbers = {w.id: w.number for w in weeks}
    outcomes = [
        WeekOutcomes(w.course, w.number, Counter(g.status for g in goals.values() if g.week_id == w.id)) for w in weeks
    ]
    continued = {g.carried_from_id for g in goals.values()}
    streaks = []
    for goal in goals.values():
        if goal.carried_from_id is None or goal.id in continued:
            continue  # not carried, or not the latest of its chain
        length, link = 1, goal
        while link.carried_from_id in goals:
            length, link = length + 1, goals[link.carried_from_id]
        streaks.append(Streak(goal.text, length, numbers[goal.week_id], goal.status))
    return outcomes, sorted(streaks, key=lambda x: (-x.weeks, x.last_week, x.text))

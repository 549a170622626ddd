"""FSRS scheduling of one card: the mapping between the Card table and fsrs.Card, and what each rating would do.

Services take the time as an argument; the CLI and the TUI read it from an injectable Clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler, State

from studylog.errors import StudylogError
from studylog.store.models import Card

Clock = Callable[[], datetime]
"""Returns the current time, tz-aware UTC (studylog.store.models.utcnow in use, a fixed time in tests)."""

RATING_NAMES = {rating: rating.name.lower() for rating in Rating}


def make_scheduler() -> Scheduler:
    """The scheduler every review uses: FSRS defaults without fuzz.

    Without fuzz the due date shown next to each rating is the one the review applies; a study
    log holds dozens of cards, not the thousands whose reviews fuzz spreads apart.
    """
    return Scheduler(enable_fuzzing=False)


def to_fsrs(row: Card) -> FsrsCard:
    """The fsrs.Card for a stored card (fsrs' card_id is the row id)."""
    return FsrsCard(
        card_id=row.id,
        state=State(row.state),
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
    )


def store_fsrs(row: Card, card: FsrsCard) -> None:
    """Copy a reviewed fsrs.Card's state back into its row."""
    row.state = int(card.state)
    row.step = card.step
    row.stability = card.stability
    row.difficulty = card.difficulty
    row.due = card.due
    row.last_review = card.last_review


def due_by_rating(card: FsrsCard, now: datetime, scheduler: Scheduler | None = None) -> dict[Rating, datetime]:
    """When the card would next be due after each rating given now."""
    scheduler = scheduler or make_scheduler()
    return {rating: scheduler.review_card(card, rating, now)[0].due for rating in Rating}


def retrievability(card: FsrsCard, now: datetime, scheduler: Scheduler | None = None) -> float:
    """FSRS' probability of recalling the card now; 0 for a card never reviewed."""
    return (scheduler or make_scheduler()).get_card_retrievability(card, now)


def parse_rating(text: str) -> Rating:
    """A rating from what a user types: 1-4, again/hard/good/easy, or their first letter."""
    key = text.strip().lower()
    for rating, name in RATING_NAMES.items():
        if key in (str(int(rating)), name, name[0]):
            return rating
    raise StudylogError(f"'{text}' is not a rating; type 1-4 or again, hard, good, easy (a, h, g, e)")


def describe_interval(start: datetime, end: datetime) -> str:
    """A short human interval: 1m, 10m, 3h, 2d, 5mo, 1.2y."""
    minutes = max(0, round((end - start).total_seconds() / 60))
    if minutes < 60:
        return f"{minutes}m"
    if minutes < 24 * 60:
        return f"{round(minutes / 60)}h"
    days = minutes / (24 * 60)
    if days < 60:
        return f"{round(days)}d"
    if days < 365:
        return f"{round(days / 30)}mo"
    return f"{days / 365:.1f}y"

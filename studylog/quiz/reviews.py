"""Recording a review: the card's new FSRS state and a ReviewLog row, in one transaction.

A cram review is logged (cram=True) but leaves the card, and so its due date, as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Rating, Scheduler

from studylog.errors import NotFound
from studylog.quiz.scheduling import make_scheduler, store_fsrs, to_fsrs
from studylog.store.database import Database
from studylog.store.models import Card, ReviewLog


@dataclass(frozen=True)
class ReviewResult:
    """What a review did: the rating given and when the card is due now."""

    rating: Rating
    due: datetime
    cram: bool


def record_review(
    db: Database,
    card_id: int,
    rating: Rating,
    now: datetime,
    *,
    answer: str = "",
    correct: bool | None = None,
    duration_ms: int | None = None,
    cram: bool = False,
    scheduler: Scheduler | None = None,
) -> ReviewResult:
    """Review card_id with rating at now: reschedule it (unless cramming) and log the review."""
    with db.session() as s:
        row = s.get(Card, card_id)
        if row is None:
            raise NotFound(f"no quiz card with id {card_id}")
        if not cram:
            reviewed, _log = (scheduler or make_scheduler()).review_card(to_fsrs(row), rating, now, duration_ms)
            store_fsrs(row, reviewed)
        s.add(
            ReviewLog(
                card_id=card_id, rating=int(rating), reviewed_at=now, duration_ms=duration_ms,
                answer=answer, correct=correct, cram=cram,
            )
        )
        return ReviewResult(rating=rating, due=row.due, cram=cram)

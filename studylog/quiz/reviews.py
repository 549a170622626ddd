"""Recording a review: the card's new FSRS state and a ReviewLog row, in one transaction.

A cram review is logged (cram=True) but leaves the card, and so its due date, as it was. The card is
read again in that transaction: when another session reviewed it since it was shown, the review
applies to its current state and the result says so (`changed`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card as FsrsCard
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
    changed: bool = False  # reviewed elsewhere since it was shown: `due` comes from its current state


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
    shown: FsrsCard | None = None,
) -> ReviewResult:
    """Review card_id with rating at now: reschedule it (unless cramming) and log the review.

    shown: the card as the user saw it (QuizItem.card), to tell whether it changed since; raises NotFound.
    """
    with db.session() as s:
        row = s.get(Card, card_id)
        if row is None:
            raise NotFound(f"no quiz card with id {card_id}")
        changed = shown is not None and _state(to_fsrs(row)) != _state(shown)
        if not cram:
            reviewed, _log = (scheduler or make_scheduler()).review_card(to_fsrs(row), rating, now, duration_ms)
            store_fsrs(row, reviewed)
        s.add(
            ReviewLog(
                card_id=card_id, rating=int(rating), reviewed_at=now, duration_ms=duration_ms,
                answer=answer, correct=correct, cram=cram,
            )
        )
        return ReviewResult(rating=rating, due=row.due, cram=cram, changed=changed)


def _state(card: FsrsCard) -> tuple:
    """What a review changes in a card: comparing it tells whether the card was reviewed meanwhile."""
    return card.state, card.step, card.stability, card.difficulty, card.due, card.last_review

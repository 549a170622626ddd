"""The deck: every question has a card; a quiz session reviews the cards that are due (or all, when cramming)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card as FsrsCard
from sqlmodel import select

from studylog.quiz.scheduling import to_fsrs
from studylog.store.database import Database
from studylog.store.models import Card, Question, QuestionTag, Week
from studylog.store.text import nfc
from studylog.terminal import printable


@dataclass(frozen=True)
class QuizItem:
    """One card to review, with the question it asks (control characters shown); plain data for the CLI and the TUI."""

    card_id: int
    question_id: int
    slug: str
    title: str
    question: str
    answer: str
    week_number: int | None
    card: FsrsCard

    @property
    def due(self) -> datetime:
        """When the card is due (UTC)."""
        return self.card.due


def ensure_cards(db: Database, now: datetime) -> None:
    """Give every question without a card a new one, due now."""
    with db.session() as s:
        missing = s.exec(select(Question.id).outerjoin(Card, Card.question_id == Question.id).where(Card.id.is_(None))).all()
        for question_id in missing:
            s.add(Card(question_id=question_id, due=now))


def deck(
    db: Database,
    now: datetime,
    *,
    week_number: int | None = None,
    week_id: int | None = None,
    tag: str | None = None,
    cram: bool = False,
) -> list[QuizItem]:
    """The cards to review now, earliest due first: those due by now, or every card of the selection (one week,
    by number or by id, and one tag) when cramming."""
    ensure_cards(db, now)
    with db.session() as s:
        query = (
            select(Card, Question, Week.number)
            .join(Question, Card.question_id == Question.id)
            .outerjoin(Week, Question.week_id == Week.id)
        )
        if week_number is not None:
            query = query.where(Week.number == week_number)
        if week_id is not None:
            query = query.where(Question.week_id == week_id)
        if tag is not None:
            query = query.join(QuestionTag, QuestionTag.question_id == Question.id).where(QuestionTag.tag == nfc(tag).lower())
        if not cram:
            query = query.where(Card.due <= now)
        rows = s.exec(query.order_by(Card.due, Question.id)).all()
        return [
            QuizItem(card.id, question.id, question.slug, *map(printable, (question.title, question.question, question.answer)),
                     number, to_fsrs(card))
            for card, question, number in rows
        ]


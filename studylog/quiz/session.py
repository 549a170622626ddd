"""A quiz session for any front end: the cards due, each with its numeric prompts ready to grade (or why not),
worked out before the first question; what a turn's answers add up to; and what to say when nothing is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Rating

from studylog.quiz.deck import QuizItem, deck
from studylog.quiz.grading import Grade, GradablePrompt, NotRecomputed, gradable_prompts, rating_for
from studylog.quiz.prompts import prompts_by_question
from studylog.quiz.scheduling import describe_interval
from studylog.store.database import Database


@dataclass(frozen=True)
class Turn:
    """One card to review: numeric when any of its prompts can be graded now, else free text."""

    item: QuizItem
    ready: list[GradablePrompt]
    missing: list[NotRecomputed]  # prompts that cannot be graded, each saying why


@dataclass(frozen=True)
class Answer:
    """What a turn's review records: the rating, what was typed, and whether the numbers were right."""

    rating: Rating
    typed: str
    correct: bool | None  # None for free text: the user rated themselves


def turns(
    db: Database,
    now: datetime,
    *,
    week_number: int | None = None,
    week_id: int | None = None,
    tag: str | None = None,
    cram: bool = False,
) -> list[Turn]:
    """The deck at now, each card with its numeric prompts from the database."""
    items = deck(db, now, week_number=week_number, week_id=week_id, tag=tag, cram=cram)
    prompts = prompts_by_question(db) if items else {}
    return [Turn(item, *gradable_prompts(db, item.slug, prompts.get(item.slug, []))) for item in items]


def numeric_answer(grades: list[Grade]) -> Answer:
    """Every number right is Good, any wrong is Again; the typed answers are kept side by side."""
    rating = rating_for(grades)
    return Answer(rating, "; ".join(grade.typed for grade in grades), rating != Rating.Again)


def nothing_due(
    db: Database, now: datetime, *, week_number: int | None = None, week_id: int | None = None, tag: str | None = None,
    cram_hint: str = "",
) -> str:
    """Why the deck is empty: no questions in the selection, or which one is due next, when, and cram_hint."""
    upcoming = deck(db, now, week_number=week_number, week_id=week_id, tag=tag, cram=True)
    if not upcoming:
        return "no questions to quiz"
    hint = f" ({cram_hint})" if cram_hint else ""
    return f"nothing due; next is {upcoming[0].slug} in {describe_interval(now, upcoming[0].due)}{hint}"

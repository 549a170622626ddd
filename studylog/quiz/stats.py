"""Quiz statistics: due and reviewed today, retention, reviews per day, leeches, and a week's shakiest questions.

"Today" is the user's calendar day (tz, the local zone by default), though everything is stored in UTC.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from fsrs import Rating
from sqlmodel import func, select

from studylog.quiz.scheduling import make_scheduler, retrievability, to_fsrs
from studylog.store.database import Database
from studylog.store.models import Card, Question, QuestionTag, ReviewLog
from studylog.store.text import nfc

LEECH_LAPSES = 4
RETENTION_DAYS = 30


@dataclass(frozen=True)
class Leech:
    """A question failed (rated Again) LEECH_LAPSES times or more."""

    slug: str
    title: str
    lapses: int


@dataclass(frozen=True)
class QuizStats:
    """The numbers `studylog quiz --stats` and the TUI's stats show."""

    today: date
    due_now: int  # cards due by now (new questions included): a card reviewed today is not due until it is again
    reviewed_today: int
    retention: float | None  # share of scheduled reviews in the last RETENTION_DAYS not rated Again
    reviews_per_day: dict[date, int]
    leeches: list[Leech]


@dataclass(frozen=True)
class ShakyQuestion:
    """A reviewed question with FSRS' probability of recalling it now."""

    question_id: int
    slug: str
    title: str
    retrievability: float


def local_zone() -> tzinfo:
    """The machine's local time zone."""
    return datetime.now().astimezone().tzinfo


def _start_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz)


def _selected(query, week_id: int | None, tag: str | None):
    """query (over Question) narrowed to one week's questions and to one tag's."""
    if week_id is not None:
        query = query.where(Question.week_id == week_id)
    if tag is not None:
        query = query.where(Question.id.in_(select(QuestionTag.question_id).where(QuestionTag.tag == nfc(tag).lower())))
    return query


def quiz_stats(
    db: Database, now: datetime, *, weeks: int = 12, tz: tzinfo | None = None, week_id: int | None = None,
    tag: str | None = None,
) -> QuizStats:
    """Stats as of now, of every question or of one week's (week_id) and one tag's; reviews_per_day covers this
    week and the `weeks - 1` before it (Monday first, up to today) and, like reviewed_today, counts cram reviews."""
    tz = tz or local_zone()
    today = now.astimezone(tz).date()
    first_day = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    days = (today - first_day).days + 1
    since = min(_start_of_day(first_day, tz), now - timedelta(days=RETENTION_DAYS))
    with db.session() as s:
        due_now = s.exec(  # a question without a card yet is new, so due
            _selected(select(func.count()).select_from(Question).outerjoin(Card, Card.question_id == Question.id), week_id, tag)
            .where(Card.id.is_(None) | (Card.due <= now))
        ).one()
        reviews = s.exec(_selected(
            select(ReviewLog.reviewed_at, ReviewLog.rating, ReviewLog.cram)
            .join(Card, ReviewLog.card_id == Card.id).join(Question, Card.question_id == Question.id), week_id, tag
        ).where(ReviewLog.reviewed_at >= since)).all()
        lapses = s.exec(
            _selected(select(Question.slug, Question.title, func.count()), week_id, tag)
            .join(Card, Card.question_id == Question.id)
            .join(ReviewLog, ReviewLog.card_id == Card.id)
            .where(ReviewLog.rating == int(Rating.Again), ReviewLog.cram.is_(False))
            .group_by(Question.id)
            .having(func.count() >= LEECH_LAPSES)
            .order_by(func.count().desc(), Question.slug)
        ).all()
    days_of = Counter(at.astimezone(tz).date() for at, _rating, _cram in reviews)
    recent = [rating for at, rating, cram in reviews if not cram and at >= now - timedelta(days=RETENTION_DAYS)]
    return QuizStats(
        today=today,
        due_now=due_now,
        reviewed_today=days_of[today],
        retention=sum(r != Rating.Again for r in recent) / len(recent) if recent else None,
        reviews_per_day={first_day + timedelta(days=i): days_of[first_day + timedelta(days=i)] for i in range(days)},
        leeches=[Leech(slug, title, count) for slug, title, count in lapses],
    )


def shakiest(db: Database, week_id: int, n: int, now: datetime) -> list[ShakyQuestion]:
    """The week's n reviewed questions least likely to be recalled now (what a blog post could list): only those
    below the scheduler's desired retention (0.9, FSRS's default), which the quiz would ask again; a card just
    rated Good is not shaky. Questions never reviewed have no recall probability and are left out."""
    with db.session() as s:
        rows = s.exec(
            select(Card, Question)
            .join(Question, Card.question_id == Question.id)
            .where(Question.week_id == week_id, Card.last_review.is_not(None))
        ).all()
        shaky = [ShakyQuestion(q.id, q.slug, q.title, retrievability(to_fsrs(card), now)) for card, q in rows]
    below = [item for item in shaky if item.retrievability < make_scheduler().desired_retention]
    return sorted(below, key=lambda item: (item.retrievability, item.slug))[:n]

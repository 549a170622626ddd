"""FSRS scheduling through the stored cards, at a fixed clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fsrs import Rating
from sqlmodel import select

from studylog.errors import StudylogError
from studylog.quiz.deck import deck
from studylog.quiz.reviews import record_review
from studylog.quiz.scheduling import describe_interval, due_by_rating, parse_rating
from studylog.store.models import Card, ReviewLog

SLUG = "inception-v1-params"


@pytest.fixture
def review_at(demo_db, card_of, demo_cards):
    """review_at(rating, now, **kwargs): review the Inception question's card."""

    def review(rating, now, **kwargs):
        return record_review(demo_db, card_of(SLUG, now).card_id, rating, now, **kwargs)

    return review


def test_every_demo_question_becomes_a_card_due_now(demo_db, demo_cards, t0):
    assert sorted(item.slug for item in demo_cards) == ["aux-classifier-softmax", "flops-vs-complexity", SLUG]
    assert all(item.due == t0 for item in demo_cards)
    assert deck(demo_db, t0 - timedelta(seconds=1)) == []


def test_intervals_grow_with_each_good(review_at, t0):
    now, intervals = t0, []
    for _ in range(5):
        result = review_at(Rating.Good, now)
        intervals.append(result.due - now)
        now = result.due
    assert intervals == sorted(intervals) and len(set(intervals)) == len(intervals)
    assert intervals[-1] >= timedelta(days=7)


def test_again_brings_a_learned_card_back_within_minutes(review_at, card_of, t0):
    now = t0
    for _ in range(3):
        now = review_at(Rating.Good, now).due
    good_interval = review_at(Rating.Good, now).due - now
    lapse_at = now + good_interval
    lapse = review_at(Rating.Again, lapse_at)
    assert lapse.due - lapse_at <= timedelta(minutes=10) < good_interval
    assert card_of(SLUG, lapse_at).card.state.name == "Relearning"


def test_next_due_differs_by_rating_and_preview_is_what_a_review_applies(review_at, card_of, t0):
    item = card_of(SLUG)
    preview = due_by_rating(item.card, t0)
    assert preview[Rating.Again] < preview[Rating.Hard] < preview[Rating.Good] < preview[Rating.Easy]
    assert review_at(Rating.Easy, t0).due == preview[Rating.Easy]


def test_cram_logs_the_review_but_moves_nothing(demo_db, review_at, card_of, t0):
    review_at(Rating.Good, t0)
    with demo_db.session() as s:
        before = s.exec(select(Card).where(Card.question_id == card_of(SLUG).question_id)).one().model_dump()
    later = t0 + timedelta(hours=1)
    result = review_at(Rating.Again, later, cram=True, answer="3136")
    with demo_db.session() as s:
        after = s.get(Card, before["id"]).model_dump()
        logs = s.exec(select(ReviewLog).where(ReviewLog.card_id == before["id"]).order_by(ReviewLog.id)).all()
    assert after == before and result.due == before["due"]
    assert [(log.rating, log.cram, log.answer) for log in logs] == [(3, False, ""), (1, True, "3136")]
    assert logs[1].reviewed_at == later


def test_reviews_are_stored_in_utc(demo_db, review_at, t0):
    review_at(Rating.Hard, t0, duration_ms=4200)
    with demo_db.session() as s:
        log = s.exec(select(ReviewLog)).one()
        card = s.get(Card, log.card_id)
    assert log.reviewed_at == t0 and log.reviewed_at.utcoffset() == timedelta(0) and log.duration_ms == 4200
    assert card.last_review == t0 and card.due.utcoffset() == timedelta(0)


@pytest.mark.parametrize("typed, rating", [("1", Rating.Again), ("again", Rating.Again), ("H", Rating.Hard),
                                           (" good ", Rating.Good), ("4", Rating.Easy), ("e", Rating.Easy)])
def test_parse_rating(typed, rating):
    assert parse_rating(typed) == rating


@pytest.mark.parametrize("typed", ["", "5", "0", "meh"])
def test_parse_rating_rejects(typed):
    with pytest.raises(StudylogError, match="not a rating"):
        parse_rating(typed)


@pytest.mark.parametrize("delta, text", [(timedelta(minutes=1), "1m"), (timedelta(hours=5), "5h"),
                                         (timedelta(days=3), "3d"), (timedelta(days=120), "4mo"), (timedelta(days=730), "2.0y")])
def test_describe_interval(t0, delta, text):
    assert describe_interval(t0, t0 + delta) == text

"""Quiz fixtures: a fixed clock, the demo's cards, and a way to look a card up."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from studylog.quiz.deck import QuizItem, deck
from studylog.store.models import CheckRun, ClaimResult

EQUALS = {"kind": "equals"}


@pytest.fixture
def t0() -> datetime:
    """The fixed clock's time: a Monday, 09:00 UTC (18:00 in Seoul)."""
    return datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo_cards(demo_db, t0) -> list[QuizItem]:
    """The demo's three questions as new cards, all due at t0."""
    return deck(demo_db, t0)


@pytest.fixture
def card_of(demo_db, t0):
    """card_of(slug, now=t0): the card of one demo question as it stands, due or not."""

    def find(slug: str, now: datetime = t0) -> QuizItem:
        return next(item for item in deck(demo_db, now, cram=True) if item.slug == slug)

    return find


@pytest.fixture
def recompute(demo_db, t0):
    """recompute(check_id, label, computed, rule=EQUALS, ...): store a check run with one claim, as verify does."""

    def store(check_id, label, computed, rule=EQUALS, *, expected=None, slug="inception-v1-params", status="passed"):
        with demo_db.session() as s:
            run = CheckRun(check_id=check_id, question_slug=slug, cache_key=f"{check_id}-key", status=status, started_at=t0)
            s.add(run)
            s.flush()
            s.add(ClaimResult(
                run_id=run.id, label=label, computed=json.dumps(computed), expected=json.dumps(expected),
                rule=json.dumps(rule), verdict="holds",
            ))

    return store

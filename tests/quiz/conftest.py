"""Quiz fixtures: the demo's cards, and a way to look a card up (the fixed clock t0 and recompute are shared,
in tests/conftest.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from studylog.quiz.deck import QuizItem, deck


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


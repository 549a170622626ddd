"""The quiz screen on the demo at a fixed clock: typed numbers graded against the recomputed claims (stored
as verify would, so no check runs), free-text answers revealed and rated, cram moving nothing, the stats."""

from __future__ import annotations

import asyncio
import os
from datetime import timedelta

import pytest
from fsrs import Rating
from sqlmodel import select
from textual.widgets import Button, Input

from studylog.journal.questions import add_question
from studylog.journal.weeks import create_week
from studylog.quiz.deck import deck
from studylog.quiz.reviews import record_review
from studylog.store.models import Card, Question, ReviewLog
from studylog.tui import keys
from studylog.tui.app import StudylogApp
from studylog.tui.screens.quiz import QuizScreen
from studylog.tui.screens.stats import StatsScreen
from studylog.tui.widgets.quiz_card import QuizCard
from studylog.tui.widgets.rating_bar import RatingBar
from pilot_helpers import freeze_cursors, settle, type_text

WEIGHTS_3A = ("inception-3a-weights", "weights in inception (3a), bias excluded", 163_328)
CONV1 = ("inception-conv1-hypotheses", "conv1 full 7x7x3->64 weights, bias excluded", 9_408)


def reviewed_the_day_before(db, t0, *slugs: str) -> None:
    """Rate these questions' cards Easy a day before t0, which makes them due days after t0."""
    yesterday = t0 - timedelta(days=1)
    for item in deck(db, yesterday):
        if item.slug in slugs:
            record_review(db, item.card_id, Rating.Easy, yesterday)


@pytest.fixture
def inception_first(demo_db, recompute, t0):
    """Inception's two prompted claims recomputed, and flops-vs-complexity not due: Inception comes first."""
    for claim in (WEIGHTS_3A, CONV1):
        recompute(*claim)
    reviewed_the_day_before(demo_db, t0, "flops-vs-complexity")


def reviews_since(db, t0) -> list[tuple]:
    """(slug, rating, correct, answer, cram) of each review made from t0 on, in order."""
    with db.session() as s:
        rows = s.exec(
            select(Question.slug, ReviewLog.rating, ReviewLog.correct, ReviewLog.answer, ReviewLog.cram)
            .join(Card, Card.id == ReviewLog.card_id).join(Question, Question.id == Card.question_id)
            .where(ReviewLog.reviewed_at >= t0).order_by(ReviewLog.id)
        ).all()
    return [tuple(row) for row in rows]


def cards(db) -> list[dict]:
    with db.session() as s:
        return [card.model_dump() for card in s.exec(select(Card).order_by(Card.id))]


def due_of(db, slug):
    with db.session() as s:
        return s.exec(select(Card.due).join(Question).where(Question.slug == slug)).one()


async def open_quiz(pilot, *keys: str) -> QuizScreen:
    """Press keys (z by default) from the weeks list and wait for the deck."""
    await settle(pilot)
    for key in keys or ("z",):
        await pilot.press(key)
        await settle(pilot)
    assert isinstance(pilot.app.screen, QuizScreen)
    return pilot.app.screen


async def answer(pilot, typed: str) -> None:
    await type_text(pilot, typed)
    await pilot.press("enter")
    await settle(pilot)


def card_text(screen) -> str:
    return screen.query_one(QuizCard).text.plain


@pytest.mark.parametrize("typed, verdict, rating, back_in", [
    ("163328", "✓ correct: 163,328 vs recomputed 163,328 (check inception-3a-weights: equals exactly", 3, 10),
    ("3136", "✗ wrong: 3,136 vs recomputed 163,328 (check inception-3a-weights: equals exactly", 1, 1),
], ids=["163328-right", "3136-wrong"])
async def test_a_typed_number_is_graded_against_the_recomputed_claim(
    demo_db, inception_first, t0, typed, verdict, rating, back_in
):
    app = StudylogApp(demo_db.path, clock=lambda: t0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        prompt = screen.query_one(Input)
        assert prompt.border_title == "inception (3a)의 weight 수(bias 제외)는?"
        await answer(pilot, "열여섯만")
        assert "'열여섯만' is not a number" in str(screen.query_one("#quiz-error").render())
        assert prompt.border_title == "inception (3a)의 weight 수(bias 제외)는?"  # asked again
        await answer(pilot, typed)  # replaces what was refused
        assert prompt.border_title.startswith("conv1 (7×7/2")
        await answer(pilot, "9,408")
        assert verdict in card_text(screen)
        assert "✓ correct: 9,408 vs recomputed 9,408" in card_text(screen)
        assert f"→ {Rating(rating).name.lower()}: next due in {back_in}m" in card_text(screen)
        assert screen.phase == "reviewed"
    assert reviews_since(demo_db, t0) == [("inception-v1-params", rating, rating == 3, f"{typed}; 9,408", False)]
    assert due_of(demo_db, "inception-v1-params") == t0 + timedelta(minutes=back_in)


async def test_a_free_text_answer_is_revealed_and_good_reschedules_the_card(demo_db, t0):
    reviewed_the_day_before(demo_db, t0, "flops-vs-complexity", "inception-v1-params")
    app = StudylogApp(demo_db.path, clock=lambda: t0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        assert screen.sub_title == "Quiz · all weeks · card 1 of 1"
        await pilot.press("3")  # typed into the answer: ratings wait for the answer to show
        await answer(pilot, " 연산량")
        assert "corssentropyloss 안에 softmax가 있다." in card_text(screen)  # the stored answer, revealed
        labels = [str(button.label) for button in screen.query_one(RatingBar).query(Button)]
        assert labels == ["1 again (1m)", "2 hard (6m)", "3 good (10m)", "4 easy (8d)"]
        await pilot.press("3")
        await settle(pilot)
        assert "→ good: next due in 10m" in card_text(screen)
        await pilot.press("enter")
        await settle(pilot)
        assert card_text(screen) == "End of the deck: reviewed 1 good."
        assert "1 reviewed today" in str(screen.query_one("StatsPanel").render())
    assert reviews_since(demo_db, t0) == [("aux-classifier-softmax", 3, None, "3 연산량", False)]
    assert due_of(demo_db, "aux-classifier-softmax") == t0 + timedelta(minutes=10)


async def test_cram_reviews_cards_not_due_and_moves_no_due_date(demo_db, t0):
    reviewed_the_day_before(demo_db, t0, "flops-vs-complexity", "inception-v1-params", "aux-classifier-softmax")
    before = cards(demo_db)
    app = StudylogApp(demo_db.path, clock=lambda: t0)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        assert card_text(screen).startswith("nothing due; next is flops-vs-complexity in ")
        assert card_text(screen).endswith("(Cram reviews them now)")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert len(screen.turns) == 3 and screen.sub_title.endswith("cram")
        await answer(pilot, "")
        assert str(screen.query_one(RatingBar).query_one("#rate-3", Button).label) == "3 good"  # no intervals
        await pilot.press("1")
        await settle(pilot)
        assert "→ again: cram, due date unchanged" in card_text(screen)
    assert cards(demo_db) == before
    assert reviews_since(demo_db, t0) == [("flops-vs-complexity", 1, None, "", True)]


async def test_z_in_a_week_quizzes_that_week_and_s_shows_the_stats(demo_db, t0):
    other_week = create_week(demo_db, 5, "5주차")
    add_question(demo_db, "ViT의 patch 수는?", "224/16의 제곱?", "196", slug="vit-patches", week_id=other_week.id)
    record_review(demo_db, deck(demo_db, t0)[0].card_id, Rating.Again, t0)  # flops-vs-complexity: due in a minute

    def slugs(screen: QuizScreen) -> set[str]:
        return {turn.item.slug for turn in screen.turns}

    app = StudylogApp(demo_db.path, clock=lambda: t0)
    async with app.run_test(size=(80, 24)) as pilot:
        everything = await open_quiz(pilot)  # z on the weeks list: every due card
        assert slugs(everything) == {"inception-v1-params", "aux-classifier-softmax", "vit-patches"}
        await pilot.press("escape", "escape")  # out of the answer, then back to the weeks
        week_quiz = await open_quiz(pilot, "enter", "z")  # week 5 (the newest is listed first), then z in it
        assert slugs(week_quiz) == {"vit-patches"}
        assert week_quiz.sub_title == "Quiz · week 5 · card 1 of 1"
        await pilot.press("escape", "s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        report = str(app.screen.query_one("StatsPanel").render())
    assert "3 due now · 1 reviewed today · retention 0% (last 30 days)" in report  # flops is due in a minute
    assert "Mon " in report and "leeches (failed 4+ times): none" in report


def test_quiz_looks(demo_db, inception_first, t0, snap_compare):
    """The Inception card at 80×24, its first numeric prompt waiting for a number."""

    async def run_before(pilot) -> None:
        await open_quiz(pilot)
        freeze_cursors(pilot.app)

    app = StudylogApp(demo_db.path, clock=lambda: t0)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_the_quiz_opened_before_the_database_is_ready_fills_once_it_opens(demo_db, t0, tmp_path, monkeypatch):
    keymap = tmp_path / "keys.fifo"
    os.mkfifo(keymap)  # the app reads its keymap, then opens the database: it waits here until the pipe is written
    monkeypatch.setenv(keys.KEYMAP_ENV_VAR, str(keymap))
    app = StudylogApp(demo_db.path, clock=lambda: t0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        before = (type(app.screen), app.database, app.screen.phase)
        await asyncio.to_thread(keymap.write_text, "", encoding="utf-8")  # an empty keymap: now the database opens
        await settle(pilot)
        after = app.screen.phase
    assert before == (QuizScreen, None, "loading")
    assert after == "answering"


"""`studylog quiz` through click's CliRunner at a fixed clock, typed answers fed on stdin."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlmodel import select

from studylog.cli import cli
from studylog.store.models import Card, Question, ReviewLog

WEIGHTS_3A = ("inception-3a-weights", "weights in inception (3a), bias excluded", 163_328)
CONV1 = ("inception-conv1-hypotheses", "conv1 full 7x7x3->64 weights, bias excluded", 9_408)


def quiz(t0, *args, answers=()):
    result = CliRunner().invoke(cli, ["quiz", *args], input="".join(f"{a}\n" for a in answers), obj={"clock": lambda: t0})
    assert result.exit_code == 0, result.output
    return result.output


def reviews(db) -> list[tuple[str, int, bool | None, str, bool]]:
    with db.session() as s:
        rows = s.exec(
            select(Question.slug, ReviewLog.rating, ReviewLog.correct, ReviewLog.answer, ReviewLog.cram)
            .join(Card, Card.id == ReviewLog.card_id).join(Question, Question.id == Card.question_id)
            .order_by(ReviewLog.id)
        ).all()
    return [tuple(row) for row in rows]


def due_of(db, slug):
    with db.session() as s:
        return s.exec(select(Card.due).join(Question).where(Question.slug == slug)).one()


@pytest.fixture
def recomputed_inception(recompute):
    for check_id, label, value in (WEIGHTS_3A, CONV1):
        recompute(check_id, label, value)


def test_the_demo_quiz_grades_numbers_and_reveals_free_text_answers(demo_db, recomputed_inception, t0):
    # Due order: flops-vs-complexity (its prompt was never recomputed: free text), inception (numeric), aux (free text).
    out = quiz(t0, "--week", "4", answers=["", "good", "163328", "9408", "연산량", "4"])
    assert "'efficientnet-b0-count' has never been recomputed; run `studylog verify flops-vs-complexity`" in out
    assert "✓ correct: 163,328 vs recomputed 163,328" in out and "✓ correct: 9,408 vs recomputed 9,408" in out
    assert "corssentropyloss 안에 softmax가 있다." in out  # the revealed answer
    assert reviews(demo_db) == [
        ("flops-vs-complexity", 3, None, "", False),
        ("inception-v1-params", 3, True, "163328; 9408", False),
        ("aux-classifier-softmax", 4, None, "연산량", False),
    ]
    assert due_of(demo_db, "flops-vs-complexity") == t0 + timedelta(minutes=10)
    assert due_of(demo_db, "aux-classifier-softmax") > t0 + timedelta(days=1)
    assert "nothing due; next is flops-vs-complexity in 5m" in quiz(t0 + timedelta(minutes=5))


@pytest.mark.parametrize("typed, verdict, rating, back_in", [
    ("163,328", "✓ correct: 163,328 vs recomputed 163,328", 3, timedelta(minutes=10)),
    ("3136", "✗ wrong: 3,136 vs recomputed 163,328", 1, timedelta(minutes=1)),
])
def test_163328_is_right_3136_is_wrong_and_the_next_due_date_follows(demo_db, recomputed_inception, t0, typed, verdict, rating, back_in):
    out = quiz(t0, "--tag", "inception", answers=[typed, "9408"])
    assert verdict in out
    assert reviews(demo_db) == [("inception-v1-params", rating, rating == 3, f"{typed}; 9408", False)]
    assert due_of(demo_db, "inception-v1-params") == t0 + back_in


def test_cram_reviews_every_card_and_moves_no_due_date(demo_db, recomputed_inception, t0):
    quiz(t0, "--tag", "inception", answers=["163328", "9408"])
    with demo_db.session() as s:
        before = [card.model_dump() for card in s.exec(select(Card).order_by(Card.id))]
    later = t0 + timedelta(minutes=2)
    assert "nothing due" in quiz(later, "--tag", "inception")
    out = quiz(later, "--cram", "--tag", "inception", answers=["3136", "9408"])
    assert "→ again: cram, due date unchanged" in out
    with demo_db.session() as s:
        after = [card.model_dump() for card in s.exec(select(Card).order_by(Card.id))]
    assert after == before
    assert reviews(demo_db)[-1] == ("inception-v1-params", 1, False, "3136; 9408", True)


def test_a_typed_answer_that_is_no_number_is_asked_again(demo_db, recomputed_inception, t0):
    out = quiz(t0, "--tag", "inception", answers=["열여섯만", "163,328", "9408"])
    assert "'열여섯만' is not a number" in out
    assert reviews(demo_db) == [("inception-v1-params", 3, True, "163,328; 9408", False)]


def test_stats_show_today_retention_heatmap_and_leeches(demo_db, recomputed_inception, t0):
    for minute in range(4):
        quiz(t0 + timedelta(minutes=minute), "--cram", "--tag", "inception", answers=["3136", "9408"])
    quiz(t0, "--tag", "inception", answers=["3136", "9408"])
    out = quiz(t0, "--stats")
    assert "2 due now · 5 reviewed today · retention 0% (last 30 days)" in out  # inception is due again in 1m
    assert out.count("Mon ") == 1 and "busiest day 5 reviews" in out
    assert "leeches (failed 4+ times): none" in out  # cram failures are not lapses
    for minute in range(1, 4):
        quiz(t0 + timedelta(minutes=minute), "--tag", "inception", answers=["3136", "9408"])
    assert "inception-v1-params          4×" in quiz(t0 + timedelta(minutes=4), "--stats")


def test_an_empty_database_has_no_questions_to_quiz(db, t0):
    assert quiz(t0).strip() == "no questions to quiz"


def test_end_of_input_at_a_prompt_ends_the_session_keeping_the_rated_cards(demo_db, recomputed_inception, t0):
    """Ctrl-D at the second card's prompt: the first card's review stays, the session ends with exit 0."""
    out = quiz(t0, "--week", "4", answers=["", "good"])  # then stdin ends where the inception card asks for a number
    assert out.rstrip().endswith("stopped at the end of input; 2 of 3 cards left\n\nreviewed 1 good")
    assert reviews(demo_db) == [("flops-vs-complexity", 3, None, "", False)]
    assert "Aborted" not in out

"""One card in two quiz sessions: the second grade applies to the card as it is now, and says so; quiz
stats honour --week and --tag, refuse an unknown week, and count as due only cards still due."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from datetime import timedelta

from click.testing import CliRunner
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler
from sqlmodel import select as sql_select

from studylog.cli import cli
from studylog.journal import questions, weeks
from studylog.quiz.feedback import outcome
from studylog.quiz.reviews import record_review
from studylog.store.models import Card, Question, ReviewLog

CHANGED = "reviewed elsewhere since it was shown"
MAIN = "from studylog.cli import main; main()"


def expected_due(*reviews):
    """The due date FSRS gives a new card after these (rating, time) reviews, computed with fsrs alone."""
    card, scheduler = FsrsCard(), Scheduler(enable_fuzzing=False)
    for rating, at in reviews:
        card, _ = scheduler.review_card(card, rating, at)
    return card.due


def test_grading_a_card_reviewed_meanwhile_applies_to_its_current_state(demo_db, demo_cards, t0):
    shown = demo_cards[0]  # session A shows the card at t0 ...
    record_review(demo_db, shown.card_id, Rating.Good, t0 + timedelta(minutes=1))  # ... session B reviews it
    later = t0 + timedelta(minutes=20)
    result = record_review(demo_db, shown.card_id, Rating.Good, later, shown=shown.card)
    assert result.changed
    assert result.due == expected_due((Rating.Good, t0 + timedelta(minutes=1)), (Rating.Good, later))
    assert result.due != expected_due((Rating.Good, later))  # what A offered, from the card it showed
    assert CHANGED in outcome(result, later)
    fresh = record_review(demo_db, demo_cards[1].card_id, Rating.Good, t0, shown=demo_cards[1].card)
    assert not fresh.changed and CHANGED not in outcome(fresh, t0)


def _read_until(process, text: str, timeout: float = 60) -> str:
    """What the process printed up to and including text (a prompt has no newline to read a line by)."""
    out, deadline = b"", time.monotonic() + timeout
    while text.encode() not in out:
        ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"no {text!r} within {timeout} s; got {out.decode(errors='replace')!r}"
        chunk = os.read(process.stdout.fileno(), 4096)
        assert chunk, f"ended before {text!r}: {out.decode(errors='replace')!r}"
        out += chunk
    return out.decode()


def test_two_real_quiz_sessions_on_one_card(demo_db):
    path = str(demo_db.path)
    env = {**os.environ, "COLUMNS": "200"}
    a = subprocess.Popen([sys.executable, "-c", MAIN, "--db", path, "quiz"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        _read_until(a, "your answer")  # A shows the first card
        b = subprocess.run([sys.executable, "-c", MAIN, "--db", path, "quiz"], input="\n3\n" * 3, text=True,
                           capture_output=True, env=env, timeout=120)
        assert b.returncode == 0 and "reviewed 3 good" in b.stdout, b.stdout + b.stderr
        a.stdin.write(b"\n")
        a.stdin.flush()
        offered = _read_until(a, "rate ")
        a.stdin.write(b"3\n")
        a.stdin.flush()
        graded = _read_until(a, "your answer")  # the outcome, then the next card
    finally:
        a.kill()
        a.wait()
    assert "good (10m)" in offered + graded  # what A offered: the card as it was when shown
    assert CHANGED in graded
    with demo_db.session() as s:
        first = s.exec(sql_select(ReviewLog.card_id).order_by(ReviewLog.id)).first()
        times = s.exec(sql_select(ReviewLog.reviewed_at).where(ReviewLog.card_id == first).order_by(ReviewLog.id)).all()
        due = s.get(Card, first).due
    assert len(times) == 2 and due == expected_due(*((Rating.Good, at) for at in times))
    assert f"({due.astimezone():%Y-%m-%d %H:%M})" in graded  # the interval applied is the one shown


def stats(*args):
    return CliRunner().invoke(cli, ["quiz", "--stats", *args])


def test_stats_count_as_due_only_cards_still_due(demo_db, demo_cards, t0):
    for item in demo_cards:
        record_review(demo_db, item.card_id, Rating.Good, t0)
    result = CliRunner().invoke(cli, ["quiz", "--stats"], obj={"clock": lambda: t0 + timedelta(minutes=1)})
    assert result.exit_code == 0 and "0 due now" in result.output and "3 reviewed today" in result.output
    later = CliRunner().invoke(cli, ["quiz", "--stats"], obj={"clock": lambda: t0 + timedelta(minutes=11)})
    assert "3 due now" in later.output  # Good on a new card: due again in 10 minutes


def test_stats_honour_week_and_tag_and_refuse_an_unknown_week(demo_db, demo_cards, t0):
    week5 = weeks.create_week(demo_db, 5, course=weeks.find_week(demo_db, 4).course)
    questions.add_question(demo_db, "new one", "new one", "", week_id=week5.id, tags=["later"])
    record_review(demo_db, demo_cards[0].card_id, Rating.Again, t0)
    clock = {"clock": lambda: t0 + timedelta(seconds=10)}
    every = CliRunner().invoke(cli, ["quiz", "--stats"], obj=clock).output
    week4 = CliRunner().invoke(cli, ["quiz", "--stats", "--week", "4"], obj=clock).output
    week5_out = CliRunner().invoke(cli, ["quiz", "--stats", "--week", "5"], obj=clock).output
    tagged = CliRunner().invoke(cli, ["quiz", "--stats", "--tag", "later"], obj=clock).output
    assert "3 due now · 1 reviewed today" in every  # the Again card is due in a minute; 2 + the new one
    assert "2 due now · 1 reviewed today" in week4
    assert "1 due now · 0 reviewed today" in week5_out and "1 due now · 0 reviewed today" in tagged
    unknown = stats("--week", "99")
    assert unknown.exit_code == 1 and unknown.output == "Error: no week 99 (see `studylog week list`)\n"
    with demo_db.session() as s:
        assert s.exec(sql_select(Question.slug).where(Question.title == "new one")).one()

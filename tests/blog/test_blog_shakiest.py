"""`studylog export --shakiest N` closes the post with the questions the quiz says you are least likely to recall."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner
from fsrs import Rating

from studylog.blog.export import export_week
from studylog.cli import cli
from studylog.journal.weeks import find_week
from studylog.quiz.deck import deck
from studylog.quiz.reviews import record_review


def review(db, when: datetime, ratings: dict[str, Rating]) -> None:
    """Rate the demo week's questions (by id) at when."""
    for item in deck(db, when, week_number=4):
        if item.slug in ratings:
            record_review(db, item.card_id, ratings[item.slug], when)


def test_shakiest_questions_close_the_post_lowest_recall_first(demo_db):
    review(demo_db, datetime.now(timezone.utc) - timedelta(days=30),
           {"flops-vs-complexity": Rating.Easy, "inception-v1-params": Rating.Again})

    post = CliRunner().invoke(cli, ["export", "4", "--no-checks", "--shakiest", "5"]).output
    closing = post[post.index("복습이 필요한 질문"):]
    inception = closing.index("Inception v1을 공부하다가")
    flops = closing.index("efficientNet 성능을 보여주기 위해")
    assert inception < flops, "the question rated Again must come first"
    assert "보조분류기" not in closing, "never-reviewed questions are not listed"
    assert "지금 기억할 확률" in closing


def test_recall_is_computed_at_the_time_given(demo_db):
    reviewed = datetime(2025, 1, 1, tzinfo=timezone.utc)
    review(demo_db, reviewed, {"inception-v1-params": Rating.Good})
    week_id = find_week(demo_db, 4).id

    def recall_after(days: int) -> int | None:
        post = export_week(demo_db, week_id, with_checks=False, shakiest=1, now=reviewed + timedelta(days=days))
        found = re.search(r"지금 기억할 확률 (\d+)%", post)
        return int(found[1]) if found else None

    assert recall_after(0) is None  # just rated Good: above the 90% the quiz aims for, so not listed as shaky
    assert 90 > recall_after(30) > recall_after(365)


def test_without_reviews_there_is_no_closing_list(demo_db):
    post = CliRunner().invoke(cli, ["export", "4", "--no-checks", "--shakiest", "3"]).output
    assert "복습이 필요한 질문" not in post

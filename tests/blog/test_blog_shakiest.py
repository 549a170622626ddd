"""`studylog export --shakiest N` closes the post with the questions the quiz says you are least likely to recall."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from click.testing import CliRunner
from fsrs import Rating

from studylog.cli import cli
from studylog.quiz.deck import deck
from studylog.quiz.reviews import record_review


def test_shakiest_questions_close_the_post_lowest_recall_first(demo_db):
    long_ago = datetime.now(timezone.utc) - timedelta(days=30)
    ratings = {"flops-vs-complexity": Rating.Easy, "inception-v1-params": Rating.Again}
    for item in deck(demo_db, long_ago, week_number=4):
        if item.slug in ratings:
            record_review(demo_db, item.card_id, ratings[item.slug], long_ago)

    post = CliRunner().invoke(cli, ["export", "4", "--no-checks", "--shakiest", "5"]).output
    closing = post[post.index("복습이 필요한 질문"):]
    inception = closing.index("Inception v1을 공부하다가")
    flops = closing.index("efficientNet 성능을 보여주기 위해")
    assert inception < flops, "the question rated Again must come first"
    assert "보조분류기" not in closing, "never-reviewed questions are not listed"
    assert "지금 기억할 확률" in closing


def test_without_reviews_there_is_no_closing_list(demo_db):
    post = CliRunner().invoke(cli, ["export", "4", "--no-checks", "--shakiest", "3"]).output
    assert "복습이 필요한 질문" not in post

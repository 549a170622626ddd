"""Ids people can type (w5-q2 for a title with no ASCII word), renames that carry stored results along and
name the modules still using the old id, and moving a question to another week."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from studylog.checks.results import latest_runs
from studylog.cli import cli
from studylog.journal.questions import MAX_ID_LENGTH, add_question, get_question, slugify
from studylog.journal.weeks import create_week
from studylog.quiz.prompts import add_prompt, prompts_by_question


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("title, expected", [
    ("BatchNorm2d(64)의 학습 파라미터 수는?", "batchnorm2d-64"),
    ("Where is the softmax?", "where-is-the-softmax"),
    ("배치정규화는 왜 학습을 빠르게 하나?", "w5-q1"),
    ("why " * 20, "-".join(["why"] * 8)),  # cut at a word, within the limit
    ("[마스터A] 마스터님께 논문 읽는 방법에 대해 질문했다.", "w5-q1"),  # a bracketed name is no id; nor is one letter
    ("[캠퍼01] ResNet의 skip은 왜?", "resnet-skip"),
    ("BN 위치는?", "bn"),
])
def test_ids_are_ascii_short_and_fall_back_to_week_and_position(db, title, expected):
    week = create_week(db, 5)
    row = add_question(db, title, week_id=week.id)
    assert row.slug == expected and len(row.slug) <= MAX_ID_LENGTH


def test_a_second_korean_question_of_the_week_gets_the_next_position_and_ids_never_collide(db):
    week = create_week(db, 5)
    assert [add_question(db, t, week_id=week.id).slug for t in ("질문 하나", "질문 둘", "Same", "Same")] == [
        "w5-q1", "w5-q2", "same", "same-2"]
    assert add_question(db, "주 없는 질문").slug == "q1"
    assert slugify("정규화") == "question"


def test_rename_carries_results_and_prompts_and_names_the_modules_still_using_the_old_id(db, recompute):
    add_question(db, "mine", slug="old-id")
    module = db.path.parent / "checks" / "old_id.py"
    module.parent.mkdir()
    module.write_text('from studylog.checks import check\n\n@check("c1", question="old-id")\ndef c(ctx): pass\n')
    recompute("c1", "a claim", 3, slug="old-id")
    add_prompt(db, "old-id", "three?", "c1", "a claim")
    result = run("question", "rename", "old-id", "new-id")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["renamed old-id to new-id",
                                          f'{module}: still says question="old-id"; change it to question="new-id"']
    assert [r.question_slug for r in latest_runs(db) if r.check_id == "c1"] == ["new-id"]
    assert prompts_by_question(db)["new-id"][0].text == "three?"


@pytest.mark.parametrize("new, message", [
    ("taken", "the id 'taken' is already used by another question"),
    ("한글", "'한글' cannot be a question id"),
    ("x" * 33, "cannot be a question id: use up to 32"),
])
def test_a_rename_that_cannot_be_done_is_one_line_and_changes_nothing(db, new, message):
    add_question(db, "a", slug="mine")
    add_question(db, "b", slug="taken")
    result = run("question", "rename", "mine", new)
    assert result.exit_code == 1 and result.output.startswith("Error: ") and message in result.output
    assert get_question(db, "mine").title == "a"


def test_move_attaches_an_orphaned_question_to_a_week(db):
    week = create_week(db, 5)
    add_question(db, "orphan", slug="orphan")
    assert run("question", "move", "orphan", "--week", "5").output == "moved orphan to week 5\n"
    row = get_question(db, "orphan")
    assert (row.week_id, row.section_id) == (week.id, None)
    assert run("question", "move", "orphan", "--week", "9").exit_code == 1

"""The pack loader: questions from a pack folder into the database, idempotent, never over a user's edit."""

from __future__ import annotations

import pytest

from studylog.bank.pack import load_pack
from studylog.errors import StudylogError
from studylog.journal import questions, weeks
from studylog.quiz.prompts import prompts_by_question

QUESTION = """+++
id = "{slug}"
title = "{title}"
week = {week}
tags = ["bn"]
{extra}+++

## Question

{title}

## Answer

{answer}
"""


def write(folder, slug, *, title="BatchNorm2d(64)의 학습 파라미터 수는?", answer="128", week=5, extra=""):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.md").write_text(QUESTION.format(slug=slug, title=title, answer=answer, week=week, extra=extra), encoding="utf-8")


@pytest.fixture
def pack(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "pack.toml").write_text('name = "study-group"\ncourse = "AI Tech"\n', encoding="utf-8")
    write(folder / "week5", "bn-params", extra='[[prompts]]\ntext = "n?"\ncheck = "bn-count"\nclaim = "weights"\n')
    write(folder / "week3", "mlp-params", week=3, answer="")
    return folder


def test_a_pack_creates_its_weeks_and_questions_and_a_reload_changes_nothing(db, pack):
    first = load_pack(db, pack)
    assert (first.pack, sorted(first.added), sorted(first.weeks_created)) == ("study-group", ["bn-params", "mlp-params"], [3, 5])
    row = questions.get_question(db, "bn-params")
    assert (row.answer, row.status, questions.question_tags(db, row.id)) == ("128", "answered", ["bn"])
    assert weeks.find_week(db, 5, "AI Tech").id == row.week_id
    assert questions.get_question(db, "mlp-params").status == "open"
    second = load_pack(db, pack)
    assert (second.added, sorted(second.unchanged), second.updated, second.skipped) == ([], ["bn-params", "mlp-params"], [], [])
    assert len(prompts_by_question(db)["bn-params"]) == 1


def test_a_reload_updates_what_the_user_left_alone_and_skips_what_they_edited(db, pack):
    load_pack(db, pack)
    mine = questions.get_question(db, "mlp-params")
    questions.update_question(db, mine.id, answer="내가 쓴 답")
    write(pack / "week5", "bn-params", answer="128 (γ and β: 2 × 64)")
    write(pack / "week3", "mlp-params", week=3, answer="the pack's new answer")
    report = load_pack(db, pack)
    assert report.updated == ["bn-params"]
    assert report.skipped == [("mlp-params", "edited in this database since the pack loaded it")]
    assert questions.get_question(db, "bn-params").answer == "128 (γ and β: 2 × 64)"
    assert questions.get_question(db, "mlp-params").answer == "내가 쓴 답"
    assert "bn-params" not in prompts_by_question(db)  # the pack dropped its prompt; the unedited row follows


def test_weeks_selects_questions_and_course_overrides_the_packs(db, pack):
    report = load_pack(db, pack, weeks=[3], course="other")
    assert report.added == ["mlp-params"] and report.weeks_created == [3]
    assert weeks.find_week(db, 3, "other")


def test_an_unreadable_question_file_writes_nothing(db, pack):
    write(pack / "week5", "bad", extra='[[prompts]]\ntext = "n?"\ncheck = "c"\nclaim = "l"\nunit = 999\n')
    with pytest.raises(StudylogError, match=r"bad\.md: prompts\[0\]: 'unit' must be 1000 or 1024"):
        load_pack(db, pack)
    assert questions.list_questions(db) == [] and weeks.list_weeks(db) == []


def test_a_missing_folder_is_one_clear_error(db, tmp_path):
    with pytest.raises(StudylogError, match="no such pack folder"):
        load_pack(db, tmp_path / "nowhere")

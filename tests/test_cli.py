"""The journal CLI through click's CliRunner, on a real database file."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from studylog.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_demo_then_week_show_prints_the_seed_week(tmp_path):
    db = str(tmp_path / "x.db")
    assert run("demo", "--db", db).exit_code == 0
    result = run("week", "show", "4", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.output
    for expected in ("[week4] 네부캠 ai tech 4주차 회고", "피어세션", "주말 계획", "공부 내용 링크",
                     "192*1*1*64 = 12288", "1*7*7*64 = 3136", "return x, aux2, aux1",
                     "2023-11-28 - [et al/Docker&git] - [git] vscode로 git commit 하는 법", "Q. 보조분류기(Auxiliary Classifier)"):
        assert expected in out
    assert "19211*64" not in out


def test_demo_if_empty_loads_once(tmp_path):
    db = str(tmp_path / "x.db")
    assert run("demo", "--if-empty", "--db", db).exit_code == 0
    again = run("demo", "--if-empty", "--db", db)
    assert again.exit_code == 0 and again.output == ""
    twice = run("demo", "--db", db)
    assert twice.exit_code == 1 and "already in" in twice.output


@pytest.mark.parametrize("query, title", [("정규화", "주말 계획"), ("하강법", "주차별 학습 내용 목차."), ("멘토", "멘토링")])
def test_search_finds_sections(demo_db, query, title):
    result = run("search", query)
    assert result.exit_code == 0
    assert f"week 4 · section · {title}" in result.output


def test_week_new_and_list(db):
    assert run("week", "new", "5", "--title", "5주차 회고", "--start", "2023-12-04").exit_code == 0
    listing = run("week", "list")
    assert "5주차 회고" in listing.output and "2023-12-04" in listing.output


def test_question_add_list_show(demo_db):
    added = run("question", "add", "배치정규화는 왜 학습을 빠르게 하나?", "--week", "4", "--tag", "bn", "--id", "bn-speed")
    assert added.exit_code == 0, added.output
    assert "bn-speed" in run("question", "list", "--tag", "bn").output
    shown = run("question", "show", "inception-v1-params")
    assert "192*1*1*96 + 96*3*3*128 = 129024" in shown.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["week", "show", "9"], "no week 9"),
        (["week", "new", "5", "--start", "2023-13-40"], "'2023-13-40' does not match the format"),
        (["question", "show", "no-such-question"], "no question 'no-such-question'"),
        (["question", "add", "x", "--week", "77"], "no week 77"),
        (["question", "add", "", "--week", "4"], "a question needs its text"),
        (["question", "add", " \t ", "--week", "4"], "a question needs its text"),
    ],
)
def test_user_mistakes_get_one_clear_line(demo_db, args, message):
    questions_before = run("question", "list", "--json").output
    result = run(*args)
    assert run("question", "list", "--json").output == questions_before
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("Error")]) == 1


def test_a_database_path_that_is_a_folder_is_one_clear_line(tmp_path):
    result = run("week", "list", "--db", str(tmp_path))
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("demo", "week", "question", "search"):
        assert command in result.output


def test_demo_keeps_a_question_of_yours_that_has_a_bank_id(db):
    assert run("question", "add", "mine", "--id", "inception-v1-params").exit_code == 0
    result = run("demo")
    assert result.exit_code == 0
    assert "kept your text of inception-v1-params: a question with this id was written here" in result.output
    assert "mine" in run("question", "show", "inception-v1-params").output
    week4 = run("week", "show", "4").output
    assert "flops-vs-complexity" in week4 and "inception-v1-params" not in week4


def test_demo_relinks_the_bank_questions_of_a_deleted_demo_week(db):
    from studylog.journal import questions, weeks

    assert run("demo").exit_code == 0
    edited = questions.get_question(db, "aux-classifier-softmax")
    questions.update_question(db, edited.id, answer="my own answer")
    weeks.delete_week(db, weeks.find_week(db, 4).id)
    assert questions.get_question(db, "flops-vs-complexity").week_id is None
    result = run("demo")
    assert result.exit_code == 0, result.output
    assert "re-linked to week 4: flops-vs-complexity, inception-v1-params, aux-classifier-softmax" in result.output
    week4 = run("week", "show", "4").output
    assert all(slug in week4 for slug in ("flops-vs-complexity", "inception-v1-params", "aux-classifier-softmax"))
    assert questions.get_question(db, "aux-classifier-softmax").answer == "my own answer"


def test_links_show_even_without_a_links_section(db):
    from studylog.journal import links, weeks

    week = weeks.create_week(db, 5)
    links.add_link(db, week.id, "[git] rebase", category="et al/git")
    out = run("week", "show", "5").output
    assert out.count("[et al/git] - [git] rebase") == 1
    assert "공부 내용 링크" in out


@pytest.mark.parametrize("group", ["week", "question", "goal", "check", "pack", "template"])
def test_a_group_without_its_command_shows_its_help(group):
    result = run(group)
    assert result.exit_code == 2 and result.output.startswith(f"Usage: cli {group} [OPTIONS] COMMAND")
    assert "Commands:" in result.output and "\\n" not in result.output and len(result.output.splitlines()) > 5

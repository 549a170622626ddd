"""`studylog week delete`, `question delete` and `undo` through click's CliRunner, on a real database file."""

from __future__ import annotations

import json

from click.testing import CliRunner

from studylog.cli import cli
from studylog.journal import questions, weeks


def run(*args, answers: str | None = None):
    return CliRunner().invoke(cli, list(args), input=answers)


def test_a_week_deleted_from_the_cli_comes_back_with_undo(demo_db):
    before = [(s.week.number, s.sections, s.questions) for s in weeks.list_weeks(demo_db)]
    refused = run("week", "delete", "4", answers="n\n")
    assert refused.exit_code == 1
    assert "Delete week 4 of 네이버 부스트캠프 AI Tech 6기: 네부캠 ai tech 4주차 회고?" in refused.output
    assert [s.week.number for s in weeks.list_weeks(demo_db)] == [4]

    deleted = run("week", "delete", "4", answers="y\n")
    assert deleted.exit_code == 0 and "`studylog undo` brings it back" in deleted.output
    assert weeks.list_weeks(demo_db) == []

    listed = json.loads(run("undo", "--list", "--json").output)
    assert [(item["kind"], item["contents"]) for item in listed] == [("week", {"week": 1, "section": 12, "link": 5})]
    restored = run("undo")
    assert restored.exit_code == 0
    assert "restored week 4 of 네이버 부스트캠프 AI Tech 6기: 네부캠 ai tech 4주차 회고 with 12 sections, 5 links" in restored.output
    assert [(s.week.number, s.sections, s.questions) for s in weeks.list_weeks(demo_db)] == before


def test_no_answer_to_the_delete_question_deletes_nothing_in_one_line(demo_db):
    """A script with no --yes and nothing on stdin (end of input): exit 1, one Error line saying so, nothing deleted."""
    result = run("week", "delete", "4", answers="")
    assert result.exit_code == 1 and "Aborted" not in result.output
    assert [line for line in result.output.splitlines() if line.startswith("Error")] == [
        "Error: not deleted: no answer (end of input); pass --yes to delete without asking"]
    assert [s.week.number for s in weeks.list_weeks(demo_db)] == [4]


def test_a_question_deleted_from_the_cli_comes_back_by_its_id_in_the_list(demo_db):
    assert run("question", "delete", "inception-v1-params", "--yes").exit_code == 0
    assert run("question", "delete", "flops-vs-complexity", "-y").exit_code == 0
    listing = run("undo", "--list")
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    assert "question flops-vs-complexity" in lines[0] and "3 tags" in lines[1]
    older = json.loads(run("undo", "--list", "--json").output)[1]

    restored = json.loads(run("undo", str(older["id"]), "--json").output)
    assert restored["label"].startswith("question inception-v1-params:")
    assert questions.get_question(demo_db, "inception-v1-params").id == restored["restored_id"]
    assert questions.question_tags(demo_db, restored["restored_id"]) == ["googlenet", "inception", "parameters"]


def test_undo_with_nothing_to_undo_is_one_line_and_exit_1(db):
    result = run("undo")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: nothing to undo: no deleted week, section, question or link is kept"
    assert run("undo", "--list").output.strip() == "nothing deleted is kept"
    unknown = run("question", "delete", "no-such-question", "-y")
    assert unknown.exit_code == 1 and unknown.output.count("\n") == 1

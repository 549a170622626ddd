"""`week show --json` and `question list --json`: what scripts read, with the export markers' ids."""

from __future__ import annotations

import json

from click.testing import CliRunner

from studylog.blog.export import export_week
from studylog.cli import cli
from studylog.journal.questions import add_question
from studylog.journal.sections import add_section
from studylog.journal.weeks import create_week


def run_json(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_week_show_json_has_sections_questions_and_links_in_order(db):
    week = create_week(db, 7, title="7주차 회고", course="6기")
    first = add_section(db, week.id, "피어세션", body="- 항목 [노트](https://example.com/a_b)", kind="peer_session")
    add_section(db, week.id, "KPT", body="", kind="reflection", level=2)
    add_question(db, "왜 3x3인가?", "왜 3x3 conv를 쓰나?", "receptive field", slug="why-3x3", week_id=week.id,
                 section_id=first.id, tags=["CNN"])
    shown = run_json("week", "show", "7", "--json")
    assert (shown["number"], shown["course"], shown["title"]) == (7, "6기", "7주차 회고")
    assert [(s["kind"], s["level"], s["title"]) for s in shown["sections"]] == [
        ("peer_session", 1, "피어세션"), ("reflection", 2, "KPT")]
    assert shown["sections"][0]["body"] == "- 항목 [노트](https://example.com/a_b)"
    assert shown["sections"][0]["questions"] == ["why-3x3"]
    (question,) = shown["questions"]
    assert question["id"] == "why-3x3" and question["section"] == 0
    assert (question["question"], question["answer"], question["tags"]) == ("왜 3x3 conv를 쓰나?", "receptive field", ["cnn"])


def test_json_ids_are_the_export_marker_ids(demo_db):
    shown = run_json("week", "show", "4", "--json")
    post = export_week(demo_db, 1, with_checks=False)
    assert shown["questions"], "the demo week has questions"
    for question in shown["questions"]:
        assert f'"id": "{question["id"]}"' in post


def test_question_list_json_filters_like_the_table(demo_db):
    add_question(demo_db, "주 없는 질문", slug="loose")
    everything = run_json("question", "list", "--json")
    week4 = run_json("question", "list", "--week", "4", "--json")
    assert {q["id"] for q in everything} == {q["id"] for q in week4} | {"loose"}
    assert all(q["week"] == 4 for q in week4)
    assert next(q for q in everything if q["id"] == "loose")["week"] is None


def test_week_list_json_has_each_weeks_fields_and_counts(db):
    assert run_json("week", "list", "--json") == []
    week = create_week(db, 7, title="7주차 회고", course="6기")
    for title in ("피어세션", "KPT"):
        add_section(db, week.id, title, body="")
    add_question(db, "왜 3x3인가?", week_id=week.id)
    create_week(db, 8, title="8주차", course="6기")
    listed = run_json("week", "list", "--json")
    assert [(w["number"], w["course"], w["title"], w["sections"], w["questions"]) for w in listed] == [
        (7, "6기", "7주차 회고", 2, 1), (8, "6기", "8주차", 0, 0)]
    assert set(listed[0]) == {"number", "course", "title", "start_date", "end_date", "sections", "questions"}

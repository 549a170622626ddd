"""Goals: items of goal-like sections with an outcome, reviewed and carried on the week after."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from studylog.cli import cli
from studylog.errors import NotFound, StudylogError
from studylog.journal import goal_review, goals, sections, week_start, weeks
from studylog.journal.goal_items import GoalItem, item_line, parse_item
from studylog.journal.goal_stats import goal_stats


def cli_run(db, *args):
    result = CliRunner().invoke(cli, [*map(str, args), "--db", str(db.path)])
    assert result.exit_code == 0, result.output
    return result.output


def section_of(db, week_id, kind):
    return next(s for s in weeks.week_detail(db, week_id).sections if s.kind == kind)


@pytest.mark.parametrize(("line", "item"), [
    ("2. 수학 기초를 쌓자. , 유튜브 -> 이번주에 진행 못함.", GoalItem("수학 기초를 쌓자. , 유튜브", "open", "이번주에 진행 못함.")),
    ("1. 고민해보자. ->", GoalItem("고민해보자.", None, "")),
    ("- [x] 코테 3문제", GoalItem("코테 3문제", "done", "")),
    ("* [ ] 시각화 강의", GoalItem("시각화 강의", "open", "")),
    ("3) 논문 읽기 -> 포기", GoalItem("논문 읽기", "dropped", "포기")),
    ("- 절반쯤 -> 일부 진행", GoalItem("절반쯤", "partly", "일부 진행")),
    ("- x->y 변환 공부", GoalItem("x->y 변환 공부", None, "")),  # an arrow inside the text is text
])
def test_a_goal_line_gives_text_status_and_note(line, item):
    assert parse_item(line) == item


@pytest.mark.parametrize("line", ["6주차부터 대회를 시작한다.", "1.5배", "- ", "  "])
def test_prose_is_no_goal(line):
    assert parse_item(line) is None


def test_a_carried_line_follows_the_lists_style():
    assert item_line("c", "1. a\n2. b") == "3. c"
    assert item_line("c", "- a") == "- c"
    assert item_line("c", "다음주엔 대회") == "1. c"


def test_statuses_survive_edits_of_the_text_around_them(db):
    week = week_start.start_week(db, 1, "kpt")
    try_section = section_of(db, week.id, "try")
    sections.update_section(db, try_section.id, body="1. 논문 읽기\n2. 코테")
    paper, code = goals.week_goals(db, week.id)
    goals.set_status(db, paper.id, "partly", "절반")
    sections.update_section(db, try_section.id, body="오늘 정한 것:\n1. 코테\n2. 논문 읽기\n3. 운동")
    now = {g.text: (g.status, g.note) for g in goals.week_goals(db, week.id)}
    assert now == {"코테": ("open", ""), "논문 읽기": ("partly", "절반"), "운동": ("open", "")}
    sections.update_section(db, try_section.id, body="1. 코테")
    assert [g.id for g in goals.week_goals(db, week.id)] == [code.id]


def test_a_new_status_clears_a_note_that_says_otherwise(demo_db):
    week = weeks.find_week(demo_db, 4)
    math = next(g for g in goals.week_goals(demo_db, week.id) if g.note == "이번주에 진행 못함.")
    assert goals.set_status(demo_db, math.id, "done").note == ""
    assert goals.set_status(demo_db, math.id, "partly", "반만").note == "반만"
    with pytest.raises(StudylogError, match="status 'finished' is not one of open, done, partly, dropped"):
        goals.set_status(demo_db, math.id, "finished")
    with pytest.raises(NotFound, match="no goal 999"):
        goals.set_status(demo_db, 999, "done")


def test_kpt_try_items_are_open_goals_in_the_next_weeks_review(db):
    """The issue's CLI case: week 6 from kpt, its Try items reviewed by week 7."""
    cli_run(db, "week", "new", "6", "--template", "kpt")
    week6 = weeks.find_week(db, 6)
    assert [(s.title, s.kind) for s in weeks.week_detail(db, week6.id).sections] == [
        ("Keep", "keep"), ("Problem", "problem"), ("Try", "try")]
    sections.update_section(db, section_of(db, week6.id, "try").id, body="- 모델 구현 연습\n- [x] 과제 복습")
    cli_run(db, "week", "new", "7", "--template", "last")
    out = cli_run(db, "goal", "review", "7")
    assert "모델 구현 연습 -> 이번주에 진행 못함" in out and "과제 복습 -> 완료" in out
    assert "week 6: 2 goals, 1 done, 0 partly, 0 dropped, 1 open" in out
    listed = json.loads(cli_run(db, "goal", "list", "--week", "6", "--status", "open", "--json"))
    assert [g["text"] for g in listed] == ["모델 구현 연습"]
    assert "carried #" in cli_run(db, "goal", "carry", "7")
    week7_try = section_of(db, weeks.find_week(db, 7).id, "try")
    assert week7_try.body == "1. 모델 구현 연습"  # an empty section: numbered, as the seed numbers goals
    assert "nothing to carry" in cli_run(db, "goal", "carry", "7")  # carried once only


def test_carrying_into_a_week_without_a_goals_section_makes_one(db):
    week1 = week_start.start_week(db, 1, "kpt")
    sections.update_section(db, section_of(db, week1.id, "try").id, body="1. a\n2. b")
    week2 = weeks.create_week(db, 2)
    carried, section_id = goal_review.carry(db, week2.id)
    assert [g.text for g in carried] == ["a", "b"]
    made = sections.get_section(db, section_id)
    assert (made.kind, made.title, made.body) == ("goals", "< 목표 >", "1. a\n2. b")


def test_a_goal_carried_three_weeks_running_is_flagged(db):
    week1 = week_start.start_week(db, 1, "kpt")
    sections.update_section(db, section_of(db, week1.id, "try").id, body="- 코테\n- 운동")
    for number in (2, 3):
        week = week_start.start_week(db, number, "last")
        goal_review.carry(db, week.id)
        if number == 2:
            exercise = next(g for g in goals.week_goals(db, week.id) if g.text == "운동")
            goals.set_status(db, exercise.id, "done")
    outcomes, streaks = goal_stats(db)
    assert [(o.number, o.counts["done"], sum(o.counts.values())) for o in outcomes] == [(1, 0, 2), (2, 1, 2), (3, 0, 1)]
    assert [(s.text, s.weeks, s.last_week, s.flagged) for s in streaks] == [("코테", 3, 3, True), ("운동", 2, 2, False)]
    out = cli_run(db, "goal", "stats")
    assert "3 weeks running (to week 3, open): 코테  ⚑ carried 3+ weeks" in out


def test_the_same_line_twice_is_two_goals_each_keeping_its_status(db):
    week = week_start.start_week(db, 1, "kpt")
    try_section = section_of(db, week.id, "try")
    sections.update_section(db, try_section.id, body="- 코테\n- 코테")
    first, second = goals.week_goals(db, week.id)
    goals.set_status(db, second.id, "done")
    assert [(g.id, g.status) for g in goals.week_goals(db, week.id)] == [(first.id, "open"), (second.id, "done")]


def test_a_goal_already_written_again_this_week_is_linked_not_repeated(db):
    week1 = week_start.start_week(db, 1, "kpt")
    sections.update_section(db, section_of(db, week1.id, "try").id, body="1. 코테\n2. 운동")
    week2 = week_start.start_week(db, 2, "last")
    sections.update_section(db, section_of(db, week2.id, "try").id, body="1. 운동")
    carried, section_id = goal_review.carry(db, week2.id)
    assert sorted(g.text for g in carried) == ["운동", "코테"]
    assert sections.get_section(db, section_id).body == "1. 운동\n2. 코테"


def test_a_note_that_already_says_carried_is_written_once(db):
    """A user's note worded like the carried marker (the README's example) is not repeated by it."""
    week1 = week_start.start_week(db, 1, "kpt")
    sections.update_section(db, section_of(db, week1.id, "try").id, body="1. 논문 읽기")
    cli_run(db, "week", "new", "2", "--template", "last")
    goal = goals.week_goals(db, week1.id)[0]
    cli_run(db, "goal", "partly", goal.id, "--note", "이번주 목표로 이어감")
    cli_run(db, "goal", "carry", "2")
    exported = cli_run(db, "export", "2", "--no-checks")
    review_line = next(line for line in exported.splitlines() if "논문 읽기 ->" in line)
    assert review_line.count("이번주 목표로 이어감") == 1

"""Courses: a command that names none means the course used last; --course goes wherever --week does."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from studylog.cli import cli
from studylog.journal import questions, weeks

DEMO_COURSE = "네이버 부스트캠프 AI Tech 6기"


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def courses_of(db, number):
    return sorted(w.week.course for w in weeks.list_weeks(db) if w.week.number == number)


def test_a_new_week_goes_to_the_course_used_last_and_every_command_finds_it(demo_db, tmp_path):
    assert weeks.last_course(demo_db) == DEMO_COURSE
    created = run("week", "new", "5", "--title", "5주차 회고")
    assert created.exit_code == 0 and f"in course '{DEMO_COURSE}'" in created.output
    assert courses_of(demo_db, 5) == [DEMO_COURSE]
    for args in (["week", "show", "5"], ["export", "5"], ["question", "add", "왜?", "--week", "5", "--id", "why"],
                 ["question", "list", "--week", "5"], ["quiz", "--stats", "--week", "5"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
    assert [q.slug for q in questions.list_questions(demo_db, week_id=weeks.find_week(demo_db, 5).id)] == ["why"]


def test_two_courses_with_one_number_the_last_used_is_the_default_and_course_picks_the_other(demo_db):
    assert run("week", "new", "5", "--course", "CS231n", "--title", "cnn").exit_code == 0
    assert run("week", "new", "5", "--course", DEMO_COURSE, "--title", "boostcamp").exit_code == 0
    shown = run("week", "show", "5")
    assert shown.exit_code == 0 and "boostcamp" in shown.output  # the course used last
    other = run("week", "show", "5", "--course", "CS231n")
    assert other.exit_code == 0 and "cnn" in other.output
    added = run("question", "add", "conv?", "--week", "5", "--course", "CS231n", "--id", "conv")
    assert added.exit_code == 0, added.output
    listed = run("question", "list", "--week", "5", "--course", "CS231n")
    assert listed.output.split() == ["conv", "conv?"]
    assert run("question", "list", "--week", "5").output.strip() == "no questions"
    exported = run("export", "5", "--course", "CS231n")
    assert exported.exit_code == 0 and "cnn" in exported.output and "conv?" in exported.output


def test_a_course_the_week_is_not_in_is_one_line(demo_db):
    result = run("week", "show", "4", "--course", "nope")
    assert result.exit_code == 1 and result.output == "Error: no week 4 in course 'nope' (see `studylog week list`)\n"


def test_several_courses_none_used_last_names_them(demo_db):
    assert run("week", "new", "5", "--course", "A").exit_code == 0
    assert run("week", "new", "5", "--course", "B").exit_code == 0
    assert run("week", "new", "6", "--course", "C").exit_code == 0  # C is used last, and has no week 5
    result = run("week", "show", "5")
    assert result.exit_code == 1 and "exists in several courses ('A', 'B'); name one with --course" in result.output


@pytest.mark.parametrize("args", [["question", "list"], ["quiz", "--stats"], ["quiz"]])
def test_course_without_week_is_a_usage_error(demo_db, args):
    result = run(*args, "--course", DEMO_COURSE)
    (line,) = result.output.strip().splitlines()
    assert result.exit_code == 2 and line.startswith("Error: ") and "give --week N as well" in line


def test_import_goes_to_the_course_given_else_the_posts_else_the_last_used(demo_db, tmp_path):
    post = tmp_path / "post.md"
    post.write_text("# [week7] 7주차\n\n## 회고\n\n좋았다\n", encoding="utf-8")
    assert run("import", post).exit_code == 0
    assert courses_of(demo_db, 7) == [DEMO_COURSE]
    assert run("import", post, "--course", "CS231n").exit_code == 0
    assert courses_of(demo_db, 7) == ["CS231n", DEMO_COURSE]

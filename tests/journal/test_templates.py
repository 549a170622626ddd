"""Week templates: the bundled skeletons, the user's own, `last`, and the guesses for the next week."""

from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest
from click.testing import CliRunner

from studylog.cli import cli
from studylog.config import config_dir
from studylog.errors import StudylogError
from studylog.journal import templates, week_start, weeks
from studylog.journal.demo import DEMO_FILE


def layout(db, number, course=""):
    return [(s.title, s.kind, s.level, s.body) for s in weeks.week_detail(db, weeks.find_week(db, number, course).id).sections]


def test_a_skeleton_gives_levels_kinds_and_starting_text():
    specs = templates.parse_skeleton("# 짧은 소감\n## 피어세션\n- 질문:\n# < 목표 > {goals}\n# Try\n# 아무거나\n")
    assert [(s.title, s.kind, s.level, s.body) for s in specs] == [
        ("짧은 소감", "reflection", 1, ""), ("피어세션", "peer_session", 2, "- 질문:"),
        ("< 목표 >", "goals", 1, ""), ("Try", "try", 1, ""), ("아무거나", "note", 1, ""),
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("intro text\n# A\n", "t.md:1: expected a '# Section title'"),
    ("# A\n### B\n", "t.md:2: sections nest two levels deep"),
    ("# A {nonsense}\n", "t.md:1: '{nonsense}' is not a section kind"),
    ("\n\n", "t.md: no '# Section title' line"),
])
def test_a_broken_skeleton_names_file_and_line(text, message):
    with pytest.raises(StudylogError, match=message.replace("{", r"\{").replace("}", r"\}")):
        templates.parse_skeleton(text, "t.md")


def test_the_seed_template_keeps_the_seed_posts_sections_in_order_with_their_levels():
    demo = tomllib.loads(DEMO_FILE.read_text(encoding="utf-8"))["sections"]
    demo_layout = [(s["kind"], s.get("level", 1)) for s in demo]
    seed = [(s.kind, s.level) for s in templates.get_template("seed").sections()]
    position = iter(demo_layout)
    assert all(entry in position for entry in seed)  # an ordered subsequence of the seed week
    assert {"peer_session", "mentoring", "weekend_plan", "next_week_plan", "goals"} <= {k for k, _ in seed}
    assert ("peer_session", 2) in seed


def test_a_user_template_in_the_config_folder_is_listed_and_used(db):
    folder = config_dir() / "templates"  # beside the test's own config.toml (conftest's no_user_config)
    folder.mkdir(parents=True)
    (folder / "mine.md").write_text("# 오늘 배운 것\n- \n# 다음주 계획\n", encoding="utf-8")
    assert templates.templates()["mine"].source == "yours"
    week_start.start_week(db, 1, "mine")
    assert layout(db, 1) == [("오늘 배운 것", "note", 1, "- "), ("다음주 계획", "next_week_plan", 1, "")]


def test_last_copies_the_week_before_without_its_text(demo_db):
    course = weeks.find_week(demo_db, 4).course
    week_start.start_week(demo_db, 5, "last", course=course)
    before = layout(demo_db, 4, course)
    assert layout(demo_db, 5, course) == [(title, kind, level, "") for title, kind, level, _ in before]
    assert any(body for *_, body in before)  # the week before had text; none of it came along


def test_the_next_week_follows_the_courses_latest(demo_db):
    guess = week_start.next_week(demo_db, today=date(2026, 1, 1))
    assert (guess.number, guess.course) == (5, "네이버 부스트캠프 AI Tech 6기")
    assert guess.title == "네부캠 ai tech 5주차 회고"
    assert (guess.start_date, guess.end_date) == (date(2023, 12, 4), date(2023, 12, 8))  # 4 weeks 1 Mon–Fri on
    assert guess.start_date.weekday() == 0 and guess.end_date.weekday() == 4
    assert guess.template == "last"  # the demo week came from no template: repeat its layout
    week_start.start_week(demo_db, 5, "kpt", course=guess.course)
    assert week_start.next_week(demo_db).template == "kpt"  # the template last used


def test_a_first_week_starts_on_the_coming_monday_from_the_seed(db):
    guess = week_start.next_week(db, today=date(2026, 12, 2))  # a Wednesday
    assert (guess.number, guess.start_date, guess.end_date, guess.template) == (1, date(2026, 12, 7), date(2026, 12, 11), "seed")


def test_week_new_with_a_template_through_the_cli(db):
    run = CliRunner().invoke
    result = run(cli, ["week", "new", "6", "--template", "kpt", "--db", str(db.path)])
    assert result.exit_code == 0, result.output
    assert [(t, k) for t, k, _, _ in layout(db, 6)] == [("Keep", "keep"), ("Problem", "problem"), ("Try", "try")]
    result = run(cli, ["week", "new", "7", "--template", "nope", "--db", str(db.path)])
    assert result.exit_code == 1 and "no template 'nope' (templates: 4l, kpt, seed, last" in result.output
    listed = run(cli, ["template", "list"])
    assert "seed     bundled  짧은 소감 (피어세션, 스페셜 피어세션, 멘토링) · 진행한 내용" in listed.output


def test_paths_names_the_templates_folder(db):
    result = CliRunner().invoke(cli, ["paths", "--json", "--db", str(db.path)])
    assert json.loads(result.output)["templates"]["path"] == str(templates.user_templates_dir())
    assert templates.user_templates_dir() == config_dir() / "templates"


def test_one_broken_template_is_named_and_the_others_still_listed():
    folder = config_dir() / "templates"
    folder.mkdir(parents=True)
    (folder / "bad.md").write_text("notes first\n# A\n", encoding="utf-8")
    (folder / "good.md").write_text("# 오늘\n## 질문\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["template", "list"])
    assert result.exit_code == 1
    assert "good     yours    오늘 (질문)" in result.output
    assert f"Error: {folder / 'bad.md'}:1: expected a '# Section title' before any text" in result.output


def test_week_new_guesses_the_next_weeks_title_and_dates_as_the_app_does(db):
    """`week new N` for the course's next week takes the week before's title (number moved on) and the
    Monday–Friday a week after its dates, unless they are given; a week further on gets no guess."""
    runner = CliRunner()
    base = ["--db", str(db.path)]
    assert runner.invoke(cli, ["week", "new", "4", "--title", "네부캠 4주차 회고",
                               "--start", "2023-11-27", "--end", "2023-12-01", *base]).exit_code == 0
    assert runner.invoke(cli, ["week", "new", "5", "--template", "seed", *base]).exit_code == 0
    five = weeks.find_week(db, 5, "")
    assert (five.title, five.start_date, five.end_date) == ("네부캠 5주차 회고", date(2023, 12, 4), date(2023, 12, 8))
    assert runner.invoke(cli, ["week", "new", "6", "--title", "my own", "--start", "2024-01-01", *base]).exit_code == 0
    six = weeks.find_week(db, 6, "")
    assert (six.title, six.start_date, six.end_date) == ("my own", date(2024, 1, 1), None)
    assert runner.invoke(cli, ["week", "new", "9", *base]).exit_code == 0
    nine = weeks.find_week(db, 9, "")
    assert (nine.title, nine.start_date) == ("", None)

"""The weekly loop in the app, on a real database: a new week in one key plus Enter, from a template."""

from __future__ import annotations

import html
import re
from datetime import date

from click.testing import CliRunner
from markdown_it import MarkdownIt

from studylog.blog.export import export_week
from studylog.cli import cli
from studylog.journal import goals, sections, templates, week_start, weeks
from studylog.store.database import open_database
from studylog.tui.screens.dialogs import FormScreen
from studylog.tui.screens.week import WeekScreen
from pilot_helpers import settle, type_text

COURSE = "네이버 부스트캠프 AI Tech 6기"


def visible_export(db, week_id) -> str:
    """The week's exported Markdown as a CommonMark renderer shows it, tags removed."""
    rendered = MarkdownIt("commonmark").render(export_week(db, week_id, with_checks=False))
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


def layout(db, number, course=COURSE):
    return [(s.title, s.kind, s.level, s.body) for s in weeks.week_detail(db, weeks.find_week(db, number, course).id).sections]


async def test_n_then_enter_makes_next_week_with_last_weeks_layout(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        filled = {f: str(form.query_one(f"#field-{f}").value) for f in ("number", "title", "start_date", "end_date", "course", "template")}
        assert filled == {
            "number": "5", "title": "네부캠 ai tech 5주차 회고", "start_date": "2023-12-04", "end_date": "2023-12-08",
            "course": COURSE, "template": "last",
        }
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen) and app.screen.title.startswith("Week 5 · ")
    week5 = weeks.find_week(demo_db, 5, COURSE)
    assert (week5.start_date, week5.end_date, week5.template) == (date(2023, 12, 4), date(2023, 12, 8), "last")
    assert layout(demo_db, 5) == [(title, kind, level, "") for title, kind, level, _ in layout(demo_db, 4)]


async def test_the_new_week_form_offers_every_template_and_makes_kpt(db, app_on):
    app = app_on(db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        select = app.screen.query_one("#field-template")
        assert [value for _, value in select._options] == ["4l", "kpt", "seed", "last", ""]
        assert select.value == "seed"  # the first week of a course: the seed post's layout
        select.value = "kpt"
        app.screen.query_one("#field-number").focus()
        await pilot.press("enter")
        await settle(pilot)
    assert [(t, k, lv) for t, k, lv, _ in layout(db, 1, "")] == [("Keep", "keep", 1), ("Problem", "problem", 1), ("Try", "try", 1)]


SEED_GOALS = """1. 앞으로 어떤 산업분야, it 도메인 혹은 비it 도메인 어디로 나아가야할 지 많이 찾아보고, 물어보고 고민해보자.

2. 멘토님이 추천해주신 자료를 보면서, 수학 기초를 쌓자. , 유튜브
3. 프레임워크에 익숙해지자. 또한 수식과 코드를 연결하는 공부를 하자."""


async def test_week_5_reviews_week_4s_three_goals_two_done_one_carried(db, app_on):
    week4 = week_start.start_week(db, 4, "seed", course=COURSE, start_date=date(2023, 11, 27), end_date=date(2023, 12, 1))
    goals_section = next(s for s in weeks.week_detail(db, week4.id).sections if s.kind == "goals")
    sections.update_section(db, goals_section.id, body=SEED_GOALS)
    app = app_on(db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # one key, then Enter: week 5, from the template last used (seed)
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        outline = app.screen.query_one("#outline")
        shown = [outline.get_option_at_index(i).prompt.plain for i in range(4)]
        assert shown[0] == "Week 4's goals, 3 left"
        assert [line.strip()[2:] for line in shown[1:]] == [line.split(". ", 1)[1] for line in SEED_GOALS.split("\n") if line]
        await pilot.press("x", "j", "x", "j", "m")  # done, done, and a note on the third
        await settle(pilot)
        await type_text(pilot, "시간 부족")
        await pilot.press("enter", "c")  # then carry it into this week
        await settle(pilot)
    week5 = weeks.find_week(db, 5, COURSE)
    assert [s.kind for s in weeks.week_detail(db, week5.id).sections] == [s.kind for s in templates.get_template("seed").sections()]
    [carried] = goals.week_goals(db, week5.id)
    assert carried.text == "프레임워크에 익숙해지자. 또한 수식과 코드를 연결하는 공부를 하자."
    # the review is Markdown as typed: a numbered list, which a renderer shows as list items
    review = [line for line in export_week(db, week5.id, with_checks=False).splitlines() if " -> " in line]
    shown_items = [line for line in visible_export(db, week5.id).splitlines() if " -> " in line]
    assert shown_items == [line.split(". ", 1)[1] for line in review]
    assert review == [
        "1. 앞으로 어떤 산업분야, it 도메인 혹은 비it 도메인 어디로 나아가야할 지 많이 찾아보고, 물어보고 고민해보자. -> 완료",
        "2. 멘토님이 추천해주신 자료를 보면서, 수학 기초를 쌓자. , 유튜브 -> 완료",
        "3. 프레임워크에 익숙해지자. 또한 수식과 코드를 연결하는 공부를 하자. -> 시간 부족 (이번주 목표로 이어감)",
    ]


async def test_kind_and_level_change_in_the_app_and_come_back_through_export_and_import(demo_db, app_on, tmp_path):
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        outline = app.screen.query_one("#outline")
        while outline.get_option_at_index(outline.highlighted).prompt.plain.strip() != "진행한 내용":
            await pilot.press("j")
        await pilot.press("greater_than_sign")  # nest 진행한 내용 under the section above
        await settle(pilot)
        assert outline.get_option_at_index(outline.highlighted).prompt.plain == "  진행한 내용"  # indented
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one("#field-kind").value = "keep"
        app.screen.query_one("#field-title").focus()
        await pilot.press("enter")
        await settle(pilot)
        while outline.get_option_at_index(outline.highlighted).prompt.plain.strip() != "멘토링":
            await pilot.press("k")
        await pilot.press("less_than_sign")  # 멘토링 back to level 1
        await settle(pilot)
    before = layout(demo_db, 4)
    changed = {title: (kind, level) for title, kind, level, _ in before}
    assert changed["진행한 내용"] == ("keep", 2) and changed["멘토링"] == ("mentoring", 1)
    post = tmp_path / "week4.md"
    post.write_text(export_week(demo_db, weeks.find_week(demo_db, 4, COURSE).id), encoding="utf-8")
    other = tmp_path / "other.db"
    result = CliRunner().invoke(cli, ["import", str(post), "--db", str(other)])
    assert result.exit_code == 0, result.output
    imported = open_database(other)
    try:
        assert layout(imported, 4) == before
    finally:
        imported.close()

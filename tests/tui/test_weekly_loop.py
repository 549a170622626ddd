"""The weekly loop in the app, on a real database: a new week in one key plus Enter, from a template."""

from __future__ import annotations

from datetime import date

from studylog.journal import weeks
from studylog.tui.screens.dialogs import FormScreen
from pilot_helpers import settle

COURSE = "네이버 부스트캠프 AI Tech 6기"


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
        assert app.screen.query_one("#weeks").row_count == 2
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

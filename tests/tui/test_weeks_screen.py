"""The weeks list: it shows the stored weeks, and weeks are created and edited through its form."""

from __future__ import annotations

from datetime import date

from studylog.journal.weeks import list_weeks
from studylog.tui.screens.dialogs import FormScreen
from studylog.tui.screens.week import WeekScreen
from pilot_helpers import settle, type_text


async def test_the_demo_week_is_listed_with_its_question_count(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#weeks")
        assert table.row_count == 1
        number, dates, title, count, verdicts = table.get_row_at(0)
        assert (number, dates, count) == ("4", "2023-11-27 – 12-01", "3")
        assert title.plain.startswith("네부캠 ai tech 4주차 회고")
        assert verdicts.plain == "3·"  # three questions, none checked yet


async def test_creating_a_week_through_the_form(db, app_on):
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-number").value == "1"  # the first week of an empty database
        await pilot.press("tab")
        await type_text(pilot, "5주차")
        for field in ("#field-start_date", "#field-end_date"):
            app.screen.query_one(field).value = ""
        app.screen.query_one("#field-start_date").focus()
        await type_text(pilot, "2023-12-04")
        await pilot.press("tab")
        await type_text(pilot, "2023-12-08")
        await pilot.press("enter")  # Enter in any field submits the form
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)  # the new week opens, ready to write in
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#weeks").row_count == 1
    [summary] = list_weeks(db)
    assert (summary.week.number, summary.week.title) == (1, "5주차")
    assert (summary.week.start_date, summary.week.end_date) == (date(2023, 12, 4), date(2023, 12, 8))


async def test_a_bad_date_reopens_the_form_naming_the_field_and_keeping_what_was_typed(db, app_on):
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "회고")
        app.screen.query_one("#field-start_date").value = "2023-13-01"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert "First day: '2023-13-01' is not a date" in str(app.screen.query_one(".dialog-error").render())
        assert app.screen.query_one("#field-title").value == "회고"
    assert list_weeks(db) == []


async def test_enter_opens_the_week(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.title == "Week 4 · 네부캠 ai tech 4주차 회고"

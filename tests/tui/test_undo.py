"""Deletes in the app: the dialog names the item in full, the cursor stays on the neighbour, what an editor held
goes into the trash with its row, and `u` brings back the last deleted item with everything under it."""

from __future__ import annotations

from studylog.journal import sections as section_service
from studylog.journal.questions import get_question, list_questions
from studylog.journal.weeks import create_week, find_week, list_weeks, week_detail
from studylog.tui.screens.dialogs import ConfirmScreen
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.screens.questions import QuestionsScreen
from studylog.tui.widgets.draft_area import DraftArea
from studylog.tui.widgets.week_outline import WeekOutline
from pilot_helpers import settle, type_text, visible_text
from test_week_screen import open_week


def cursor_week(app) -> str:
    table = app.screen.query_one("#weeks")
    return table.get_row_at(table.cursor_row)[0]


async def test_deleting_a_week_names_it_keeps_the_cursor_on_its_neighbour_and_u_brings_it_back(db, app_on):
    for number in (1, 2, 3):
        week = create_week(db, number, title=f"{number}주차 회고", course="AI Tech 6기")
        section_service.add_section(db, week.id, "피어세션", body=f"{number}주차에 쓴 글")
    app = app_on(db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # week 2
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        shown = visible_text(app)
        assert "Delete week 2 of AI Tech 6기: 2주차 회고?" in shown
        assert app.screen.detail == "Its 1 section and study links go with it. u brings it back."
        await pilot.press("y")
        await settle(pilot)
        assert [s.week.number for s in list_weeks(db)] == [1, 3]
        assert cursor_week(app) == "3", "the cursor stays where the deleted week was: on its neighbour"

        await pilot.press("d", "y")  # the last row: the cursor goes to the one before
        await settle(pilot)
        assert cursor_week(app) == "1"

        await pilot.press("u")
        await settle(pilot)
        assert cursor_week(app) == "3", "the cursor is on the week that came back"
        await pilot.press("u")
        await settle(pilot)
        assert cursor_week(app) == "2"
    restored = week_detail(db, find_week(db, 2).id)
    assert [(s.title, s.body) for s in restored.sections] == [("피어세션", "2주차에 쓴 글")]


async def test_u_with_nothing_deleted_says_so(db, app_on):
    app = app_on(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "nothing to undo" in " ".join(n.message for n in app._notifications)


async def test_a_deleted_section_comes_back_with_the_text_its_editor_held(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter")
        await type_text(pilot, "방금 쓴 글")
        app.screen.query_one(WeekOutline).focus()  # straight back to the outline, the text still unsaved
        await pilot.press("d")
        assert "Delete the section '짧은 소감' of week 4?" in visible_text(app)
        await pilot.press("y")
        await settle(pilot)
        outline = app.screen.query_one(WeekOutline)
        titles = [s.title for s in week_detail(demo_db, find_week(demo_db, 4).id).sections]
        assert "짧은 소감" not in titles
        assert outline.highlighted_option.prompt.plain.strip() == titles[2], "on the section after the deleted one"

        await pilot.press("u")
        await settle(pilot)
        assert outline.highlighted_option.prompt.plain.strip() == "짧은 소감"
        assert app.screen.query_one("#editor-3", DraftArea).text == "방금 쓴 글"
    assert week_detail(demo_db, find_week(demo_db, 4).id).sections[2].body == "방금 쓴 글"


async def test_a_question_is_deleted_from_the_list_and_comes_back_under_the_cursor(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, QuestionsScreen)
        table = app.screen.query_one("#questions")
        await pilot.press("j")
        doomed = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        question = get_question(demo_db, int(doomed))
        await pilot.press("d")
        assert f"Delete question {question.slug}:" in visible_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert question.slug not in [q.slug for q in list_questions(demo_db)]
        assert table.cursor_row == 1, "the cursor stays on the row, now its neighbour"

        await pilot.press("u")
        await settle(pilot)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == doomed
        assert get_question(demo_db, question.slug).section_id == question.section_id


async def test_a_question_deleted_on_its_screen_comes_back_with_what_was_typed(demo_db, app_on):
    question = get_question(demo_db, "flops-vs-complexity")
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.push_screen(QuestionScreen(question.id))
        await settle(pilot)
        answer = app.screen.query_one("#answer", DraftArea)
        answer.focus()
        await type_text(pilot, "덧붙임 ")
        app.screen.home_widget().focus()
        await pilot.press("d", "y")
        await settle(pilot)
        assert not isinstance(app.screen, QuestionScreen), "the deleted question's screen is closed"
        assert "flops-vs-complexity" not in [q.slug for q in list_questions(demo_db)]
        await pilot.press("u")
        await settle(pilot)
    assert get_question(demo_db, "flops-vs-complexity").answer.endswith("덧붙임 ")  # Tab into it: typed at the end

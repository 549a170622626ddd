"""Search as you type, in Korean; Enter jumps to the section or question with the match selected."""

from __future__ import annotations

from studylog.tui.screens.question import QuestionScreen
from studylog.tui.screens.search import SearchScreen
from studylog.tui.screens.week import WeekScreen
from studylog.tui.widgets.draft_area import DraftArea
from studylog.tui.widgets.week_outline import WeekOutline
from pilot_helpers import settle, type_text, visible_text


async def test_a_two_syllable_korean_word_finds_sections_and_jumps_to_the_match(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "멘토")
        await settle(pilot)
        hits = app.screen.hits
        assert [hit.title for hit in hits] == ["멘토링", "< 목표 >"]
        assert str(app.screen.query_one("#search-status").render()) == "2 matches"
        assert "week 4 · section · 멘토링" in visible_text(app)  # each hit headed by where it is

        await pilot.press("down", "enter")  # the second hit, chosen without leaving the input
        await settle(pilot)
        assert isinstance(app.screen, WeekScreen)
        area = app.focused
        assert isinstance(area, DraftArea) and area.id == f"editor-{hits[1].id}"
        assert area.selected_text == "멘토"
        outline = app.screen.query_one(WeekOutline)
        assert outline.highlighted_option.id == f"section-{hits[1].id}"


async def test_a_question_hit_opens_the_question_with_the_match_selected_in_its_answer(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "corssentropyloss")  # the typo is in the answer only
        await settle(pilot)
        assert [hit.kind for hit in app.screen.hits] == ["question"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.focused.id == "answer"
        assert app.focused.selected_text == "corssentropyloss"


async def test_results_follow_the_text_as_it_is_typed_and_erased(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "파이토치 없는말")
        await settle(pilot)
        assert app.screen.hits == []
        await pilot.press(*["backspace"] * 4)
        await settle(pilot)
        assert app.screen.hits and all(hit.week_number == 4 for hit in app.screen.hits)

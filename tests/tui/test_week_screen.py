"""A week: writing a section saves it; sections are added, renamed, moved and deleted; questions and links added."""

from __future__ import annotations

from studylog.journal.questions import list_questions, question_tags
from studylog.journal.weeks import find_week, week_detail
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.widgets.draft_area import DraftArea
from studylog.tui.widgets.week_outline import WeekOutline
from pilot_helpers import settle, type_text


def sections_of(db) -> list:
    return week_detail(db, find_week(db, 4).id).sections


async def open_week(pilot, section_title: str | None = None) -> None:
    """From the weeks list into week 4, with the outline on the section titled section_title."""
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    if section_title is not None:
        outline = pilot.app.screen.query_one(WeekOutline)
        while outline.get_option_at_index(outline.highlighted).prompt.plain.strip() != section_title:
            await pilot.press("j")
        await settle(pilot)


async def test_writing_a_section_saves_it_on_leaving_the_editor(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter")
        assert isinstance(app.focused, DraftArea)
        await type_text(pilot, "1*1*64")  # asterisks stay asterisks
        assert app.focused.border_subtitle == "edited"
        await pilot.press("escape")  # back to the outline; leaving the editor saves
        await settle(pilot)
        assert app.screen.query_one("#editor-3", DraftArea).border_subtitle == "saved"
    reflection = next(s for s in sections_of(demo_db) if s.title == "짧은 소감")
    assert reflection.body == "1*1*64"


async def test_adding_renaming_moving_and_deleting_sections(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("a")
        await type_text(pilot, "추가")
        await pilot.press("enter")  # Enter submits, with the kind offered (메모)
        await settle(pilot)
        titles = [s.title for s in sections_of(demo_db)]
        assert titles[titles.index("짧은 소감") + 1] == "추가"
        assert isinstance(app.focused, DraftArea)  # ready to write in the new section
        await pilot.press("escape")

        await pilot.press("r", "ctrl+u")
        await type_text(pilot, "새")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("K")  # move it up, above 짧은 소감
        await settle(pilot)
        titles = [s.title for s in sections_of(demo_db)]
        assert titles[titles.index("짧은 소감") - 1] == "새"

        await pilot.press("d", "y")
        await settle(pilot)
        assert "새" not in [s.title for s in sections_of(demo_db)]
        assert [s.position for s in sections_of(demo_db)] == list(range(len(sections_of(demo_db))))


async def test_adding_a_question_to_a_section_opens_it(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "멘토링")
        await pilot.press("n")
        await type_text(pilot, "1x1 왜?")
        await pilot.press("tab")
        await type_text(pilot, "w1")
        await pilot.press("tab")
        await type_text(pilot, "a,b")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.title == "Q · w1"
    question = next(q for q in list_questions(demo_db, week_id=find_week(demo_db, 4).id) if q.slug == "w1")
    mentoring = next(s for s in sections_of(demo_db) if s.title == "멘토링")
    assert (question.title, question.section_id) == ("1x1 왜?", mentoring.id)
    assert question_tags(demo_db, question.id) == ["a", "b"]


async def test_adding_a_study_link(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot)
        await pilot.press("G", "enter")  # the last entry of the outline is the study links
        await pilot.press("a")
        await type_text(pilot, "논문")
        await pilot.press("tab")
        await type_text(pilot, "a.io")
        await pilot.press("tab", "tab", "enter")
        await settle(pilot)
        assert app.screen.query_one("#links").row_count == 6
    links = week_detail(demo_db, find_week(demo_db, 4).id).links
    assert (links[-1].title, links[-1].url) == ("논문", "a.io")

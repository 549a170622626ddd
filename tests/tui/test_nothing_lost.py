"""Nothing typed is lost: quitting saves every editor, autosave runs while typing, and a save that would
overwrite text written meanwhile by another studylog shows a conflict instead."""

from __future__ import annotations

from studylog.journal.questions import get_question
from studylog.journal.sections import update_section
from studylog.journal.weeks import find_week, week_detail
from studylog.store.database import open_database
from studylog.tui.drafts import DraftKey, Edit
from studylog.tui.screens.conflict import ConflictScreen
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.widgets import draft_area
from studylog.tui.widgets.draft_area import DraftArea
from pilot_helpers import settle, type_text
from test_week_screen import open_week


def body_of(path, title: str) -> str:
    database = open_database(path)
    try:
        return next(s.body for s in week_detail(database, find_week(database, 4).id).sections if s.title == title)
    finally:
        database.close()


async def test_quitting_with_unsaved_text_saves_it_and_reopening_shows_it(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter")
        await type_text(pilot, "끝까지!")
        assert app.focused.unsaved_edit() is not None
        await pilot.press("ctrl+q")  # straight from the editor, no blur first
    assert body_of(demo_db.path, "짧은 소감") == "끝까지!"

    reopened = app_on(demo_db)
    async with reopened.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        assert reopened.screen.query_one("#editor-3", DraftArea).text == "끝까지!"


async def test_opening_another_screen_saves_the_editors_it_covers(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "피어세션")
        await pilot.press("enter")
        await type_text(pilot, "셋. ")
        app.push_screen(QuestionScreen(get_question(demo_db, "inception-v1-params").id))
        await settle(pilot)
        assert body_of(demo_db.path, "피어세션").startswith("셋. 딥러닝 기초 강의를")


async def test_text_is_saved_every_few_seconds_while_typing(demo_db, app_on, monkeypatch):
    monkeypatch.setattr(draft_area, "AUTOSAVE_SECONDS", 0.2)
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter")
        await type_text(pilot, "자동")
        await pilot.pause(0.5)  # the autosave timer itself is what is tested: let it fire
        await settle(pilot)
        assert app.focused.border_subtitle == "saved"
        assert body_of(demo_db.path, "짧은 소감") == "자동"


async def test_a_section_changed_elsewhere_is_not_overwritten(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter")
        await type_text(pilot, "내 글")
        update_section(demo_db, 3, body="다른 창에서 쓴 글")  # a second studylog on the same file
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        assert body_of(demo_db.path, "짧은 소감") == "다른 창에서 쓴 글"

        await pilot.press("b")  # keep both: merged into the editor, marked, and saved
        await settle(pilot)
        area = app.screen.query_one("#editor-3", DraftArea)
        both = "<<<<<<< yours (not saved)\n내 글\n=======\n다른 창에서 쓴 글\n>>>>>>> saved elsewhere"
        assert area.text.startswith(both)
    assert body_of(demo_db.path, "짧은 소감") == area.text


async def test_keep_mine_overwrites_the_other_version(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        app.ledger.read("section", 3, week_detail(demo_db, 1).sections[2].updated_at)
        update_section(demo_db, 3, body="그쪽 글")
        app.save(Edit(DraftKey("section", 3, "body"), "내 글"))
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
    assert body_of(demo_db.path, "짧은 소감") == "내 글"

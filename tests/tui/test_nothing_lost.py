"""Nothing typed is lost: quitting saves every editor, autosave runs while typing, a save that would
overwrite text written meanwhile by another studylog shows a conflict instead, and text whose section was
deleted meanwhile is kept (or discarded) as the user chooses, after which quit goes on."""

from __future__ import annotations

import signal

from studylog.journal.questions import get_question
from studylog.journal.sections import delete_section, update_section
from studylog.journal.weeks import delete_week, find_week, week_detail
from studylog.store.database import open_database
from studylog.tui.drafts import DraftKey, Edit
from studylog.tui.screens.conflict import ConflictScreen, GoneScreen
from studylog.tui.screens.dialogs import FormScreen
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.widgets import draft_area
from studylog.tui.widgets.draft_area import DraftArea
from pilot_helpers import settle, sigterm, type_text, visible_text
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


async def quit_over_a_deleted_section(pilot, typed: str, choice: str) -> None:
    """Type into 짧은 소감, have a second studylog delete it, quit, and answer the question that follows."""
    app = pilot.app
    await open_week(pilot, "짧은 소감")
    await pilot.press("enter")
    await type_text(pilot, typed)
    delete_section(app.database, 3)
    await pilot.press("ctrl+q")
    await settle(pilot)
    assert isinstance(app.screen, GoneScreen)
    assert "this section was deleted elsewhere" in visible_text(app)
    await pilot.press(choice)
    await settle(pilot)


async def test_text_of_a_section_deleted_elsewhere_is_kept_as_a_new_section_and_quit_goes_on(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await quit_over_a_deleted_section(pilot, "지워진 곳에 쓴 글", "k")
    assert app.return_code == 0  # quit went on once the text was kept
    sections = week_detail(demo_db, find_week(demo_db, 4).id).sections
    assert [(s.title, s.body) for s in sections if s.title.startswith("Recovered")] == [
        ("Recovered section body", "지워진 곳에 쓴 글")
    ]


async def test_text_of_a_section_deleted_elsewhere_is_discarded_only_when_asked(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await quit_over_a_deleted_section(pilot, "버릴 글", "escape")  # decide later: stay, the text in its editor
        assert app.is_running and app.screen.query_one("#editor-3", DraftArea).text == "버릴 글"
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
    assert app.return_code == 0
    assert "버릴 글" not in [s.body for s in week_detail(demo_db, find_week(demo_db, 4).id).sections]


async def test_text_whose_week_was_deleted_too_goes_to_a_file_beside_the_database(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter")
        await type_text(pilot, "갈 곳 없는 글")
        delete_week(demo_db, find_week(demo_db, 4).id)
        await pilot.press("escape")  # leaving the editor saves
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        aside = demo_db.path.with_name(demo_db.path.name + ".unsaved.md")
        assert f"Your text is kept in {aside}." in [n.message for n in app._notifications]
    assert "\n\n갈 곳 없는 글\n\n" in aside.read_text(encoding="utf-8")


async def test_quit_waits_while_a_form_holds_what_was_typed(demo_db, app_on):
    """A form's text has no row to go to until it is submitted: ctrl+q stays and says so; once the form is
    dropped, ctrl+q quits. A form holding only what it arrived with (a new week's suggested values) does not stop it."""
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_week(pilot)
        await pilot.press("n")
        await type_text(pilot, "남길 질문")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, FormScreen)
        assert any("'New question' holds what you typed" in n.message for n in app._notifications)
        await pilot.press("escape", "escape", "n")  # the form dropped; back on the weeks list, a new week's form
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "New week"
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert app.return_code == 0
    assert not demo_db.path.with_name(demo_db.path.name + ".unsaved.md").exists()


async def test_a_form_back_with_an_error_keeps_what_was_typed_at_a_kill(demo_db, app_on):
    """The form came back with the user's own text and an error (that id is taken): a real SIGTERM, caught by the
    app's handler, puts that text beside the database, though nothing was typed since the form came back."""
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_week(pilot)
        await pilot.press("n")
        await type_text(pilot, "다시 묻는 질문")
        await pilot.press("tab")
        await type_text(pilot, "inception-v1-params")  # a question of the demo week has this id
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen) and app.screen.error
        await sigterm(pilot)
    assert app.return_code == 128 + signal.SIGTERM
    aside = demo_db.path.with_name(demo_db.path.name + ".unsaved.md")
    assert app.failure == f"text that could not be saved is in {aside}"
    assert "- Question: 다시 묻는 질문\n- Id: inception-v1-params\n- Tags: \n" in aside.read_text(encoding="utf-8")

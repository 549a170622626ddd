"""A bug never takes typed text with it: an unexpected error in a worker is shown and the app goes on; an error
that does end the app saves the editors first, and sets aside in a file what the database refuses."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from studylog.journal.sections import update_section
from studylog.tui.widgets.draft_area import DraftArea
from pilot_helpers import settle, type_text
from test_nothing_lost import body_of
from test_week_screen import open_week


def refuse_section_writes(path, refuse: bool = True) -> None:
    """A trigger that makes SQLite abort every update of a section: an error no studylog code expects."""
    with closing(sqlite3.connect(path)) as connection:
        if refuse:
            connection.execute(
                "CREATE TRIGGER refuse BEFORE UPDATE ON section BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
            )
        else:
            connection.execute("DROP TRIGGER refuse")
        connection.commit()


def notifications(app) -> list[str]:
    return [notification.message for notification in app._notifications]


def a_bug() -> None:
    raise RuntimeError("a bug in a handler")


async def test_an_unexpected_error_in_a_save_is_shown_and_the_text_stays_to_be_saved_later(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter")
        await type_text(pilot, "남길 글")
        refuse_section_writes(demo_db.path)
        await pilot.press("escape")  # leaving the editor saves, and SQLite refuses
        await settle(pilot)
        assert notifications(app) == ["unexpected IntegrityError: (sqlite3.IntegrityError) disk says no"]
        await pilot.press("ctrl+q")  # the save fails again: stay, the text still in its editor
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one("#editor-3", DraftArea).unsaved_edit().text == "남길 글"

        refuse_section_writes(demo_db.path, refuse=False)
        await pilot.press("ctrl+q")
    assert body_of(demo_db.path, "짧은 소감") == "남길 글"


async def test_an_error_that_ends_the_app_saves_the_editors_first(demo_db, app_on):
    app = app_on(demo_db)
    with pytest.raises(RuntimeError, match="a bug in a handler"):
        async with app.run_test(size=(80, 24)) as pilot:
            await open_week(pilot, "짧은 소감")
            await pilot.press("enter")
            await type_text(pilot, "끝나기 전에")
            app.call_later(a_bug)
            await pilot.pause()
    assert body_of(demo_db.path, "짧은 소감") == "끝나기 전에"
    assert app.failure is None


async def test_text_the_database_refuses_at_such_an_end_goes_to_a_file_beside_it(demo_db, app_on):
    app = app_on(demo_db)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            await open_week(pilot, "짧은 소감")
            await pilot.press("enter")
            await type_text(pilot, "내 글")
            update_section(demo_db, 3, body="다른 창에서 쓴 글")  # saving now would be a conflict
            app.call_later(a_bug)
            await pilot.pause()
    aside = demo_db.path.with_name(demo_db.path.name + ".unsaved.md")
    assert app.failure == f"text that could not be saved is in {aside}"
    assert aside.read_text(encoding="utf-8").startswith("## section 3, body (")
    assert "\n\n내 글\n\n" in aside.read_text(encoding="utf-8")
    assert body_of(demo_db.path, "짧은 소감") == "다른 창에서 쓴 글"

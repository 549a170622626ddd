"""ctrl+o on a week shows the highlighted section as the post will (Textual's Markdown widget, the guarded
Markdown, a line naming what the guard escaped) and again returns to the editor, nothing typed lost."""

from __future__ import annotations

from textual.widgets import ContentSwitcher, Markdown

from studylog.journal.sections import update_section
from studylog.journal.weeks import find_week, week_detail
from studylog.tui.widgets.draft_area import DraftArea
from pilot_helpers import settle, type_text, visible_text
from test_week_screen import open_week

STORED = "Inception (3a) 1x1: 192*1*1*64 weights\n\nscale by $\\sqrt{d_k}$, see __init__"


def reflection(db):
    return next(s for s in week_detail(db, find_week(db, 4).id).sections if s.title == "짧은 소감")


async def test_the_preview_shows_the_unsaved_text_as_exported_and_the_editor_comes_back_as_it_was(demo_db, app_on):
    update_section(demo_db, reflection(demo_db).id, body=STORED)
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("enter", "down", "down", "end")
        await type_text(pilot, " 끝")  # not saved yet
        area = app.focused
        assert isinstance(area, DraftArea) and area.border_subtitle == "edited"
        cursor, typed = area.cursor_location, area.text

        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.screen.query_one(ContentSwitcher).current == "section-preview"
        assert app.screen.query_one("#preview-markdown", Markdown).source == (
            "Inception (3a) 1x1: 192\\*1\\*1\\*64 weights\n\nscale by $\\sqrt{d_k}$, see \\_\\_init\\_\\_ 끝"
        )
        shown = visible_text(app)
        assert "Inception (3a) 1x1: 192*1*1*64 weights" in shown and "scale by $\\sqrt{d_k}$, see __init__ 끝" in shown
        assert "Escaped so they read literally: 192*1*1*64, __init__" in shown

        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.screen.query_one(ContentSwitcher).current == area.id and app.focused is area
        assert area.text == typed and area.cursor_location == cursor
        await type_text(pilot, "!")
        await pilot.press("escape")  # leaving the editor saves
        await settle(pilot)
    assert reflection(demo_db).body == STORED + " 끝!"


async def test_previewing_follows_the_outline_until_a_section_is_edited(demo_db, app_on):
    update_section(demo_db, reflection(demo_db).id, body="a*b")
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_week(pilot, "짧은 소감")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#outline")  # from the outline: moving on previews the next
        await pilot.press("j")
        await settle(pilot)
        assert app.screen.query_one(ContentSwitcher).current == "section-preview"
        assert "Escaped so they read literally" not in visible_text(app)
        await pilot.press("k", "enter")  # Enter edits the section, as without the preview
        await settle(pilot)
        assert isinstance(app.focused, DraftArea) and app.focused.text == "a*b"
        assert app.screen.query_one(ContentSwitcher).current == app.focused.id

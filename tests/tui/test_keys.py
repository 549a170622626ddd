"""Keys: Help lists every binding from the registry, a keymap file remaps by binding id, vim keys move."""

from __future__ import annotations

import pytest

from studylog.errors import StudylogError
from studylog.tui import keys
from studylog.tui.screens.help import HelpScreen
from studylog.tui.screens.search import SearchScreen
from pilot_helpers import settle


async def test_help_lists_every_binding_with_its_id(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-keys")
        listed = {str(table.get_row_at(i)[3]) for i in range(table.row_count)}
        assert listed == {key.id for scope in keys.REGISTRY.values() for key in scope}
        assert all(table.get_row_at(i)[2] for i in range(table.row_count))  # every key says what it does
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_keymap_file_remaps_a_binding(demo_db, app_on, tmp_path, monkeypatch):
    keymap = tmp_path / "keys.toml"
    keymap.write_text('"app.search" = "ctrl+f"\n', encoding="utf-8")
    monkeypatch.setenv(keys.KEYMAP_ENV_VAR, str(keymap))
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert not isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)


def test_a_keymap_naming_an_unknown_binding_is_refused_with_the_file_and_id(tmp_path):
    keymap = tmp_path / "keys.toml"
    keymap.write_text('"week.explode" = "x"\n', encoding="utf-8")
    with pytest.raises(StudylogError, match=r"keys.toml: unknown binding 'week.explode'"):
        keys.load_keymap(keymap)


async def test_vim_keys_move_through_the_week_outline(demo_db, app_on):
    app = app_on(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")  # opens the highlighted week
        await settle(pilot)
        outline = app.screen.query_one("#outline")
        await pilot.press("j", "j")
        assert outline.highlighted == 2
        await pilot.press("G")
        assert outline.highlighted_option.id == "links"
        await pilot.press("g")
        assert outline.highlighted == 0
        await pilot.press("j", "k")
        assert outline.highlighted == 0
        await pilot.press("h")  # back to the weeks list
        assert app.screen.query_one("#weeks")

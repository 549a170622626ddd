"""The app shows stored control characters written out, never sends them to the terminal."""

from __future__ import annotations

from studylog.journal import weeks
from studylog.tui.screens.week import WeekScreen
from pilot_helpers import settle, visible_text
from control_text import RAW


async def test_the_app_shows_control_characters_written_out(evil, app_on):
    app = app_on(evil)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        weeks_list = visible_text(app)
        app.push_screen(WeekScreen(weeks.find_week(evil, 3).id))
        await settle(pilot)
        week_page = visible_text(app)
        await pilot.press("escape", "slash")
        await settle(pilot)
        await pilot.press(*"body", "enter")
        await settle(pilot)
        search = visible_text(app)
    for screen in (weeks_list, week_page, search):
        assert not RAW.findall(screen), RAW.findall(screen)
    assert "evil \\x1b]52" in weeks_list
    assert "sec \\x1b[2J" in week_page and "body \\x1b]52" in week_page
    assert "\\x1b]52" in search

"""Driving the real app under Textual's Pilot: waiting for it to settle, typing, reading the screen.

A module of its own (not conftest) so test files import it by a name no other folder uses.
"""

from __future__ import annotations

import html
import re


async def settle(pilot) -> None:
    """Let messages and workers run out: a worker's message may start another worker, so go a few rounds."""
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Type text key by key, as a user would (Hangul arrives as characters, newlines as enter)."""
    await pilot.press(*("enter" if ch == "\n" else "space" if ch == " " else ch for ch in text))


def visible_text(app) -> str:
    """The text the terminal shows now, from Textual's own SVG screenshot with the markup stripped."""
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def freeze_cursors(app) -> None:
    """Stop the blinking cursors so screenshots are the same every run."""
    for screen in app.screen_stack:
        for widget in screen.query("TextArea, Input"):
            widget.cursor_blink = False

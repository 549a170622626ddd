"""Driving the real app under Textual's Pilot: waiting for it to settle, typing, reading the screen.

A module of its own (not conftest) so test files import it by a name no other folder uses.
"""

from __future__ import annotations

import asyncio
import html
import os
import re
import signal
import unicodedata

from textual import events

NAMED_KEYS = {"tab": "\t", "shift+tab": None, "enter": "\r", "escape": "\x1b"}


async def settle(pilot) -> None:
    """Let messages and workers run out: a worker's message may start another worker, so go a few rounds."""
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def sigterm(pilot) -> None:
    """A real SIGTERM sent to this process and caught by the app's own handler (installed here: under Pilot the app
    leaves the test runner's signals alone); the runner's handling is back once the app has ended."""
    pilot.app.catch_termination()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        await settle(pilot)
    finally:
        for signum in (signal.SIGHUP, signal.SIGTERM):
            asyncio.get_running_loop().remove_signal_handler(signum)


async def type_text(pilot, text: str) -> None:
    """Type text key by key, as a user would (Hangul arrives as characters, newlines as enter)."""
    await pilot.press(*("enter" if ch == "\n" else "space" if ch == " " else ch for ch in text))


def keys_at_once(pilot, *parts: str) -> None:
    """Deliver keys as a terminal's driver does when they arrive together: all queued at once, none waiting for
    the one before to be handled (pilot.press waits for the app to go idle after each key). A part is a named key
    (tab, shift+tab, enter, escape) or text typed a character at a time."""
    for part in parts:
        for key, char in [(part, NAMED_KEYS[part])] if part in NAMED_KEYS else [(_key_of(ch), ch) for ch in part]:
            pilot.app._driver.send_message(events.Key(key, char))


def _key_of(char: str) -> str:
    """Textual's name of the key that types char: itself for letters and digits, else from its Unicode name."""
    return char if char.isalnum() else unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")


def visible_text(app) -> str:
    """The text the terminal shows now, from Textual's own SVG screenshot with the markup stripped."""
    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


def freeze_cursors(app) -> None:
    """Stop the blinking cursors so screenshots are the same every run."""
    for screen in app.screen_stack:
        for widget in screen.query("TextArea, Input"):
            widget.cursor_blink = False

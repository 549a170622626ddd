"""Helpers for driving the real app under Textual's Pilot on a real database file."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import pytest

from studylog.config import CHECK_PATHS_ENV_VAR
from studylog.tui.app import StudylogApp


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


@pytest.fixture
def app_on():
    """Build the app on a Database's file (the app opens it itself, as `studylog` does)."""
    return lambda database: StudylogApp(database.path)


TINY_CHECKS = '''
    from studylog.checks import check

    @check("tiny-sum")
    def tiny_sum(ctx):
        ctx.claim("2 + 2", 2 + 2).equals(4)

    @check("tiny-wrong")
    def tiny_wrong(ctx):
        ctx.claim("3 * 3", 3 * 3).equals(10)
'''


@pytest.fixture
def tiny_bank(tmp_path, monkeypatch) -> Path:
    """A question folder on $STUDYLOG_CHECK_PATHS with question `tiny` and two quick checks (one fails)."""
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "tiny.md").write_text(
        '+++\nid = "tiny"\ntitle = "tiny"\n+++\n\n## Question\n2 + 2?\n\n## Answer\n4\n', encoding="utf-8"
    )
    (folder / "tiny.py").write_text(textwrap.dedent(TINY_CHECKS), encoding="utf-8")
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(folder))
    return folder

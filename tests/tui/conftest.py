"""Fixtures for the app under Pilot: the app on a real database file, and a tiny question bank."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from studylog.config import CHECK_PATHS_ENV_VAR
from studylog.tui.app import StudylogApp


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

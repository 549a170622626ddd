"""How the main screens look on the demo week, at fixed terminal sizes, with the cursor blink stopped.

Update after a deliberate change of looks with `pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from studylog.journal.questions import add_question
from studylog.journal.sections import update_section
from studylog.journal.weeks import find_week, week_detail
from pilot_helpers import freeze_cursors, settle

WIDE, SMALL = (100, 32), (80, 24)


def keys_then_settle(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        freeze_cursors(pilot.app)

    return run_before


SCREENS = [
    pytest.param((), SMALL, id="weeks"),
    pytest.param(("enter", "j", "j", "j"), WIDE, id="week"),  # the peer-session section
    pytest.param(("enter", "j", "j", "j"), SMALL, id="week-80x24"),
    pytest.param(("2",), WIDE, id="questions"),
    pytest.param(("slash", "멘", "토"), WIDE, id="search"),
    pytest.param(("question_mark",), SMALL, id="help"),
]


@pytest.mark.parametrize(("keys", "size"), SCREENS)
def test_screen_looks(keys, size, demo_db, app_on, snap_compare):
    assert snap_compare(app_on(demo_db), terminal_size=size, run_before=keys_then_settle(*keys))


def test_question_looks(demo_db, app_on, snap_compare, tiny_bank):
    """A question of the demo week whose checks come from the tiny test bank, so edits to the bundled
    bank's check modules do not change this picture."""
    week = find_week(demo_db, 4)
    add_question(demo_db, "2 + 2는?", "2 + 2는 얼마인가?", "**4**. 192*1*1*64 = 12,288", slug="tiny", week_id=week.id)
    keys = ("2", "G", "enter")  # the questions list; the new question is the last
    assert snap_compare(app_on(demo_db), terminal_size=WIDE, run_before=keys_then_settle(*keys))


def test_section_preview_looks(demo_db, app_on, snap_compare):
    """ctrl+o on a section with a formula, a dunder, inline and display math, a list and a code span."""
    section = next(s for s in week_detail(demo_db, find_week(demo_db, 4).id).sections if s.title == "짧은 소감")
    body = ("3a의 1x1: 192*1*1*64 = 12288 가중치, `__init__`과 __init__\n\n$\\sqrt{d_k}$ 로 나눈다, **굵게**\n\n"
            "- [노트](https://example.com/a_b)\n- List<int>\n\n$$\n\\mathbb{Z}_{+}\n$$")
    update_section(demo_db, section.id, body=body)
    keys = ("enter", "j", "j", "ctrl+o")  # the week, its 짧은 소감 section, the preview
    assert snap_compare(app_on(demo_db), terminal_size=WIDE, run_before=keys_then_settle(*keys))

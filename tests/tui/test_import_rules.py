"""Opening the TUI never imports torch, the App module leaves SQLAlchemy for after the first frame, and
widgets never see ORM rows.

Each probe runs in a fresh interpreter and reports what sys.modules holds.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import studylog.tui

PROBE = textwrap.dedent(
    """
    import asyncio, json, sys
    from studylog.tui.app import StudylogApp

    HEAVY = ("torch", "torchvision", "sqlalchemy", "sqlmodel")
    report = {"with_the_app_class": [m for m in HEAVY if m in sys.modules]}

    async def settle(pilot):
        for _ in range(4):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()

    async def browse():
        app = StudylogApp(sys.argv[1])
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            for key in ("enter", "j", "j", "j", "j", "enter", "slash", "멘", "토", "escape", "escape"):
                await pilot.press(key)
                await settle(pilot)
            report["visited"] = type(app.screen).__name__

    asyncio.run(browse())
    report["after_browsing"] = [m for m in HEAVY if m in sys.modules]
    print(json.dumps(report))
    """
)


def test_browsing_the_demo_imports_no_torch_and_the_app_class_no_sqlalchemy(demo_db):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(demo_db.path)], capture_output=True, text=True, check=True, timeout=120,
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["with_the_app_class"] == []
    assert report["visited"] == "QuestionScreen"  # weeks → week 4 → its first question → search → back
    assert report["after_browsing"] == ["sqlalchemy", "sqlmodel"]


ORM_MODULES = ("studylog.store", "studylog.journal.weeks")  # the models, and WeekDetail/WeekSummary that hold them


def test_widgets_and_screens_see_plain_dataclasses_never_orm_rows():
    """STYLE: rows become plain dataclasses (tui/rows.py, tui/pages.py) before widgets see them."""
    tui = Path(studylog.tui.__file__).parent
    importers = [
        path.relative_to(tui).as_posix()
        for path in sorted((tui / "widgets").glob("*.py")) + sorted((tui / "screens").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(ORM_MODULES)
    ]
    assert importers == []

"""Opening the TUI never imports torch, and the App module leaves SQLAlchemy for after the first frame.

Each probe runs in a fresh interpreter and reports what sys.modules holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

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

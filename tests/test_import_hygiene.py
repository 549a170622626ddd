"""Lazy imports stay lazy: the everyday commands import neither torch, torchvision nor textual.

Each command runs in a fresh interpreter, which then reports what sys.modules holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

HEAVY = ("torch", "torchvision", "textual")

PROBE = textwrap.dedent(
    """
    import json, sys
    from studylog.cli import cli
    try:
        cli(sys.argv[1:], prog_name="studylog", standalone_mode=False)
    finally:
        print(json.dumps([m for m in %r if m in sys.modules]), file=sys.stderr)
    """
    % (HEAVY,)
)


def loaded_by(args, env_db):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
        env={"STUDYLOG_DB": str(env_db), "PATH": "/usr/bin:/bin"}, check=True,
    )
    return json.loads(result.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [["--help"], ["week", "list"], ["search", "멘토"], ["week", "show", "4"]])
def test_everyday_commands_stay_light(demo_db, args):
    assert loaded_by(args, demo_db.path) == []


def test_nothing_outside_tui_imports_textual_at_module_level():
    modules = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(
            """
            import importlib, pkgutil, sys, studylog
            for info in pkgutil.walk_packages(studylog.__path__, "studylog."):
                if ".tui" in info.name or ".migrations" in info.name or info.name.startswith("studylog.bank."):
                    continue
                importlib.import_module(info.name)
            print(" ".join(m for m in ("torch", "torchvision", "textual") if m in sys.modules))
            """
        )],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    assert "textual" not in modules

"""Lazy imports stay lazy: the everyday commands import neither torch, torchvision nor textual, and no
studylog module imports torch when imported, except the counting code that check processes and
`studylog count` use.

Each probe runs in a fresh interpreter, which then reports what sys.modules holds. (A cached `verify`,
which needs stored runs first, is probed in tests/checks/test_runner.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

@pytest.mark.parametrize("args", [["--help"], ["week", "list"], ["search", "멘토"], ["week", "show", "4"], ["verify", "--list"]])
def test_everyday_commands_stay_light(demo_db, fresh_studylog, args):
    assert fresh_studylog(demo_db.path, *args)[1] == []


# The only studylog modules that import torch when imported: the counting helpers and the paper models,
# which run in check processes and in `studylog count`. The runner's own modules (runner, pool, zygote,
# children, worker, devices) import torch only inside the processes that run checks, so they are walked too.
IMPORT_TORCH = ("studylog.checks.counting", "studylog.checks.zoo", "studylog.checks.models.")

WALK = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, studylog
    names = [i.name for i in pkgutil.walk_packages(studylog.__path__, "studylog.") if ".migrations" not in i.name]
    groups = {"the rest": [], "tui": [], "torch": []}
    for name in names:
        groups["torch" if name.startswith(%r) else "tui" if name.startswith("studylog.tui") else "the rest"].append(name)
    loaded = {}
    for group in sys.argv[1:]:
        for name in groups[group]:
            importlib.import_module(name)
        loaded[group] = [m for m in ("torch", "torchvision", "textual") if m in sys.modules]
    print(json.dumps({"loaded": loaded, "counts": {g: len(n) for g, n in groups.items()}, "torch": groups["torch"]}))
    """
    % (IMPORT_TORCH,)
)


def walk(*groups: str) -> dict:
    """Import every studylog module of `groups` in order, in a fresh interpreter; what was loaded after each."""
    return json.loads(subprocess.run([sys.executable, "-c", WALK, *groups], capture_output=True, text=True, check=True).stdout)


def test_no_module_imports_torch_or_textual_but_the_ones_that_must():
    report = walk("the rest", "tui")
    assert report["counts"]["the rest"] > 50 and report["counts"]["tui"] > 10
    models = [m for m in report["torch"] if m.startswith("studylog.checks.models.")]  # the papers' models, for checks
    assert models and sorted(set(report["torch"]) - set(models)) == [
        "studylog.checks.counting", "studylog.checks.counting_blocks", "studylog.checks.counting_job", "studylog.checks.counting_meta",
        "studylog.checks.counting_recurrent", "studylog.checks.counting_result", "studylog.checks.zoo", "studylog.checks.zoo_spec",
    ]
    assert report["loaded"] == {"the rest": [], "tui": ["textual"]}


def test_the_counting_modules_import_torch_and_not_textual():
    assert walk("torch")["loaded"] == {"torch": ["torch", "torchvision"]}

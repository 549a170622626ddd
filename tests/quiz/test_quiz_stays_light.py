"""A quiz, grading included, reads recomputed values from the database: it never imports torch or textual."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import json, sys
    from studylog.cli import cli
    try:
        cli(sys.argv[1:], prog_name="studylog", standalone_mode=False)
    finally:
        print(json.dumps([m for m in ("torch", "torchvision", "textual") if m in sys.modules]), file=sys.stderr)
    """
)


def studylog(db, *args, answers=""):
    """Run the CLI in a fresh interpreter; its output and the heavy modules it imported."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], input=answers, capture_output=True, text=True,
        env={"STUDYLOG_DB": str(db.path), "PATH": "/usr/bin:/bin"}, check=True,
    )
    return result.stdout, json.loads(result.stderr.strip().splitlines()[-1])


def test_a_graded_quiz_and_its_stats_import_no_torch(demo_db, recompute):
    recompute("inception-3a-weights", "weights in inception (3a), bias excluded", 163_328)
    recompute("inception-conv1-hypotheses", "conv1 full 7x7x3->64 weights, bias excluded", 9_408)
    out, heavy = studylog(demo_db, "quiz", "--tag", "inception", answers="163328\n9408\n")
    assert "✓ correct: 163,328" in out and heavy == []
    out, heavy = studylog(demo_db, "quiz", "--stats")
    assert "1 reviewed today" in out and heavy == []

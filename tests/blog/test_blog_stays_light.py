"""Exporting (with verification results) and importing never import torch, torchvision or textual."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from studylog.blog.export import export_week
from studylog.journal.weeks import find_week
from test_blog_export import WEIGHTS, record

PROBE = """
import json, sys
from studylog.cli import cli
try:
    cli(sys.argv[1:], prog_name="studylog", standalone_mode=False)
finally:
    print(json.dumps([m for m in ("torch", "torchvision", "textual") if m in sys.modules]), file=sys.stderr)
"""


def loaded_by(args, db_path) -> tuple[str, list[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True,
                          env={"STUDYLOG_DB": str(db_path), "PATH": "/usr/bin:/bin"}, check=True)
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


def test_export_with_verification_imports_no_torch(demo_db):
    record(demo_db, "inception-3a-weights", [WEIGHTS])
    output, heavy = loaded_by(["export", "4"], demo_db.path)
    assert "검증 inception-3a-weights" in output and heavy == []


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
def test_import_imports_no_torch(demo_db, tmp_path, fmt):
    post = tmp_path / f"week4.{'md' if fmt == 'markdown' else 'html'}"
    post.write_text(export_week(demo_db, find_week(demo_db, 4).id, fmt), encoding="utf-8")
    output, heavy = loaded_by(["import", post, "--week", "9"], demo_db.path)
    assert "created week 9" in output and heavy == []

"""Exporting (with verification results) and importing never import torch, torchvision or textual."""

from __future__ import annotations

import pytest

from studylog.blog.export import export_week
from studylog.journal.weeks import find_week
from recorded_runs import WEIGHTS, record


def test_export_with_verification_imports_no_torch(demo_db, fresh_studylog):
    record(demo_db, "inception-3a-weights", [WEIGHTS])
    output, heavy = fresh_studylog(demo_db.path, "export", "4")
    assert "검증 inception-3a-weights" in output and heavy == []


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
def test_import_imports_no_torch(demo_db, tmp_path, fresh_studylog, fmt):
    post = tmp_path / f"week4.{'md' if fmt == 'markdown' else 'html'}"
    post.write_text(export_week(demo_db, find_week(demo_db, 4).id, fmt), encoding="utf-8")
    output, heavy = fresh_studylog(demo_db.path, "import", post, "--week", "9")
    assert "created week 9" in output and heavy == []

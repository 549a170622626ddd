"""A non-editable install carries the bundled question bank, references, demo and migrations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PROBE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import studylog
    from studylog.bank.question_file import iter_question_files
    from studylog.config import bundled_questions_dir, bundled_references_dir
    from studylog.journal.demo import load_demo
    from studylog.store.database import open_database

    assert Path(studylog.__file__).is_relative_to(Path(sys.argv[1])), studylog.__file__
    db = open_database(Path(sys.argv[2]))
    week = load_demo(db)
    print(week.number, sorted(q.id for q in iter_question_files([bundled_questions_dir()])))
    print(sorted(p.name for p in bundled_references_dir().glob("*.toml")))
    """
)


def test_installed_wheel_has_the_bundled_data(tmp_path):
    source = tmp_path / "src"  # a copy, so the build's scratch folders stay out of the checkout
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".*", "build", "__pycache__", "*.egg-info"))
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        check=True, capture_output=True,
    )
    assert not (target / "questions").exists(), "the bank must live inside the package"
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(target), str(tmp_path / "x.db")],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(target)}, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    week, references = result.stdout.splitlines()
    assert week.startswith("4 ") and "inception-v1-params" in week
    assert "googlenet-2014.toml" in references

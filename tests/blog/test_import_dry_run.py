"""`studylog import --dry-run` through the real CLI: it says what import would create, and creates no file
(a new --db path left a 196 KB database behind), leaves an existing database byte for byte as it was (no
-wal/-shm, no migration backup), and names the user's file, not its private copy, in what it refuses."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from studylog.cli import cli
from studylog.errors import DatabaseTooNew
from studylog.store.database import make_engine, upgrade

POST = "# [week3] 3주차 회고\n\n## 피어세션\n\nQ1. 왜 ReLU를 쓰나요?\n\nA1. 기울기가 사라지지 않는다\n"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def files_under(folder: Path) -> dict[str, str]:
    """Every file under folder by relative path, with the SHA-256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def post(tmp_path) -> Path:
    path = tmp_path / "posts" / "week3.md"
    path.parent.mkdir()
    path.write_text(POST, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def private_temp(tmp_path, monkeypatch) -> Path:
    """The dry run's scratch copies go here, so a test can see that none is left."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_a_dry_run_on_a_new_path_creates_no_file(post, tmp_path, private_temp):
    target = tmp_path / "data" / "new.db"
    before = files_under(tmp_path)
    result = run("--db", target, "import", post, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would create week 3 '3주차 회고': 1 section, 1 question, 0 links" in result.output
    assert not target.parent.exists()
    assert files_under(tmp_path) == before and not any(private_temp.iterdir())


def test_a_dry_run_on_a_database_leaves_it_byte_for_byte(post, tmp_path, private_temp):
    db = tmp_path / "data" / "studylog.db"
    assert run("--db", db, "import", post, "--week", "2").exit_code == 0
    before = files_under(db.parent)
    dry = run("--db", db, "import", post, "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert files_under(db.parent) == before and not any(private_temp.iterdir())
    taken = run("--db", db, "import", post, "--week", "2", "--dry-run")  # refused as the real import is, naming the file
    assert taken.exit_code == 1 and f"week 2 already exists in {db}" in taken.output
    real = run("--db", db, "import", post)
    assert real.exit_code == 0
    assert real.output.split("\n")[0].replace("created", "would create", 1) == dry.output.split("\n")[0]


def test_a_dry_run_on_an_older_database_neither_migrates_nor_backs_it_up(post, tmp_path):
    db = tmp_path / "old.db"
    engine = make_engine(db)
    upgrade(engine, "0005")
    engine.dispose()
    before = files_under(tmp_path)
    result = run("--db", db, "import", post, "--dry-run")
    assert result.exit_code == 0 and "would create week 3" in result.output, result.output
    assert files_under(tmp_path) == before


def test_a_dry_run_refuses_a_newer_database_by_its_own_name(post, tmp_path):
    db = tmp_path / "future.db"
    assert run("--db", db, "import", post).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = files_under(tmp_path)
    result = run("--db", db, "import", post, "--dry-run")
    assert result.exit_code == DatabaseTooNew.exit_code
    assert result.output.startswith(f"Error: {db} is at schema revision 9999_from_the_future")
    assert files_under(tmp_path) == before

"""`export -o`: never the database or its files, through any link; an existing file only with --force;
written whole through a rename."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing

import pytest
from click.testing import CliRunner

from studylog.cli import cli
from studylog.journal import weeks


def export(*args):
    return CliRunner().invoke(cli, ["export", "4", *map(str, args)])


def others(folder) -> list[str]:
    """The files in folder besides the database and the -wal/-shm files the open fixture keeps."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("studylog.db"))


def _spellings(db, tmp_path):
    """Ways to name the database file or its companions other than its own path."""
    os.symlink(db.path, tmp_path / "link.md")
    os.link(db.path, tmp_path / "hard.md")
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path / "link.md", tmp_path / "sub" / "chain.md")
    return [
        db.path, tmp_path / "sub" / ".." / db.path.name, tmp_path / "link.md", tmp_path / "hard.md",
        tmp_path / "sub" / "chain.md", f"{db.path}-wal", f"{db.path}-shm", f"{db.path}-journal",
    ]


def test_export_never_writes_the_database_or_its_files(demo_db, tmp_path):
    before = demo_db.path.read_bytes()
    with closing(sqlite3.connect(demo_db.path)) as reader:  # an open reader: -wal and -shm exist now
        reader.execute("SELECT count(*) FROM week").fetchone()
        for target in _spellings(demo_db, tmp_path):
            for force in ([], ["--force"]):
                result = export("-o", target, *force)
                assert result.exit_code == 1, (target, result.output)
                assert "it is the database" in result.output and result.output.count("\n") == 1
    assert demo_db.path.read_bytes() == before
    assert [w.week.number for w in weeks.list_weeks(demo_db)] == [4]
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_existing_file_is_replaced_only_with_force(demo_db, tmp_path):
    mine = tmp_path / "notes.md"
    mine.write_text("my own notes\n")
    mine.chmod(0o640)
    refused = export("-o", mine)
    assert refused.exit_code == 1 and "exists; pass --force" in refused.output
    assert mine.read_text() == "my own notes\n"
    inode = mine.stat().st_ino
    assert export("-o", mine, "--force").exit_code == 0
    assert mine.read_text(encoding="utf-8") == export().output
    assert mine.stat().st_ino != inode  # a new file renamed into place, not the old one rewritten
    assert mine.stat().st_mode & 0o777 == 0o640
    assert others(tmp_path) == ["notes.md"]


def test_a_symlink_is_followed_only_with_force_and_stays_a_link(demo_db, tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "post.md"
    os.symlink(real, link)
    assert export("-o", link).exit_code == 1 and real.read_text() == "old\n"
    assert export("-o", link, "--force").exit_code == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8") == export().output


def test_a_failed_write_leaves_no_part_behind(demo_db, tmp_path):
    target = tmp_path / "folder-missing" / "post.md"
    result = export("-o", target)
    assert result.exit_code == 1 and f"cannot write {target}" in result.output
    assert others(tmp_path) == []


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
def test_a_new_file_gets_the_whole_post(demo_db, tmp_path, fmt):
    target = tmp_path / "new.md"
    assert export("-o", target, "--format", fmt).exit_code == 0
    assert target.read_text(encoding="utf-8") == export("--format", fmt).output


@pytest.mark.skipif(not hasattr(os, "fork"), reason="a file size limit set in the exporting process (RLIMIT_FSIZE)")
def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_part(demo_db, tmp_path):
    """A real process whose file size limit stops the write part way (EFBIG, as a full disk would): --force
    replaced nothing, the old file is whole, no temporary file is left, and the error is one line."""
    import resource
    import subprocess
    import sys

    from studylog.journal import sections

    limit = 64 * 1024  # above SQLite's 32 KiB -shm, below the week exported
    sections.add_section(demo_db, weeks.find_week(demo_db, 4).id, "long notes", "긴 메모 " * (limit // 4))
    demo_db.close()
    mine = tmp_path / "notes.md"
    mine.write_text("my own notes\n")
    process = subprocess.run(
        [sys.executable, "-c", "from studylog.cli import main; main()", "--db", str(demo_db.path), "export", "4",
         "-o", str(mine), "--force"],
        capture_output=True, text=True, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
    )
    assert process.returncode == 1 and process.stderr.splitlines() == [f"Error: cannot write {mine}: File too large"]
    assert mine.read_text() == "my own notes\n" and others(tmp_path) == ["notes.md"]

"""The --db file: any legal name opens exactly that file; a file SQLite cannot use is one line and exit 4."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from studylog.checks.history import newest_runs
from studylog.cli import cli
from studylog.journal import weeks
from studylog.journal.demo import load_demo
from studylog.store.database import open_database
from studylog.store.models import CheckRun

DATABASE_UNAVAILABLE = 4
COMMANDS = [
    ["week", "list"], ["week", "show", "4"], ["question", "list"], ["search", "x"], ["export", "4"],
    ["quiz", "--stats"], ["verify", "--list"], ["verify"], ["verify", "--force"], ["demo"],
]


def run(*args, env=None):
    return CliRunner(env=env).invoke(cli, [str(a) for a in args])


def assert_one_line(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize("name", ["a?b.db", "pct%41.db", "w#1.db", "q?mode=ro&x=1.db", "sp ace;.db", "한글 로그.db",
                                  "back\\slash.db", "new\nline.db", "%00.db"])
def test_any_file_name_opens_exactly_that_file(tmp_path, name):
    path = tmp_path / name
    assert run("week", "new", "7", "--title", "mine", "--db", path).exit_code == 0
    assert sorted(os.listdir(tmp_path)) == [name]  # no stray `a`, `pctA.db` or `w`
    db = open_database(path)
    try:
        with db.session() as s:
            s.add(CheckRun(check_id="c", question_slug="q", cache_key="k", status="passed"))
        assert [w.week.title for w in weeks.list_weeks(db)] == ["mine"]
    finally:
        db.close()
    assert [r.check_id for r in newest_runs(path)] == ["c"]  # verify's sqlite3 side reads the same file


@pytest.fixture
def real_db(tmp_path):
    path = tmp_path / "real.db"
    db = open_database(path)
    load_demo(db)
    db.close()
    return path


def _truncated(real_db, target):
    target.write_bytes(real_db.read_bytes()[:5000])


def _not_sqlite(_real_db, target):
    target.write_text("# my notes\nnot a database\n")


def _fifo(_real_db, target):
    os.mkfifo(target)


@pytest.mark.parametrize("make", [_truncated, _not_sqlite, _fifo])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_file_sqlite_cannot_use_is_one_line_and_exit_4(real_db, tmp_path, make, args):
    target = tmp_path / "bad.db"
    make(real_db, target)
    before = target.read_bytes() if target.is_file() else None
    result = run(*args, "--db", target)
    assert_one_line(result, DATABASE_UNAVAILABLE, str(target))
    assert (target.read_bytes() if target.is_file() else None) == before


@pytest.mark.parametrize("where", ["environment", "before the command", "after it"])
def test_a_folder_as_the_database_is_one_line_and_exit_4_wherever_it_is_named(tmp_path, where):
    args = {"environment": ["week", "list"], "before the command": ["--db", tmp_path, "week", "list"],
            "after it": ["week", "list", "--db", tmp_path]}[where]
    result = run(*args, env={"STUDYLOG_DB": str(tmp_path)} if where == "environment" else None)
    assert_one_line(result, DATABASE_UNAVAILABLE, "is a folder")


@pytest.mark.parametrize("args", [["import", "missing.md"], ["export", "10000"], ["week", "show"], ["nosuch"], ["--bogus"]],
                         ids=" ".join)
def test_a_usage_error_is_one_line_naming_the_help_to_read(tmp_path, args):
    result = run("--db", tmp_path / "x.db", *args)
    assert_one_line(result, 2, "(see 'cli")  # CliRunner names the program `cli`; the console script, `studylog`
    assert not (tmp_path / "x.db").exists()


def _without_root_powers() -> list[str]:
    """A prefix that makes file permissions bind the command even when the tests run as root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to bind")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def studylog(db, *args):
    command = [*_without_root_powers(), sys.executable, "-c", "from studylog.cli import main; main()", "--db", str(db), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture
def read_only(real_db, request):
    """The demo database, made read-only as a file or through its folder (restored afterwards)."""
    target = real_db if request.param == "file" else real_db.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if request.param == "file" else 0o555)
    yield real_db
    target.chmod(mode)


@pytest.mark.parametrize("read_only", ["file", "folder"], indirect=True)
def test_a_read_only_database_is_read_and_every_write_refused_in_one_line(read_only, tmp_path):
    before = read_only.read_bytes()
    listing = studylog(read_only, "week", "list")
    assert listing.returncode == 0 and "네부캠 ai tech" in listing.stdout, listing.stderr
    post = tmp_path.parent / f"{tmp_path.name}-post.md"
    post.write_text("# [week9] 9주차\n\n## 회고\n\n좋았다\n", encoding="utf-8")
    for args in (["week", "new", "9"], ["verify", "--force"], ["import", post]):
        result = studylog(read_only, *args)
        assert result.returncode == DATABASE_UNAVAILABLE, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "is read-only" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert read_only.read_bytes() == before
    post.unlink()


@pytest.mark.parametrize("args, shown", [
    (["question", "show", "a\nb\x1b]52;c;cm0gLXJmIH4=\x07"], "\\x1b]52"),
    (["week", "show", "1\n2"], "1\\n2"),
])
def test_every_error_is_one_line_with_control_characters_shown(tmp_path, args, shown):
    result = run(*args, "--db", tmp_path / "x.db")
    assert result.exit_code in (1, 2)
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and shown in errors[0] and "\x1b" not in result.output
    assert result.output.rstrip().endswith(errors[0])


def wait_until_reading_its_input(pid: int) -> None:
    """Until the process sleeps in its read of stdin (Linux names the kernel function in /proc/PID/wchan), as it
    does when a person presses Ctrl-C at a prompt; elsewhere a moment's wait."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + 30
    while wchan.exists() and "pipe" not in wchan.read_text() and time.monotonic() < deadline:
        time.sleep(0.01)
    if not wchan.exists():
        time.sleep(1)


def test_ctrl_c_exits_130_with_one_line(demo_db):
    """A real process interrupted by SIGINT while it waits in a prompt (the quiz) ends with 130."""
    import signal

    process = subprocess.Popen([sys.executable, "-c", "from studylog.cli import main; main()", "--db", str(demo_db.path),
                                "quiz"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        shown = b""
        while b"your answer" not in shown:  # the first card is shown and the prompt waits for a line
            chunk = process.stdout.read1(4096)
            assert chunk, shown
            shown += chunk
        wait_until_reading_its_input(process.pid)  # a signal just before the read is only seen once the read returns
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)  # stdin stays open: an end of input (Ctrl-D) racing the signal ends the quiz with 0
        err = process.stderr.read()
    finally:
        process.kill()
    assert process.returncode == 130 and err.decode().strip().splitlines()[-1] == "interrupted", err


def _damage_pages_of(path, *tables: str) -> None:
    """Overwrite the root page of each table with garbage, the header and the schema left intact: SQLite opens
    the file and fails only when a command reads those tables ('database disk image is malformed')."""
    import sqlite3

    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        roots = [conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (t,)).fetchone()[0] for t in tables]
    with open(path, "r+b") as file:
        for root in roots:
            file.seek((root - 1) * size)
            file.write(b"\xfe" * size)


@pytest.mark.parametrize("args", [["search", "정규화"], ["search", "망"], ["week", "show", "4"], ["export", "4"]], ids=" ".join)
def test_a_damaged_page_is_one_line_and_exit_4_for_the_commands_that_read_it(real_db, args):
    _damage_pages_of(real_db, "section", "section_fts_data")
    result = run(*args, "--db", real_db)
    assert_one_line(result, DATABASE_UNAVAILABLE, str(real_db), "damaged")


@pytest.mark.parametrize("args, code", [
    (["week", "list"], 0), (["week", "list", "--json"], 0), (["question", "list"], 0), (["search", "abc"], 0),
    (["goal", "list"], 0), (["week", "show", "4"], 1), (["export", "4"], 1),
], ids=lambda value: " ".join(value) if isinstance(value, list) else f"exit {value}")
def test_a_reading_command_on_a_mistyped_path_creates_nothing_and_says_so(tmp_path, args, code):
    """`week list --db nonexist/x.db` read as an empty study log: it showed "no weeks yet" and left a new database
    (and its folder) at the typo."""
    typo = tmp_path / "nonexist" / "x.db"
    done = subprocess.run([sys.executable, "-c", "from studylog.cli import main; main()", *args, "--db", str(typo)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == code, done.stderr
    assert f"no study log at {typo} yet" in done.stderr.splitlines()[0]
    assert list(tmp_path.iterdir()) == []
    if "--json" in args:
        assert done.stdout.strip() == "[]"

"""Shared fixtures: real SQLite files under tmp_path, migrated by the real open_database; a fixed clock
and stored check runs for the quiz."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pytest

from studylog.journal.demo import load_demo
from studylog.store.database import Database, open_database
from studylog.store.models import CheckRun, ClaimResult

EQUALS = {"kind": "equals"}
HEAVY = ("torch", "torchvision", "textual")

PROBE = textwrap.dedent(
    f"""
    import json, sys
    from studylog.cli import cli
    try:
        cli(sys.argv[1:], prog_name="studylog", standalone_mode=False)
    finally:
        print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)
    """
)


def pytest_configure(config) -> None:
    """The processes the tests start get the environment the tests see:
    - a suite started in the background by a script (`make test &`, `nohup`) inherits SIGINT ignored, and so would
      every studylog it starts: the tests that press Ctrl-C on a real process need it as a terminal delivers it (a
      Python handler here, unlike SIG_IGN, is reset to the default in each child at exec);
    - readline, which pytest imports, exports the terminal's size as COLUMNS and LINES to the C environment only
      (not os.environ): every child would think its output 80 columns wide while the same command in-process
      does not."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    for name in ("COLUMNS", "LINES"):
        if name not in os.environ:
            os.unsetenv(name)


@pytest.fixture(autouse=True)
def no_user_config(tmp_path_factory, monkeypatch):
    """Tests never read the user's config.toml (check folders, keymap): $STUDYLOG_CONFIG names a missing file."""
    monkeypatch.setenv("STUDYLOG_CONFIG", str(tmp_path_factory.mktemp("config") / "config.toml"))


@pytest.fixture
def fresh_studylog():
    """fresh_studylog(db_path, *args, answers=""): run the CLI in a new interpreter; its stdout and
    which of torch, torchvision and textual it imported (the lazy-import rules' probe)."""

    def run(db_path, *args, answers: str = "") -> tuple[str, list[str]]:
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *map(str, args)], input=answers, capture_output=True, text=True,
            env={"STUDYLOG_DB": str(db_path), "PATH": "/usr/bin:/bin", "STUDYLOG_CONFIG": os.environ["STUDYLOG_CONFIG"]}, check=True,
        )
        return result.stdout, json.loads(result.stderr.strip().splitlines()[-1])

    return run


@pytest.fixture
def db(tmp_path, monkeypatch) -> Database:
    """A fresh, migrated, empty database; STUDYLOG_DB points at it for CLI tests."""
    path = tmp_path / "studylog.db"
    monkeypatch.setenv("STUDYLOG_DB", str(path))
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def demo_db(db) -> Database:
    """The database with the bundled demo week loaded."""
    load_demo(db)
    return db


@pytest.fixture
def evil(db) -> Database:
    """A week whose every text field carries control sequences, as a careless import could store them."""
    from control_text import BIDI, C1, CSI, OSC52
    from studylog.journal import links, questions, sections, weeks

    week = weeks.create_week(db, 3, title=f"evil {OSC52} title", course=f"c{CSI}ourse")
    section = sections.add_section(db, week.id, f"sec {CSI}", f"body {OSC52} end {C1} {BIDI}txt")
    questions.add_question(db, f"q {CSI}?", f"question {OSC52}", f"answer {C1}", slug="evil", week_id=week.id,
                           section_id=section.id, tags=[f"t{BIDI}ag"])
    links.add_link(db, week.id, f"link {OSC52}", url="https://x.example/")
    return db


@pytest.fixture
def t0() -> datetime:
    """The fixed clock's time: a Monday, 09:00 UTC (18:00 in Seoul)."""
    return datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def recompute(demo_db, t0):
    """recompute(check_id, label, computed, rule=EQUALS, ...): store a check run with one claim, as verify does."""

    def store(check_id, label, computed, rule=EQUALS, *, expected=None, slug="inception-v1-params", status="passed"):
        with demo_db.session() as s:
            run = CheckRun(check_id=check_id, question_slug=slug, cache_key=f"{check_id}-key", status=status, started_at=t0)
            s.add(run)
            s.flush()
            s.add(ClaimResult(
                run_id=run.id, label=label, computed=json.dumps(computed), expected=json.dumps(expected),
                rule=json.dumps(rule), verdict="holds",
            ))

    return store

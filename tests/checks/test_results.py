"""Question verdicts from stored runs: what counts as error, failing, stale and verified, one question or many."""

from __future__ import annotations

import pytest

from studylog.checks.discovery import discover
from studylog.checks.fingerprint import code_hash
from studylog.checks.recording import record_run
from studylog.checks.results import question_verdict, verdicts
from studylog.config import CHECK_PATHS_ENV_VAR
from fakebank import write_question

TWO_CHECKS = """
    from studylog.checks import check

    @check("first")
    def first(ctx):
        ctx.claim("one", 1 + 0).equals(1)

    @check("second")
    def second(ctx):
        ctx.claim("two", 1 + 1).equals(2)
"""


@pytest.fixture
def record(tmp_path, monkeypatch, db):
    """record(check_id, status, current=True): store a run of that check, of its current code or an older one."""
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_question(tmp_path, "pair", TWO_CHECKS)
    specs = {s.check_id: s for s in discover([tmp_path])}

    def store(check_id: str, status: str, current: bool = True) -> None:
        spec = specs[check_id]
        record_run(db, spec, code_hash(spec) if current else "an older version", f"key-{check_id}",
                   {"status": status, "message": "", "claims": []})

    return store


def test_a_fixed_check_that_last_errored_is_stale_not_error(db, record):
    record("first", "error", current=False)
    record("second", "passed")
    assert question_verdict(db, "pair") == "stale"
    record("first", "error")
    assert question_verdict(db, "pair") == "error"
    record("first", "passed")
    assert question_verdict(db, "pair") == "verified"


def test_a_current_failure_shows_while_another_check_is_stale_and_a_check_never_run_is_stale(db, record):
    record("first", "failed")
    assert question_verdict(db, "pair") == "failing"  # whatever "second" would say, "first" fails now
    record("first", "passed")
    assert question_verdict(db, "pair") == "stale"  # "second" never ran


def test_verdicts_of_many_questions_at_once_agree_with_one_at_a_time(db, record):
    record("first", "passed")
    record("second", "failed", current=False)
    assert verdicts(db, ["pair", "never-asked", "pair"]) == {"pair": "stale", "never-asked": "not checked"}
    assert question_verdict(db, "never-asked") == "not checked"

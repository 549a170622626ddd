"""The bundled pack passes on CPU, and each of its checks fails when fed a wrong expectation.

The wrong expectations are real edits of a copy of the check modules, run by the real runner, so a
check that could never fail would show up here.
"""

from __future__ import annotations

import shutil

import pytest

from studylog.bank.question_file import iter_question_files
from studylog.checks.discovery import discover
from studylog.checks.runner import run_checks
from studylog.config import CHECK_PATHS_ENV_VAR, bundled_questions_dir
from studylog.store.database import open_database
from pack_mutations import WRONG_EXPECTATIONS

PACK = bundled_questions_dir()
WRONG = "-wrong"


def test_every_bundled_check_has_a_wrong_expectation():
    assert {spec.check_id for spec in discover([PACK])} == set(WRONG_EXPECTATIONS)


def wrong_copy(folder):
    """The pack's modules with every expectation made wrong, under check ids ending in -wrong."""
    for question in PACK.rglob("*.md"):
        (folder / question.relative_to(PACK)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(question, folder / question.relative_to(PACK))
    for module in {module for module, *_ in WRONG_EXPECTATIONS.values()}:
        source = (PACK / module).read_text(encoding="utf-8")
        for check_id, (in_module, right, wrong, _) in WRONG_EXPECTATIONS.items():
            if in_module == module:
                assert source.count(right) == 1, f"{check_id}: {right!r} should occur once in {module}"
                source = source.replace(right, wrong).replace(f'@check("{check_id}"', f'@check("{check_id}{WRONG}"')
        (folder / module).write_text(source, encoding="utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One real run of the pack and of its wrong copy together (one torch import for both), by check id."""
    folder = tmp_path_factory.mktemp("wrong")
    wrong_copy(folder)
    with pytest.MonkeyPatch.context() as env:
        env.setenv(CHECK_PATHS_ENV_VAR, str(folder))
        database = open_database(tmp_path_factory.mktemp("db") / "studylog.db")
        try:
            return {run.check_id: run for run in run_checks(database, device="cpu", jobs=2)}
        finally:
            database.close()


def test_the_bank_holds_on_cpu(runs):
    assert {c: runs[c].status for c in WRONG_EXPECTATIONS} == dict.fromkeys(WRONG_EXPECTATIONS, "passed")
    claims = {(run.check_id, claim.label): claim for run in runs.values() for claim in run.claims}
    assert claims["inception-3a-weights", "weights in inception (3a), bias excluded"].computed == 163_328
    assert claims["googlenet-torchvision-reconciled", "after every step: torchvision's num_params"].computed == 6_624_904
    audit = [c for (check_id, _), c in claims.items() if check_id == "inception-table1-rows" and not c.asserted]
    assert {c.verdict for c in audit} == {"matches", "differs"}  # rows that do not reproduce are reported, not hidden
    prompts = [(p["check"], p["claim"]) for q in iter_question_files([PACK]) for p in q.meta.get("prompts", [])]
    assert prompts and all(prompt in claims for prompt in prompts)  # the quiz grades against these claims


def test_each_check_fails_on_a_wrong_expectation(runs):
    for check_id, (*_, fragment) in WRONG_EXPECTATIONS.items():
        run = runs[check_id + WRONG]
        failing = [claim.label for claim in run.claims if claim.verdict == "fails"]
        assert run.status == "failed", (check_id, run.message)
        assert failing and all(fragment in label for label in failing), (check_id, failing)

"""Static discovery: checks are found and keyed from their source alone, and bad declarations are named."""

from __future__ import annotations

import re
import sys

import pytest

from studylog.checks.discovery import discover, select
from studylog.checks.fingerprint import code_hash, local_dependencies
from studylog.checks.source_facts import source_facts
from studylog.config import CHECK_PATHS_ENV_VAR
from studylog.errors import StudylogError
from fakebank import write_question, write_reference

CHECKS = """
    from studylog.checks import check, ref
    import helper

    @check("first", timeout=5)
    def first(ctx):
        ctx.claim("one", helper.ONE).equals(1)
        ctx.report("a count, not a measurement: it need not run alone", 3)

    @check("second", question="other-question", measures=True)
    def second(ctx):
        ctx.claim("ref", 2).compare(ref("tiny-2020", "t1", "a", "params"))
        ctx.report("a measured latency", 0.5, unit="s")
"""


@pytest.fixture
def bank(tmp_path, monkeypatch):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    module = write_question(tmp_path, "listed", CHECKS)
    (tmp_path / "helper.py").write_text("ONE = 1\n")
    write_reference(tmp_path, "tiny-2020", '[tables.t1.rows.a]\nparams = "2"\n')
    return tmp_path, module


def test_checks_are_found_without_importing_them(bank):
    folder, module = bank
    specs = [s for s in discover() if s.module == module]
    assert [(s.check_id, s.question_slug, s.function, s.timeout, s.measures) for s in specs] == [
        ("first", "listed", "first", 5, False), ("second", "other-question", "second", None, True)]
    assert [s.check_id for s in select(specs, ["other-question"])] == ["second"]
    assert "helper" not in sys.modules
    with pytest.raises(StudylogError, match="no check or question named 'nope'"):
        select(specs, ["nope"])


def test_the_code_hash_follows_the_module_its_local_imports_and_its_references(bank):
    folder, module = bank
    first, second = [s for s in discover() if s.module == module]
    assert folder / "helper.py" in local_dependencies(module)
    assert source_facts(module).named_modules == {"studylog.checks", "helper"}  # not studylog.checks.check, an attribute
    assert "studylog.checks.check" in source_facts(module).imports  # which hashing must still follow, in case
    before = code_hash(second)
    (folder / "helper.py").write_text("ONE = 1  # edited\n")
    assert code_hash(second) != before
    before = code_hash(second)
    write_reference(folder, "tiny-2020", '[tables.t1.rows.a]\nparams = "3"\n')
    assert code_hash(second) != before and code_hash(first) != code_hash(second)


@pytest.mark.parametrize("source, message", [
    ('@check(CHECK_ID)\ndef c(ctx): pass\n', "bad.py:1: @check id must be a literal"),
    ('@check("c", timeout=LIMIT)\ndef c(ctx): pass\n', "bad.py:1: @check timeout must be a literal"),
    ('@check("c", timeout=True)\ndef c(ctx): pass\n', "bad.py:1: @check timeout must be a literal"),
    ('@check("c", measures=1)\ndef c(ctx): pass\n', "bad.py:1: @check measures must be a literal"),
    ('@check("c")\ndef c(ctx):\n    ctx.claim("n", n).equals(n)\n', "bad.py:3: this claim compares n with itself"),
    ('@check("c")\ndef c(ctx):\n    ctx.claim("n", n).one_of({"a": m, "b": n})\n', "bad.py:3: this claim compares n with itself"),
    ('@check("c")\ndef c(ctx) pass\n', "bad.py:2: "),
])
def test_bad_declarations_are_named_with_file_and_line_and_hide_no_other_check(tmp_path, monkeypatch, source, message):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_question(tmp_path, "bad", source)
    write_question(tmp_path, "good", '@check("fine")\ndef fine(ctx): pass\n')
    specs = {s.question_slug: s for s in discover([tmp_path])}
    assert specs["good"].check_id == "fine" and not specs["good"].problem
    assert (specs["bad"].check_id, specs["bad"].function) == ("bad.py", "")
    assert message in specs["bad"].problem and specs["bad"].problem.startswith(str(tmp_path))


def test_a_check_id_is_used_once(tmp_path, monkeypatch):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_question(tmp_path, "a", '@check("same")\ndef c(ctx): pass\n')
    write_question(tmp_path, "b", '@check("same")\ndef c(ctx): pass\n')
    first, second = discover([tmp_path])
    assert (first.check_id, first.problem) == ("same", "")
    assert re.search(r"b.py:1: check id 'same' is already used at .*a.py:1", second.problem)


def test_checks_are_found_by_question_in_any_module_without_a_question_file(tmp_path):
    nested = tmp_path / "week5" / "norms"
    nested.mkdir(parents=True)
    (nested / "bn.py").write_text('from studylog.checks import check\n\n@check("bn-params", question="bn-q")\ndef bn(ctx): pass\n')
    (tmp_path / "helper.py").write_text("ONE = 1\n")  # no check in it: not a check module
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.py").write_text('@check("hidden", question="bn-q")\ndef x(ctx): pass\n')
    assert [(s.check_id, s.question_slug, s.module) for s in discover([tmp_path])] == [("bn-params", "bn-q", nested / "bn.py")]


def test_a_check_naming_no_question_is_reported_with_its_line(tmp_path):
    (tmp_path / "lonely.py").write_text('from studylog.checks import check\n\n\n@check("lonely")\ndef c(ctx): pass\n')
    (spec,) = discover([tmp_path])
    assert spec.problem == f"{tmp_path / 'lonely.py'}:4: @check needs question=\"...\", the id of the question it checks"


def test_a_broken_module_is_found_by_the_check_ids_and_question_its_text_names(tmp_path):
    (tmp_path / "broken.py").write_text('@check("bn-count", question="bn-q")\ndef c(ctx)\n    pass\n')
    (spec,) = select(discover([tmp_path]), ["bn-count"])
    assert spec.question_slug == "bn-q" and spec.problem.startswith(f"{tmp_path / 'broken.py'}:2: ")
    assert select(discover([tmp_path]), ["bn-q"]) == [spec]

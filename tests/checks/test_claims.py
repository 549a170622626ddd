"""Claims and rules, without any process: what holds, what fails, what is only audited, what is refused."""

from __future__ import annotations

import pytest

from studylog.checks import ClaimError, ref
from studylog.checks import rules
from studylog.checks.context import CheckContext
from studylog.checks.display import format_computed, format_expected, with_si_prefix
from studylog.checks.views import ClaimView
from studylog.checks.references import ReferenceLookupError
from studylog.config import CHECK_PATHS_ENV_VAR
from fakebank import TINY_REFERENCE, write_reference

GOOGLENET_3A_WEIGHTS = 192 * 64 + (192 * 96 + 96 * 9 * 128) + (192 * 16 + 16 * 25 * 32) + 192 * 32


@pytest.fixture
def ctx() -> CheckContext:
    return CheckContext("cpu")


def test_a_wrong_expectation_fails_and_the_check_goes_on(ctx):
    assert ctx.claim("wrong on purpose", 2 + 2).equals(5) is False
    assert ctx.claim("right", 2 + 2).equals(4) is True
    assert [c.verdict for c in ctx.claims] == ["fails", "holds"]
    assert ctx.failed


def test_rounds_to_reads_the_printed_precision_from_the_reference(ctx):
    published = ref("googlenet-2014", "table1", "inception (3a)", "params")
    assert (published.printed, published.number, published.suffix, published.digits) == ("159K", 159, "K", 0)
    # 163,328 / 1024 = 159.5: half a printed digit away, so "159K" is a correct printing with K = 1024 ...
    assert ctx.claim("K = 1024", GOOGLENET_3A_WEIGHTS).rounds_to(published, unit=1024)
    # ... and not with the decimal K the suffix means by default (163.3 prints as 163K).
    assert not ctx.claim("K = 1000", GOOGLENET_3A_WEIGHTS).rounds_to(published)
    first, second = ctx.claims
    assert first.rule == {"kind": "rounds_to", "unit": 1024, "digits": 0, "suffix": "K"}
    assert "Table 1: inception (3a) / params" in first.citation and "1409.4842" in first.citation
    assert second.rule["unit"] == 1000 and second.verdict == "fails"


def test_compare_audits_without_failing_the_check(ctx):
    published = ref("googlenet-2014", "table1", "inception (3b)", "params")
    ctx.claim("3b params", 388_096).compare(published, "rounds_to", unit=1024)
    ctx.claim("3a params", GOOGLENET_3A_WEIGHTS).compare(ref("googlenet-2014", "table1", "inception (3a)", "params"), "rounds_to", unit=1024)
    assert [(c.verdict, c.asserted) for c in ctx.claims] == [("differs", False), ("matches", False)]
    assert not ctx.failed


def test_a_compare_does_not_turn_later_rules_on_the_same_claim_into_audits(ctx):
    claim = ctx.claim("3b params", 388_096)
    claim.compare(ref("googlenet-2014", "table1", "inception (3b)", "params"), "rounds_to", unit=1024)
    assert claim.equals(388_097) is False
    assert [(c.verdict, c.asserted) for c in ctx.claims] == [("differs", False), ("fails", True)]
    assert ctx.failed


def test_one_of_evaluates_every_hypothesis_against_the_published_value(ctx):
    conv1 = ref("googlenet-2014", "table1", "convolution 7x7/2", "params")
    hypotheses = {"full 7x7x3->64": 7 * 7 * 3 * 64, "(7+7)*3*64 + 64": (7 + 7) * 3 * 64 + 64}
    assert ctx.claim("conv1 2.7K", conv1).one_of(hypotheses, rule="rounds_to", unit=1024)
    claim = ctx.claims[0]
    assert claim.expected == 2.7 and claim.computed == {"full 7x7x3->64": 9408, "(7+7)*3*64 + 64": 2752}
    assert rules.hypothesis_verdicts(claim.rule, claim.computed, claim.expected) == {"full 7x7x3->64": False, "(7+7)*3*64 + 64": True}
    assert not ctx.claim("none of them", 1_000).one_of({"a": 1, "b": 2})


def test_differs_from_asserts_that_a_mistake_changes_the_result(ctx):
    assert ctx.claim("double softmax", 6.9).differs_from(13.2, rel=1e-3)
    assert not ctx.claim("no change at all", 13.2).differs_from(13.2, rel=1e-3)
    assert ctx.claim("another list", [1, 2]).differs_from([2, 1])
    first, second, third = ctx.claims
    assert (first.verdict, second.verdict, third.verdict) == ("holds", "fails", "holds") and ctx.failed
    assert first.rule == {"kind": "differs", "rule": {"kind": "close_to", "rel": 1e-3, "abs": 0.0}}
    assert rules.describe(first.rule) == "differs from it (not within relative 0.001)"
    assert third.rule == {"kind": "differs", "rule": {"kind": "equals"}}
    assert format_expected(first) == "≠ 13.2"


def test_close_to_needs_a_tolerance_and_reports_its_rule(ctx):
    assert ctx.claim("float sum", 0.1 + 0.2).close_to(0.3, rel=1e-12)
    assert rules.describe(ctx.claims[0].rule) == "within relative 1e-12"
    with pytest.raises(ClaimError, match="rel= or abs="):
        ctx.claim("no tolerance", 0.1).close_to(0.1000001)


def test_a_claim_never_compares_a_value_with_itself(ctx):
    shape = [1, 3, 224, 224]
    with pytest.raises(ClaimError, match="with itself"):
        ctx.claim("shape", shape).equals(shape)
    cell = ("googlenet-2014", "table1", "inception (3a)", "params")
    with pytest.raises(ClaimError, match="with itself"):  # the same cited cell, read twice
        ctx.claim("3a", ref(*cell)).compare(ref(*cell), "rounds_to")
    with pytest.raises(ClaimError, match="with itself"):
        ctx.claim("3a", ref(*cell)).one_of({"the table itself": ref(*cell)}, rule="rounds_to")
    assert not ctx.claims
    assert ctx.claim("small ints are shared objects, yet 0 == 0 is a claim", 2 - 2).equals(0)


def test_a_suffixed_reference_must_say_what_its_suffix_means(ctx):
    with pytest.raises(ValueError, match="rounds_to"):
        ctx.claim("exactly 159K?", GOOGLENET_3A_WEIGHTS).equals(ref("googlenet-2014", "table1", "inception (3a)", "params"))


def test_rules_grade_plain_values_the_way_the_quiz_does():
    rule = {"kind": "rounds_to", "unit": 1024, "digits": 1, "suffix": "K"}
    assert rules.holds(rule, 2752, 2.7) and not rules.holds(rule, 9408, 2.7)
    assert rules.describe(rule) == "rounds to the printed value (K = 1024, 1 decimal: within ±0.05)"
    assert rules.holds({"kind": "equals"}, [1, 2], [1, 2]) and not rules.holds({"kind": "close_to", "rel": 0.01}, [1.0], [1.0, 2.0])


def test_reference_errors_name_the_file_and_what_it_has(tmp_path, monkeypatch):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_reference(tmp_path, "tiny-2020", TINY_REFERENCE.format(params="1,234"))
    assert ref("tiny-2020", "t1", "a", "params").value == 1234
    assert ref("tiny-2020", "t1", "a", "params").citation == "Lovelace 2020, “Tiny”, https://example.org/tiny — Table 1: a / params"
    with pytest.raises(ReferenceLookupError, match=r"tiny-2020.toml: no 'b' .*there is 'a'"):
        ref("tiny-2020", "t1", "b", "params")
    with pytest.raises(ReferenceLookupError, match="no reference file missing-1999.toml"):
        ref("missing-1999", "t1", "a", "params")


def test_efficientnet_resolutions_are_cited_to_the_reference_code_not_to_table2():
    side = ref("efficientnet-2019", "resolutions", "B7", "resolution")
    assert side.raw == 600 and "tensorflow/tpu" in side.citation and "Table 2" not in side.citation
    with pytest.raises(ReferenceLookupError, match="no 'resolution'"):
        ref("efficientnet-2019", "table2", "B7", "resolution")


def test_measurements_are_shown_with_si_prefixes_and_counts_with_separators():
    assert [with_si_prefix(v, u) for v, u in [(3.4155e10, "FLOP/s"), (0.022592, "s"), (999.9, "s"), (0.0, "s")]] == [
        "34.2 GFLOP/s", "22.6 ms", "1 ks", "0 s"]
    rate = ClaimView("rate", 1.83e9, None, {"kind": "report", "unit": "FLOP/s"}, "reported", False, "")
    count = ClaimView("params", 13_378_280, None, {"kind": "report"}, "reported", False, "")
    assert (format_computed(rate), format_computed(count)) == ("1.83 GFLOP/s", "13,378,280")

"""Grading typed numbers against recomputed claims stored in a real database, under each claim's own rule."""

from __future__ import annotations

import re

import pytest
from fsrs import Rating

from studylog.quiz.grading import NotRecomputed, gradable_prompts, rating_for
from studylog.quiz.numbers import NumberFormatError
from studylog.quiz.prompts import NumericPrompt

SLUG = "inception-v1-params"
WEIGHTS_3A = NumericPrompt("inception (3a)?", "inception-3a-weights", "weights in inception (3a), bias excluded", unit=1024)
B0_MACS = NumericPrompt("B0 multiply-adds?", "efficientnet-b0-count", "EfficientNet-B0 multiply-adds at 224 vs paper Table 2")
TABLE2 = {"kind": "rounds_to", "unit": 1_000_000_000, "digits": 2, "suffix": "B"}


def ready(db, prompt, slug=SLUG):
    (gradable,), missing = gradable_prompts(db, slug, [prompt])
    assert missing == []
    return gradable


def graded(db, prompt, typed, slug=SLUG) -> bool:
    return ready(db, prompt, slug).grade(typed).correct


def test_an_exact_claim_takes_the_exact_count_in_any_form(demo_db, recompute):
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 163_328)
    forms = {"163328": True, "163,328": True, "159.5K": True, "159.5k": True,
             "3136": False, "163K": False, "1.5e5": False, "163329": False, "163,328.5": False}
    assert {typed: graded(demo_db, WEIGHTS_3A, typed) for typed in forms} == forms


def test_k_follows_the_prompts_unit(demo_db, recompute):
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 163_328)
    decimal_k = NumericPrompt(WEIGHTS_3A.text, WEIGHTS_3A.check, WEIGHTS_3A.claim, unit=1000)
    assert graded(demo_db, WEIGHTS_3A, "159.5K") and not graded(demo_db, decimal_k, "159.5K")


def test_a_tolerance_claim_takes_what_its_tolerance_allows(demo_db, recompute):
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 163_328, {"kind": "close_to", "rel": 0.1, "abs": 0.0})
    forms = {"1.5e5": True, "1.7e5": True, "1.4e5": False, "2e5": False}
    assert {typed: graded(demo_db, WEIGHTS_3A, typed) for typed in forms} == forms


def test_a_rounding_claim_takes_any_printing_at_its_precision(demo_db, recompute):
    recompute(B0_MACS.check, B0_MACS.claim, 385_814_752, TABLE2, expected=0.39, slug="flops-vs-complexity")
    forms = {"0.39B": True, "390M": True, "385,814,752": True, "3.86e8": True,
             "0.4B": False, "0.38B": False, "771,629,504": False}
    assert {typed: graded(demo_db, B0_MACS, typed, slug="flops-vs-complexity") for typed in forms} == forms


def test_the_newest_run_is_the_one_graded_against(demo_db, recompute):
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 3_136)
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 163_328)
    assert graded(demo_db, WEIGHTS_3A, "163328") and not graded(demo_db, WEIGHTS_3A, "3136")


def test_a_typed_answer_that_is_no_number_is_not_graded(demo_db, recompute):
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 163_328)
    with pytest.raises(NumberFormatError, match="'십육만' is not a number"):
        ready(demo_db, WEIGHTS_3A).grade("십육만")


def test_a_claim_never_recomputed_says_to_run_verify(demo_db):
    assert gradable_prompts(demo_db, SLUG, [WEIGHTS_3A])[0] == []
    (reason,) = gradable_prompts(demo_db, SLUG, [WEIGHTS_3A])[1]
    assert str(reason) == "check 'inception-3a-weights' has never been recomputed; run `studylog verify inception-v1-params`"


@pytest.mark.parametrize("label, computed, rule, message", [
    ("another claim", 163_328, {"kind": "equals"}, r"latest run of 'inception-3a-weights' \(error\) has no claim"),
    (WEIGHTS_3A.claim, [12_288, 129_024], {"kind": "equals"}, r"computed \[12288, 129024\], not a number"),
    (WEIGHTS_3A.claim, 0.016, {"kind": "report", "unit": "s"}, r"is a report claim; a numeric prompt needs one of equals"),
])
def test_a_claim_that_cannot_grade_a_number_says_why(demo_db, recompute, label, computed, rule, message):
    recompute(WEIGHTS_3A.check, label, computed, rule, status="error")
    ready_now, (reason,) = gradable_prompts(demo_db, SLUG, [WEIGHTS_3A])
    assert ready_now == [] and isinstance(reason, NotRecomputed)
    assert re.search(message, str(reason))


def test_a_question_with_some_claims_recomputed_grades_those(demo_db, recompute):
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 163_328)
    ready_now, missing = gradable_prompts(demo_db, SLUG, [WEIGHTS_3A, B0_MACS])
    assert [g.prompt for g in ready_now] == [WEIGHTS_3A] and "'efficientnet-b0-count' has never been" in str(missing[0])


def test_every_number_right_is_good_any_wrong_is_again(demo_db, recompute):
    recompute(WEIGHTS_3A.check, WEIGHTS_3A.claim, 163_328)
    gradable = ready(demo_db, WEIGHTS_3A)
    right, wrong = gradable.grade("163328"), gradable.grade("3136")
    assert (rating_for([right]), rating_for([right, wrong]), rating_for([wrong])) == (Rating.Good, Rating.Again, Rating.Again)


def test_a_rounded_answer_to_an_exact_count_says_an_exact_count_is_expected(demo_db, recompute):
    from studylog.quiz.feedback import grade_line

    bn = NumericPrompt("conv1 weights?", "inception-conv1-hypotheses", "conv1 full 7x7x3->64 weights, bias excluded", unit=1000)
    recompute(bn.check, bn.claim, 7 * 7 * 3 * 64)  # 9,408
    rounded = ready(demo_db, bn).grade("9.4K")
    assert not rounded.correct
    assert "an exact count is expected: type every digit (9,408), not a rounded 9.4K" in grade_line(rounded).plain
    far = ready(demo_db, bn).grade("3136")  # wrong, but no rounding of the count: no such hint
    assert "exact count" not in grade_line(far).plain

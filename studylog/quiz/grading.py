"""Grading a typed number against the latest recomputed value of the prompt's claim, under the claim's own rule.

The recomputed value is what `studylog verify` stored, so grading never imports torch. An equals claim
accepts only the exact count (163328, 163,328, or 159.5K with K = 1024); close_to accepts what its
tolerance allows; rounds_to accepts any printing of the value at the rule's precision (159K or 160K).
"""

from __future__ import annotations

from dataclasses import dataclass

from fsrs import Rating

from studylog.checks import rules
from studylog.checks.results import latest_runs
from studylog.errors import StudylogError
from studylog.quiz.numbers import parse_number
from studylog.quiz.prompts import NumericPrompt
from studylog.store.database import Database


GRADABLE = ("equals", "close_to", "rounds_to")


class NotRecomputed(StudylogError):
    """The prompt's claim has no recomputed number to grade against."""


@dataclass(frozen=True)
class Recomputed:
    """The latest recomputed value of a claim, with the rule its check compares it under."""

    check_id: str
    label: str
    value: int | float
    rule: dict
    rule_text: str
    stale: bool  # the check's code or reference data changed since this run


@dataclass(frozen=True)
class Grade:
    """A typed answer, the number read from it, and whether the claim's rule accepts it."""

    typed: str
    value: int | float
    recomputed: Recomputed
    correct: bool

    @property
    def rating(self) -> Rating:
        """Right is Good, wrong is Again."""
        return Rating.Good if self.correct else Rating.Again


def recomputed(db: Database, question_slug: str, prompt: NumericPrompt) -> Recomputed:
    """The prompt's claim as last recomputed; NotRecomputed says why there is none."""
    verify = f"run `studylog verify {question_slug}`"
    run = next((r for r in latest_runs(db, question_slug=question_slug) if r.check_id == prompt.check), None)
    if run is None:
        raise NotRecomputed(f"check '{prompt.check}' has never been recomputed; {verify}")
    claim = next((c for c in run.claims if c.label == prompt.claim), None)
    if claim is None:
        raise NotRecomputed(f"the latest run of '{prompt.check}' ({run.status}) has no claim '{prompt.claim}'; {verify}")
    if isinstance(claim.computed, bool) or not isinstance(claim.computed, int | float):
        raise NotRecomputed(f"claim '{prompt.claim}' of '{prompt.check}' computed {claim.computed!r}, not a number")
    if claim.rule.get("kind") not in GRADABLE:
        raise NotRecomputed(f"claim '{prompt.claim}' of '{prompt.check}' is a {claim.rule.get('kind')} claim; "
                            f"a numeric prompt needs one of {', '.join(GRADABLE)}")
    return Recomputed(prompt.check, claim.label, claim.computed, claim.rule, claim.rule_text, run.stale)


def accepts(rule: dict, typed: int | float, recomputed_value: int | float) -> bool:
    """Whether the rule accepts the typed number for the recomputed value.

    For rounds_to the typed number stands where the printed value does: is it a correct printing?
    """
    if rule["kind"] == "rounds_to":
        return rules.holds(rule, recomputed_value, typed / rule["unit"])
    return rules.holds(rule, typed, recomputed_value)


def grade(typed: str, prompt: NumericPrompt, against: Recomputed) -> Grade:
    """Read the typed answer (K per the prompt's unit) and grade it; NumberFormatError when it is no number."""
    value = parse_number(typed, prompt.unit)
    return Grade(typed=typed, value=value, recomputed=against, correct=accepts(against.rule, value, against.value))

"""Grading a typed number against the latest recomputed value of the prompt's claim, under the claim's own rule.

The recomputed value is what `studylog verify` stored, so grading never imports torch. An equals claim
accepts only the exact count (163328, 163,328, or 159.5K with K = 1024); close_to accepts what its
tolerance allows; rounds_to accepts any printing of the value at the rule's precision (0.39B or 390M).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fsrs import Rating

from studylog.checks import rules
from studylog.checks.results import RunView, latest_runs
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


def accepts(rule: dict, typed: int | float, recomputed_value: int | float) -> bool:
    """Whether the rule accepts the typed number for the recomputed value.

    For rounds_to the typed number stands where the printed value does: is it a correct printing?
    """
    if rule["kind"] == "rounds_to":
        return rules.holds(rule, recomputed_value, typed / rule["unit"])
    return rules.holds(rule, typed, recomputed_value)


@dataclass(frozen=True)
class GradablePrompt:
    """A numeric prompt whose claim has a recomputed value: ready to grade what the user types."""

    prompt: NumericPrompt
    recomputed: Recomputed

    def grade(self, typed: str) -> Grade:
        """Read the typed answer (K per the prompt's unit) and grade it; NumberFormatError when it is no number."""
        value = parse_number(typed, self.prompt.unit)
        return Grade(typed, value, self.recomputed, accepts(self.recomputed.rule, value, self.recomputed.value))


def _recomputed(run: RunView | None, prompt: NumericPrompt, question_slug: str) -> Recomputed:
    verify = f"run `studylog verify {question_slug}`"
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


def gradable_prompts(
    db: Database, question_slug: str, prompts: Iterable[NumericPrompt]
) -> tuple[list[GradablePrompt], list[NotRecomputed]]:
    """The question's prompts that can be graded now, and for each of the others why it cannot."""
    runs = {run.check_id: run for run in latest_runs(db, question_slug=question_slug)}
    ready, missing = [], []
    for prompt in prompts:
        try:
            ready.append(GradablePrompt(prompt, _recomputed(runs.get(prompt.check), prompt, question_slug)))
        except NotRecomputed as exc:
            missing.append(exc)
    return ready, missing


def rating_for(grades: Iterable[Grade]) -> Rating:
    """Every number right is Good; any wrong is Again."""
    return Rating.Good if all(g.correct for g in grades) else Rating.Again

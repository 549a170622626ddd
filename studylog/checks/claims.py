"""What a check states: `ctx.claim(label, value)` and a rule, each claim evaluated and recorded at once.

A failing claim does not stop the check, so every claim of a run is reported. Asserted claims
(equals, close_to, rounds_to, one_of, differs_from) decide whether the check passes; `compare(...)` audits a
published value with a verdict matches/differs and never fails the check; `ctx.report` states a
measured value with no expectation.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping

from studylog.checks import rules
from studylog.checks.placeholder import FillIn
from studylog.checks.references import CITATIONS_JOINER, SUFFIX_MULTIPLIERS, Reference
from studylog.checks.views import ClaimView


class ClaimError(ValueError):
    """A claim that cannot be evaluated as written: a value compared with itself, a rule missing its terms."""


def plain(value):
    """A JSON value for `value`: numbers, strings, lists and dicts; tensors and numpy values via tolist()."""
    if isinstance(value, Reference):
        return value.value
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if hasattr(value, "tolist"):
        return plain(value.tolist())
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    raise ClaimError(f"cannot record a {type(value).__name__}: state a number, a string, or a list or dict of them")


def _immutable_scalar(value) -> bool:
    """Scalars are shared by the interpreter (every 0 is the same object), so identity says nothing about them;
    discovery refuses `claim("n", n).equals(n)` in the source instead."""
    return value is None or isinstance(value, (bool, int, float, str))


def _same_value(value, expected) -> bool:
    """Whether `expected` is the claimed value itself: the same object, or the same cited cell read twice."""
    if isinstance(value, Reference) and isinstance(expected, Reference):
        return value.citation == expected.citation
    return expected is value and not _immutable_scalar(expected)


class Claim:
    """A labelled value waiting for its rule; each rule method evaluates, records and returns whether it holds."""

    def __init__(self, record: Callable[[ClaimView], None], label: str, value, *, asserted: bool, citation: str):
        self._record, self.label, self.value, self.asserted, self.citation = record, label, value, asserted, citation

    def _guard(self, expected) -> None:
        if _same_value(self.value, expected):
            raise ClaimError(f"claim {self.label!r} compares a value with itself")

    def _finish(self, rule: dict, computed, expected, citation: str, *, asserted: bool | None = None) -> bool:
        """Evaluate and record; `asserted` overrides the claim's own setting for this one rule (compare)."""
        asserted = self.asserted if asserted is None else asserted
        ok = rules.holds(rule, computed, expected)
        verdict = ("holds" if ok else "fails") if asserted else ("matches" if ok else "differs")
        cited = CITATIONS_JOINER.join(c for c in (self.citation, citation) if c)
        self._record(ClaimView(self.label, computed, expected, rule, verdict, asserted, cited))
        return ok

    def _terms(self, kind: str, expected, **options) -> tuple[dict, object, str]:
        """The rule, the plain expected value and its citation for rule `kind` against `expected`."""
        citation = expected.citation if isinstance(expected, Reference) else ""
        if kind == "equals":
            return {"kind": "equals"}, plain(expected), citation
        if kind == "close_to":
            rel, abs_ = options.get("rel"), options.get("abs")
            if rel is None and abs_ is None:
                raise ClaimError(f"claim {self.label!r}: close_to needs rel= or abs=")
            return {"kind": "close_to", "rel": rel or 0.0, "abs": abs_ or 0.0}, plain(expected), citation
        if kind == "rounds_to":
            return self._rounding(expected, options.get("unit"), options.get("digits")) + (citation,)
        raise ClaimError(f"claim {self.label!r}: unknown rule {kind!r} (equals, close_to, rounds_to)")

    def _rounding(self, expected, unit, digits) -> tuple[dict, object]:
        if isinstance(expected, Reference):
            if expected.number is None:
                raise ClaimError(f"claim {self.label!r}: {expected.citation} is {expected.printed!r}, not a number")
            number, suffix, printed_digits = expected.number, expected.suffix, expected.digits
        elif isinstance(expected, numbers.Real):
            number, suffix = plain(expected), ""
            printed_digits = 0 if isinstance(expected, numbers.Integral) else None
        else:
            raise ClaimError(f"claim {self.label!r}: rounds_to needs a number or a ref(...), got {expected!r}")
        digits = printed_digits if digits is None else digits
        if digits is None:
            raise ClaimError(f"claim {self.label!r}: say how many decimals {expected} was printed with (digits=)")
        unit = SUFFIX_MULTIPLIERS[suffix] if unit is None else unit
        rule = {"kind": "rounds_to", "unit": unit, "digits": digits} | ({"suffix": suffix} if suffix else {})
        return rule, number

    def _evaluate(self, kind: str, expected, *, asserted: bool | None = None, **options) -> bool:
        if isinstance(expected, FillIn):  # a template's value not written yet: fails, saying what to write
            self._record(ClaimView(self.label, plain(self.value), str(expected), {"kind": "equals"}, "fails", True, ""))
            return False
        self._guard(expected)
        return self._finish(*self._with_value(self._terms(kind, expected, **options)), asserted=asserted)

    def equals(self, expected) -> bool:
        """The value equals `expected` exactly."""
        return self._evaluate("equals", expected)

    def close_to(self, expected, *, rel: float | None = None, abs: float | None = None) -> bool:
        """The value is within a relative (`rel`) or absolute (`abs`) tolerance of `expected`."""
        return self._evaluate("close_to", expected, rel=rel, abs=abs)

    def rounds_to(self, expected, *, unit: float | None = None, digits: int | None = None) -> bool:
        """`expected` (a ref or a number) is a correct printing of the value in units of `unit`.

        The unit defaults to the printed suffix read as decimal (K = 1000); tables with K = 1024 say so
        with unit=1024. The printed decimals come from the ref, or `digits=`.
        """
        return self._evaluate("rounds_to", expected, unit=unit, digits=digits)

    def one_of(self, hypotheses: Mapping[str, object], *, rule: str = "equals", **options) -> bool:
        """Which hypotheses reproduce the claimed value: each hypothesis's value is held against it under `rule`.

        The claim's value is what needs explaining (often a ref); it holds when at least one hypothesis does.
        """
        for value in hypotheses.values():
            self._guard(value)
        inner, expected, citation = self._terms(rule, self.value, **options)
        return self._finish({"kind": "one_of", "rule": inner}, plain(dict(hypotheses)), expected, citation)

    def differs_from(self, other, *, rel: float | None = None, abs: float | None = None) -> bool:
        """The value is not `other` (not within `rel`/`abs` of it, when given): asserts that a change matters."""
        kind = "equals" if rel is None and abs is None else "close_to"
        self._guard(other)
        inner, expected, citation = self._terms(kind, other, rel=rel, abs=abs)
        return self._finish({"kind": "differs", "rule": inner}, plain(self.value), expected, citation)

    def compare(self, published, rule: str = "equals", **options) -> bool:
        """Audit the value against a published one: verdict matches/differs, never failing the check."""
        if rule not in ("equals", "close_to", "rounds_to"):
            raise ClaimError(f"claim {self.label!r}: compare by equals, close_to or rounds_to, not {rule!r}")
        return self._evaluate(rule, published, asserted=False, **options)

    def _with_value(self, terms: tuple[dict, object, str]) -> tuple[dict, object, object, str]:
        rule, expected, citation = terms
        return rule, plain(self.value), expected, citation

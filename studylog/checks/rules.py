"""The rules a claim compares by, stored as JSON: whether a value holds under one, and what one says in words.

Pure Python on plain JSON values, so the quiz can grade a typed number with the same rule a check used:
  {"kind": "equals"}
  {"kind": "close_to", "rel": 1e-6, "abs": 0.0}
  {"kind": "rounds_to", "unit": 1024, "digits": 0, "suffix": "K"}   the printed value, to `digits` decimals
  {"kind": "one_of", "rule": {...}}      computed = {hypothesis: value}; each is held against the expected
  {"kind": "differs", "rule": {...}}     holds when the inner rule does not (a mistake shown to change the result)
  {"kind": "report", "unit": "FLOP/s"}   a measured value stated without any expectation
"""

from __future__ import annotations

import math

# A value exactly half a printed digit away (163,328 / 1024 = 159.5 printed as 159) is a tie: either rounding
# of it is a correct printing. The slack keeps ties whose division is inexact in floating point: for 385,000,000
# against 0.39B, |0.385 - 0.39| computes as 0.0050000000000000044, a hair over half of 0.01.
_ROUNDING_SLACK = 1e-9


def _pairwise(computed, expected, test) -> bool:
    if isinstance(computed, list) and isinstance(expected, list):
        return len(computed) == len(expected) and all(_pairwise(c, e, test) for c, e in zip(computed, expected))
    if isinstance(computed, (int, float)) and isinstance(expected, (int, float)):
        return test(computed, expected)
    return False


def _rounds_to(computed: float, printed: float, unit: float, digits: int) -> bool:
    """Whether `printed` (in units of `unit`, to `digits` decimals) is a correct rounding of `computed`."""
    half = 0.5 * 10.0**-digits
    return abs(computed / unit - printed) <= half * (1 + _ROUNDING_SLACK)


def hypothesis_verdicts(rule: dict, computed: dict, expected) -> dict[str, bool]:
    """For a one_of rule: whether each hypothesis (name -> computed value) holds against the expected value."""
    return {name: holds(rule["rule"], value, expected) for name, value in computed.items()}


def holds(rule: dict, computed, expected) -> bool:
    """Whether `computed` holds against `expected` under `rule`."""
    kind = rule["kind"]
    if kind == "equals":
        return computed == expected
    if kind == "close_to":
        rel, abs_ = rule.get("rel") or 0.0, rule.get("abs") or 0.0
        return _pairwise(computed, expected, lambda c, e: math.isclose(c, e, rel_tol=rel, abs_tol=abs_))
    if kind == "rounds_to":
        return _pairwise(computed, expected, lambda c, e: _rounds_to(c, e, rule["unit"], rule["digits"]))
    if kind == "one_of":
        return isinstance(computed, dict) and any(hypothesis_verdicts(rule, computed, expected).values())
    if kind == "differs":
        return not holds(rule["rule"], computed, expected)
    raise ValueError(f"rule {kind!r} compares nothing")


def _number(x: float) -> str:
    if not float(x).is_integer():
        return f"{x:g}"
    return f"{int(x):,}" if abs(x) >= 10_000 else str(int(x))


def describe(rule: dict) -> str:
    """The rule in words, for tables, the blog and the quiz."""
    kind = rule["kind"]
    if kind == "equals":
        return "equals exactly"
    if kind == "close_to":
        bounds = [f"relative {rule['rel']:g}" if rule.get("rel") else "", f"\u00b1{rule['abs']:g}" if rule.get("abs") else ""]
        return "within " + " or ".join(b for b in bounds if b)
    if kind == "rounds_to":
        unit = rule["unit"]
        scale = f"{rule['suffix']} = {_number(unit)}, " if rule.get("suffix") else (f"in units of {_number(unit)}, " if unit != 1 else "")
        return f"rounds to the printed value ({scale}{rule['digits']} decimal{'' if rule['digits'] == 1 else 's'}: within \u00b1{0.5 * 10.0 ** -rule['digits']:g})"
    if kind == "one_of":
        return f"one of the hypotheses, each {describe(rule['rule'])}"
    if kind == "differs":
        return f"differs from it (not {describe(rule['rule'])})"
    if kind == "report":
        return f"measured{' in ' + rule['unit'] if rule.get('unit') else ''}, not compared"
    raise ValueError(f"unknown rule {kind!r}")

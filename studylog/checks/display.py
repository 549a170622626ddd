"""Claims as short text for tables and posts: 163,328 · 159K (K = 1024) · ✗ full: 9,408 / ✓ seed: 2,752 · 34.2 GFLOP/s."""

from __future__ import annotations

from dataclasses import dataclass

from studylog.checks.references import CITATION_SEPARATOR, CITATIONS_JOINER, SUFFIX_MULTIPLIERS
from studylog.checks.views import ClaimView

MAX_LIST_ITEMS = 6


def format_value(value) -> str:
    """A JSON value as a person reads it: thousands separators, short floats, shortened lists."""
    if isinstance(value, bool) or value is None:
        return str(value).lower() if value is not None else "—"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) < 1e15 else f"{value:.6g}"
    if isinstance(value, list):
        shown = ", ".join(format_value(v) for v in value[:MAX_LIST_ITEMS])
        return f"[{shown}{', …' if len(value) > MAX_LIST_ITEMS else ''}]"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {format_value(v)}" for k, v in value.items())
    return str(value)


SI_PREFIXES = ((1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"))


def with_si_prefix(value: float, unit: str) -> str:
    """A measured value in its unit with an SI prefix, to 3 significant digits: '34.2 GFLOP/s', '22.6 ms'."""
    value = float(f"{value:.3g}")  # rounded first, so 999.9 becomes 1 k, not 1e+03
    scale, prefix = next(((s, p) for s, p in SI_PREFIXES if abs(value) >= s), SI_PREFIXES[-1]) if value else (1.0, "")
    return f"{value / scale:.3g} {prefix}{unit}"


def _printed(rule: dict, number) -> str:
    """A rounds_to expectation as printed, with the unit when it is not the suffix's decimal meaning."""
    suffix, unit = rule.get("suffix", ""), rule["unit"]
    text = f"{number:.{rule['digits']}f}{suffix}"
    if suffix and unit != SUFFIX_MULTIPLIERS[suffix]:
        return f"{text} ({suffix} = {_unit(unit)})"
    return text if unit == 1 or suffix else f"{text} × {_unit(unit)}"


def _unit(unit: float) -> str:
    """1024 -> '1024', 1e9 -> '10^9'."""
    exponent = len(str(int(unit))) - 1 if float(unit).is_integer() else 0
    return f"10^{exponent}" if exponent >= 3 and unit == 10**exponent else f"{unit:g}"


@dataclass(frozen=True)
class Cited:
    """One place a claim cites, read back from its citation (references._citation writes it):
    "Szegedy et al. 2014, … — Table 1: inception (3a) / params" -> the document, "Table 1", the keys."""

    document: str
    place: str = ""  # "Table 1", "Section 1"; "" when the citation names the document only
    keys: tuple[str, ...] = ()  # a table cell's (row, column); an entry's key path

    @property
    def table_cell(self) -> tuple[str, str] | None:
        """(row, column) when this is one cell of a printed table, else None."""
        return self.keys if self.place and len(self.keys) == 2 else None


def cited(citation: str) -> list[Cited]:
    """The places a claim's citation names, in order (a claim may cite its own source and its reference's)."""
    found = []
    for part in filter(None, citation.split(CITATIONS_JOINER)):
        document, _, where = part.partition(CITATION_SEPARATOR)
        place, _, path = where.partition(": ") if ": " in where else ("", "", where)
        found.append(Cited(document, place, tuple(path.split(" / ")) if path else ()))
    return found


class CitedDocuments:
    """The documents claims cite, numbered in the order first cited: a claim shows ` [1, Table 1]`, and the
    documents are listed once each under the claims (in the terminal and in a post alike)."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def number(self, document: str) -> int:
        return self.numbers.setdefault(document, len(self.numbers) + 1)

    def mark(self, claim: ClaimView) -> str:
        """` [1, Table 1] [2]`: each document the claim cites by number, with the place in it; "" for none."""
        marks = []
        for place in cited(claim.citation):
            number = self.number(place.document)
            marks.append(f"[{number}, {place.place}]" if place.place else f"[{number}]")
        return "".join(f" {m}" for m in marks)


def format_expected(claim: ClaimView) -> str:
    kind = claim.rule["kind"]
    if kind == "report":
        return "—"
    inner = claim.rule.get("rule", claim.rule)  # one_of and differs wrap the rule the value is held to
    text = _printed(inner, claim.expected) if inner.get("kind") == "rounds_to" else format_value(claim.expected)
    return f"≠ {text}" if kind == "differs" else text


def format_computed(claim: ClaimView, separator: str = " / ") -> str:
    if claim.hypotheses is not None:
        marks = claim.hypotheses
        return separator.join(f"{'✓' if marks[name] else '✗'} {name}: {format_value(v)}" for name, v in claim.computed.items())
    unit = claim.rule.get("unit") if claim.rule["kind"] == "report" else None
    if unit and isinstance(claim.computed, float):  # a measurement: its size matters, not its last digits
        return with_si_prefix(claim.computed, unit)
    return format_value(claim.computed) + (f" {unit}" if unit else "")


def held_hypotheses(claim: ClaimView) -> list[str]:
    """For a one_of claim, each hypothesis that holds with its count (`seed answer: 2,752`); [] for others."""
    return [f"{name}: {format_value(claim.computed[name])}" for name, ok in (claim.hypotheses or {}).items() if ok]


def format_computed_briefly(claim: ClaimView, separator: str = "\n") -> str:
    """The computed value; for one_of, only the hypotheses that hold and how many of all hold."""
    marks = claim.hypotheses
    if marks is None:
        return format_computed(claim)
    held = held_hypotheses(claim)
    return separator.join([*(f"✓ {text}" for text in held), f"({len(held)} of {len(marks)} hold)"])

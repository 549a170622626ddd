"""A check's claims regrouped the way a reader compares them with a paper: claims that audit the cells of one
printed table (GoogLeNet's Table 1, row by row) become that table again, rows in the order the check states
them (checks state a paper table top to bottom); every other claim stays a claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studylog.checks.display import cited
from studylog.checks.views import ClaimView

MIN_ROWS = 2  # one row of a table is a claim like any other


@dataclass
class PaperTable:
    """Claims on the cells of one printed table: `cells[row][column]` is the claim about that cell."""

    document: str
    place: str  # "Table 1"
    cells: dict[str, dict[str, ClaimView]] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        """The columns audited, in the order first met."""
        return list(dict.fromkeys(column for row in self.cells.values() for column in row))

    def column_label(self, column: str) -> str:
        """What the claims say of a column past their row's name ("params, bias excluded, K = 1024"), when all
        its claims say the same, else the column's name in the reference file."""
        rests = {_after_row(row, claims[column].label) for row, claims in self.cells.items() if column in claims}
        rest = rests.pop() if len(rests) == 1 else None
        return rest or column


def _after_row(row: str, label: str) -> str | None:
    prefix = f"{row}: "
    return label[len(prefix):] if label.startswith(prefix) else None


@dataclass(frozen=True)
class Claims:
    """Claims shown one per line, in the order stated."""

    claims: tuple[ClaimView, ...]


def _table_key(claim: ClaimView) -> tuple[str, str, str, str] | None:
    places = cited(claim.citation)
    if len(places) != 1 or places[0].table_cell is None:
        return None
    row, column = places[0].table_cell
    return places[0].document, places[0].place, row, column


def regroup(claims: tuple[ClaimView, ...]) -> list[PaperTable | Claims]:
    """The claims as paper tables (a table whose cells at least MIN_ROWS rows of claims audit, each cell once)
    and runs of other claims, each placed where its first claim was stated."""
    tables: dict[tuple[str, str], PaperTable] = {}
    for claim in claims:
        if key := _table_key(claim):
            document, place, row, column = key
            table = tables.setdefault((document, place), PaperTable(document, place))
            if column in table.cells.get(row, {}):
                continue  # a cell audited twice: the second claim stays a claim
            table.cells.setdefault(row, {})[column] = claim
    kept = {id(c) for t in tables.values() if len(t.cells) >= MIN_ROWS for row in t.cells.values() for c in row.values()}
    groups: list[PaperTable | Claims] = []
    placed: set[tuple[str, str]] = set()
    loose: list[ClaimView] = []
    for claim in claims:
        if id(claim) not in kept:
            loose.append(claim)
            continue
        if loose:
            groups.append(Claims(tuple(loose)))
            loose = []
        key = _table_key(claim)[:2]
        if key not in placed:
            placed.add(key)
            groups.append(tables[key])
    return groups + [Claims(tuple(loose))] if loose else groups

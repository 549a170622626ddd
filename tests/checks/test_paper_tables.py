"""Claims regrouped as a reader compares them with a paper: the cells of one printed table, in the order stated."""

from __future__ import annotations

from studylog.checks.paper_tables import Claims, PaperTable, regroup
from studylog.checks.views import ClaimView

DOC = "Szegedy et al. 2014, “Going deeper with convolutions”, arXiv:1409.4842"


def claim(label: str, citation: str = "") -> ClaimView:
    return ClaimView(label, 1, 1, {"kind": "equals"}, "holds", True, citation)


def cell(row: str, column: str, label: str = "") -> ClaimView:
    return claim(label or f"{row}: {column}", f"{DOC} — Table 1: {row} / {column}")


def test_cells_of_two_rows_become_the_table_where_its_first_claim_was_stated():
    before, after = claim("hand count"), claim("budget", f"{DOC} — Section 1: text / budget")
    cells = [cell("b", "params"), cell("a", "params"), cell("b", "ops"), cell("a", "ops")]
    groups = regroup((before, *cells, after))
    assert [type(g) for g in groups] == [Claims, PaperTable, Claims]
    table = groups[1]
    assert (table.document, table.place, list(table.cells), table.columns) == (DOC, "Table 1", ["b", "a"], ["params", "ops"])
    assert table.cells["a"]["ops"] is cells[3]
    assert groups[0].claims == (before,) and groups[2].claims == (after,)  # a text entry is no table row


def test_one_row_stays_claims_and_a_cell_audited_twice_keeps_its_second_claim():
    single = (cell("a", "params"), cell("a", "ops"))
    assert regroup(single) == [Claims(single)]
    twice = cell("a", "params", "a: params, K = 1000")
    groups = regroup((cell("a", "params"), cell("b", "params"), twice))
    assert isinstance(groups[0], PaperTable) and groups[1] == Claims((twice,))


def test_a_column_is_labelled_by_what_its_claims_say_past_the_row():
    table = regroup((cell("a", "params", "a: params, bias excluded"), cell("b", "params", "b: params, bias excluded"),
                     cell("a", "ops", "a: ops at 224"), cell("b", "ops", "ops of b")))[0]
    assert table.column_label("params") == "params, bias excluded"
    assert table.column_label("ops") == "ops"  # the claims say different things: the reference's column name

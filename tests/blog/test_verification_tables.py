"""A question's verification in the exported post, as a reader reads it: each check's claims as a table, the
claims that audit one printed table as that table again (rows in the order the check states them), and each
cited document once, numbered, linked only to an http(s) page — the same in Markdown and Tistory HTML."""

from __future__ import annotations

import pytest

from studylog.blog.export import export_week
from studylog.journal.weeks import find_week
from blog_visible import GFM_LIKE, tables_and_numbered_lists
from recorded_runs import record

PAPER = "Szegedy et al. 2014, “Going deeper with convolutions”, arXiv:1409.4842"
METADATA = "torchvision 0.29.1 GoogLeNet_Weights.IMAGENET1K_V1.meta"
ROWS = {"pool proj": (96, 1230), "convolution 7x7/2": (9408, 118_013_952), "inception (3a)": (163_328, 128_049_152)}
PRINTED_OPS = {"pool proj": "1M", "convolution 7x7/2": "34M", "inception (3a)": "128M"}


def cell_claims(row: str, params: int, ops: int) -> list[dict]:
    """A check auditing one row of Table 1: params stated exactly, ops against the printed M."""
    cite = f"{PAPER} — Table 1: {row} / "
    printed = int(PRINTED_OPS[row][:-1])
    return [
        {"label": f"{row}: params, bias excluded", "computed": params, "expected": params, "rule": {"kind": "equals"},
         "verdict": "holds", "asserted": True, "citation": cite + "params"},
        {"label": f"{row}: ops", "computed": ops, "expected": printed, "verdict": "matches" if round(ops / 1e6) == printed else "differs",
         "rule": {"kind": "rounds_to", "unit": 1_000_000, "digits": 0, "suffix": "M"}, "asserted": False, "citation": cite + "ops"},
    ]


BUDGET = {"label": "whole network: multiply-adds", "computed": 1_582_671_872, "expected": 1.5, "verdict": "differs",
          "rule": {"kind": "rounds_to", "unit": 1e9, "digits": 1, "suffix": "B"}, "asserted": False,
          "citation": f"{PAPER} — Section 1: text / budget"}
NUM_PARAMS = {"label": "torchvision's num_params", "computed": 6_624_904, "expected": 6_624_904, "verdict": "holds",
              "rule": {"kind": "equals"}, "asserted": True, "citation": METADATA}
HOSTILE = {"label": "a citation naming a script", "computed": 1, "expected": 1, "verdict": "holds", "rule": {"kind": "equals"},
           "asserted": True, "citation": "Mallory 2024, javascript:alert(1)"}


@pytest.fixture
def exported(demo_db):
    """The demo week exported in each format after a Table 1 audit and another check ran (question 2)."""
    claims = [c for row, (params, ops) in ROWS.items() for c in cell_claims(row, params, ops)] + [BUDGET]
    record(demo_db, "inception-table1-rows", claims)
    record(demo_db, "googlenet-torchvision-reconciled", [NUM_PARAMS, HOSTILE])
    week_id = find_week(demo_db, 4).id
    return {fmt: export_week(demo_db, week_id, fmt) for fmt in ("markdown", "tistory-html")}


def verification_html(exported: dict, fmt: str) -> str:
    html = GFM_LIKE.render(exported[fmt]) if fmt == "markdown" else exported[fmt]
    return html[html.index("검증 inception-table1-rows"):html.index("Q3.")]


def expected_ops_cell(row: str, ops: int) -> str:
    mark = "✓" if round(ops / 1e6) == int(PRINTED_OPS[row][:-1]) else "✗"
    return f"{mark} {ops:,} / {PRINTED_OPS[row]}"


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
def test_an_audited_paper_table_reads_as_the_paper_prints_it(exported, fmt):
    tables, _ = tables_and_numbered_lists(verification_html(exported, fmt))
    paper, budget = tables[0], tables[1]
    assert paper[0] == ["Table 1", "params, bias excluded", "ops"]
    assert [row[0] for row in paper[1:]] == list(ROWS)  # the check's order, not sorted
    for row, (params, ops) in ROWS.items():
        assert next(r for r in paper if r[0] == row)[1:] == [f"✓ {params:,}", expected_ops_cell(row, ops)]
    assert budget == [["claim", "computed", "expected or printed", "verdict"],
                      [f"{BUDGET['label']} [1, Section 1]", f"{BUDGET['computed']:,}", "1.5B", "✗ differs"]]


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
def test_each_document_is_cited_once_by_number_and_only_http_links_are_live(exported, fmt):
    tables, numbered = tables_and_numbered_lists(verification_html(exported, fmt))
    assert numbered == [[(PAPER, "https://arxiv.org/abs/1409.4842"), (METADATA, ""), ("Mallory 2024, javascript:alert(1)", "")]]
    reconciled = tables[2]
    assert [row[0] for row in reconciled[1:]] == [f"{NUM_PARAMS['label']} [2]", f"{HOSTILE['label']} [3]"]
    assert 'href="javascript' not in verification_html(exported, fmt)


def test_tistory_tables_scroll_sideways_on_a_phone(exported):
    html = verification_html(exported, "tistory-html")
    assert html.count("<table") == 3
    assert html.count('<div style="overflow-x:auto;') == 3  # each table in a wrapper that scrolls, not squeezed


def test_a_paper_cell_explained_by_hypotheses_names_those_that_reproduce_it(demo_db):
    def which(row: str, counts: dict, printed: float) -> dict:
        return {"label": f"{row}: which count reproduces it", "computed": counts, "expected": printed,
                "rule": {"kind": "one_of", "rule": {"kind": "rounds_to", "unit": 1e9, "digits": 1, "suffix": "B"}},
                "verdict": "holds" if any(round(c / 1e9, 1) == printed for c in counts.values()) else "fails",
                "asserted": True, "citation": f"{PAPER} — Table 1: {row} / FLOPs"}

    counts = {"18-layer": {"shortcuts A": 1_794_805_760, "no fc": 2_500_000_000}, "50-layer": {"shortcuts A": 4_100_000_000}}
    record(demo_db, "inception-table1-rows", [which("18-layer", counts["18-layer"], 1.8), which("50-layer", counts["50-layer"], 3.8)])
    html = GFM_LIKE.render(export_week(demo_db, find_week(demo_db, 4).id))
    tables, _ = tables_and_numbered_lists(html[html.index("검증 inception-table1-rows"):html.index("Q3.")])
    assert tables[0][1:] == [["18-layer", f"✓ 1.8B ← shortcuts A: {1_794_805_760:,}"],
                             ["50-layer", "✗ 3.8B: none of 1 explanations reproduces it"]]

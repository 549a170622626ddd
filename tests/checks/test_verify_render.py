"""What `studylog verify` prints, from plain run views: grouped by question › check, readable at 80 columns,
one_of claims cut to the hypotheses that hold, audit-only checks flagged, --list in local time."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rich.cells import cell_len

from studylog.checks.discovery import CheckSpec
from studylog.checks.views import ClaimView, RunView
from studylog.commands.verify_list import print_list
from studylog.commands.verify_render import print_table, summary

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)
LONG_ID = "a-check-whose-id-is-far-longer-than-any-terminal-is-wide-" * 2
ROUNDS = {"kind": "rounds_to", "unit": 1024, "digits": 1, "suffix": "K"}
HYPOTHESES = {f"hypothesis number {i} about conv1": 1000 * i for i in range(1, 12)} | {"the seed answer's (7+7)*3*64 + 64": 2752}


def run(check_id: str, claims: list[ClaimView], status: str = "passed", question: str = "inception-v1-params") -> RunView:
    return RunView(check_id, question, status, "cpu", "a CPU", "2.14", "0.29", T0, 0.5, "", tuple(claims))


RUNS = [
    run("inception-conv1-hypotheses", [
        ClaimView("conv1 params column (K = 1024): which count reproduces it", HYPOTHESES, 2.7,
                  {"kind": "one_of", "rule": ROUNDS}, "holds", True, ""),
        ClaimView("weights in inception (3a), bias excluded", 163_328, 163_328, {"kind": "equals"}, "holds", True, ""),
    ]),
    run(LONG_ID, [ClaimView("3b params", 388_096, 380, {**ROUNDS, "digits": 0}, "differs", False, "")]),
    run("flop-count-is-not-a-rate", [ClaimView("rate", 3.4155e10, None, {"kind": "report", "unit": "FLOP/s"}, "reported", False, "")],
        question="flops-vs-complexity"),
    run("raises", [], status="error", question="flops-vs-complexity"),
]


@pytest.mark.parametrize("columns", [80, 120])
def test_the_table_fits_the_terminal_and_names_each_question_and_check_once(capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    print_table(RUNS)
    lines = capsys.readouterr().out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns
    assert lines[0].split() == ["claim", "computed", "expected", "verdict"]
    headings = [line for line in lines if line.startswith(("›", "inception", "flops"))]
    assert headings[:2] == ["inception-v1-params", "› inception-conv1-hypotheses"]
    assert headings[2].startswith("› a-check-whose-id") and headings[2].endswith("…") and cell_len(headings[2]) == columns
    assert headings[3:] == ["flops-vs-complexity", "› flop-count-is-not-a-rate  · audit only: it asserts nothing, so it cannot fail",
                            "› raises"]


def test_a_one_of_claim_shows_the_hypotheses_that_hold_and_how_many_of_all(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    print_table(RUNS[:1])
    out = capsys.readouterr().out
    assert "(1 of 12 hold)" in out and "2,752" in out and "hypothesis number" not in out
    assert len(out.splitlines()) < 12


def test_rates_get_si_prefixes_and_the_summary_keeps_a_fixed_order(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    print_table(RUNS[2:3])
    assert "34.2 GFLOP/s" in capsys.readouterr().out
    assert summary(RUNS[3:] + RUNS[:3], 1.0).startswith("4 checks: 3 passed, 1 error (0 from the cache) · claims: 2 hold, 1 differs, 1 reported")
    assert summary(RUNS[:1], 1.0).startswith("1 check: 1 passed")


def test_list_groups_checks_under_their_question_in_local_time(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    try:
        module = Path("questions/week4/inception_v1_params.py")
        specs = [CheckSpec("inception-conv1-hypotheses", "inception-v1-params", module, "f", 70, None),
                 CheckSpec("never-ran", "inception-v1-params", module, "g", 90, None)]
        print_list(specs, {"inception-conv1-hypotheses": RUNS[0]})
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    lines = [line.rstrip() for line in capsys.readouterr().out.splitlines()]
    assert lines[0].split() == ["check", "line", "newest", "result", "(local", "time)"]
    assert lines[1] == "inception-v1-params  (inception_v1_params.py)"
    assert lines[2].split() == ["inception-conv1-hypotheses", "70", "passed", "on", "cpu,", "2024-03-04", "18:00"]
    assert lines[3].split() == ["never-ran", "90", "not", "run"]


def test_help_reads_its_defaults_from_the_code_and_names_every_exit_status():
    from click.testing import CliRunner

    from studylog.checks.registry import DEFAULT_TIMEOUT_S
    from studylog.cli import cli

    verify_help = CliRunner().invoke(cli, ["verify", "--help"], env={"COLUMNS": "200"}).output
    assert f"limits (default {DEFAULT_TIMEOUT_S:g})" in verify_help
    assert all(f"{code}  " in verify_help for code in "0123") and "a usage error" in verify_help
    assert "--input SHAPE[:DTYPE]" in CliRunner().invoke(cli, ["count", "--help"]).output


def test_each_cited_document_is_listed_once_and_claims_name_it_by_number_with_the_place(capsys, monkeypatch):
    from studylog.checks.references import CITATION_SEPARATOR, CITATIONS_JOINER

    paper, library = "Szegedy et al. 2014, arXiv:1409.4842", "torchvision 0.29 googlenet.py"
    table1 = f"{paper}{CITATION_SEPARATOR}Table 1: inception (3a) / params"
    cited = [ClaimView("3a params", 163_328, 159, ROUNDS, "holds", True, table1),
             ClaimView("3a and the library", 163_328, 163_328, {"kind": "equals"}, "holds", True,
                       CITATIONS_JOINER.join([table1, library])),
             ClaimView("3b params", 388_096, 380, ROUNDS, "holds", True, f"{paper}{CITATION_SEPARATOR}Table 1: inception (3b) / params")]
    monkeypatch.setenv("COLUMNS", "140")
    print_table([run("table1", cited)])
    lines = capsys.readouterr().out.splitlines()
    assert [line for line in lines if line.startswith("[")] == [f"[1] {paper}", f"[2] {library}"]
    assert sum("3a params [1, Table 1]" in line for line in lines) == 1
    assert sum("3a and the library [1, Table 1] [2]" in line for line in lines) == 1

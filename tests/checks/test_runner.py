"""The runner, end to end with real processes: every way a check can go wrong is reported while the others
pass, results are stored and cached, the cache follows the code and references, and a run can be cancelled.

The checks are tiny and import only torch, which the runner's zygote imports once per run.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from studylog.checks.results import latest_runs, question_verdict
from studylog.checks.runner import run_checks
from studylog.cli import cli
from studylog.config import CHECK_PATHS_ENV_VAR
from studylog.journal.questions import add_question
from studylog.store.database import open_database
from fakebank import TINY_REFERENCE, alive, write_question, write_reference

STURDY = """
    import torch
    from studylog.checks import check, ref

    @check("adds-up")
    def adds_up(ctx):
        ctx.claim("2 + 2 on the run's device", int(torch.tensor(2, device=ctx.device) + 2)).equals(4)
        ctx.claim("printed as 1.2K", 1234).rounds_to(ref("tiny-2020", "t1", "a", "params"))

    @check("wrong-expectation")
    def wrong_expectation(ctx):
        ctx.claim("2 + 2", 2 + 2).equals(5)
"""
CITES = """
    from studylog.checks import check
    from studylog.checks.zoo import metadata_citation

    @check("cites-torchvision")
    def cites_torchvision(ctx):
        ctx.claim("2 * 3", 2 * 3, citation=metadata_citation("Some_Weights.V1")).equals(6)
"""
FRAGILE = """
    import ctypes, os, pathlib, subprocess, sys, time
    import torch
    from studylog.checks import check

    FOLDER = pathlib.Path(os.environ["STUDYLOG_CHECK_PATHS"])

    @check("raises")
    def raises(ctx):
        ctx.claim("stated before the exception", 1 + 1).equals(2)
        raise ZeroDivisionError("on purpose")

    @check("sleeps", timeout=1)
    def sleeps(ctx):
        time.sleep(60)

    @check("exits")
    def exits(ctx):
        helper = os.fork()  # it inherits the check's pipe and keeps it open for a minute
        if helper == 0:
            time.sleep(60)
            os._exit(0)
        (FOLDER / "forked-helper.pid").write_text(str(helper))
        os._exit(3)

    @check("leaves-a-daemon")
    def leaves_a_daemon(ctx):
        daemon = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)
        (FOLDER / "daemon.pid").write_text(str(daemon.pid))
        ctx.claim("1 + 1", 1 + 1).equals(2)

    @check("greedy", memory_gb=2)
    def greedy(ctx):
        torch.empty(3_000_000_000, dtype=torch.uint8)

    @check("spins", cpu_s=1, timeout=30)
    def spins(ctx):
        while True:
            pass

    @check("segfaults")
    def segfaults(ctx):
        print("about to read address 0")
        ctypes.string_at(0)
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    """The fake questions verified once through the CLI, two checks at a time, each held to 3 s of CPU time:
    (db, json rows, exit code)."""
    folder = tmp_path_factory.mktemp("bank")
    write_question(folder, "sturdy", STURDY)
    write_question(folder, "fragile", FRAGILE)
    write_question(folder, "cites", CITES)
    write_reference(folder, "tiny-2020", TINY_REFERENCE.format(params="1.2K"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CHECK_PATHS_ENV_VAR, str(folder))
        db = open_database(folder / "studylog.db")
        for slug in ("sturdy", "fragile", "cites"):
            add_question(db, slug, slug=slug)
        args = ["verify", "sturdy", "fragile", "cites", "--json", "--jobs", "2", "--cpu-limit", "3", "--db", str(db.path)]
        result = CliRunner().invoke(cli, args)
        yield db, json.loads(result.stdout), result.exit_code
        db.close()


def test_each_failure_is_reported_while_the_other_checks_pass(bank):
    db, _rows, exit_code = bank
    runs = {r.check_id: r for r in latest_runs(db)}
    assert {k: r.status for k, r in runs.items()} == {
        "adds-up": "passed", "wrong-expectation": "failed", "cites-torchvision": "passed", "raises": "error", "sleeps": "timeout", "exits": "error",
        "leaves-a-daemon": "passed", "greedy": "error", "spins": "error", "segfaults": "error",
    }
    assert exit_code == 2
    assert runs["raises"].message.startswith("ZeroDivisionError: on purpose")
    assert [c.verdict for c in runs["raises"].claims] == ["holds"]  # claims made before the exception are kept
    assert "1 s limit" in runs["sleeps"].message and runs["sleeps"].duration_s < 5
    # its helper held the pipe for a minute: the exit is seen, not the pipe's end
    assert runs["exits"].message == "exited with status 3 before finishing" and runs["exits"].duration_s < 30
    assert runs["greedy"].message.startswith("ran out of memory (limit 2 GB): RuntimeError")
    assert runs["spins"].message.startswith("ran out of CPU time (limit 3 s of CPU)")  # --cpu-limit over its cpu_s=1
    assert runs["segfaults"].message.startswith("crashed: killed by SIGSEGV")
    assert "about to read address 0" in runs["segfaults"].message and "in segfaults" in runs["segfaults"].message
    passed = runs["adds-up"]
    assert passed.device == "cpu" and passed.torch_version.startswith("2.") and passed.device_name


def test_one_torchvision_version_string_in_runs_and_citations(bank):
    db, _rows, _exit_code = bank
    installed = importlib.metadata.version("torchvision")
    runs = {r.check_id: r for r in latest_runs(db) if r.status == "passed"}
    assert {r.torchvision_version for r in runs.values()} == {installed}  # a check importing torchvision or not
    assert runs["cites-torchvision"].claims[0].citation == f"torchvision {installed} Some_Weights.V1.meta"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a subreaper and /proc: Linux")
def test_nothing_a_check_started_outlives_verify(bank):
    db, _rows, _exit_code = bank
    helpers = {name: int((db.path.parent / f"{name}.pid").read_text()) for name in ("forked-helper", "daemon")}
    assert {name: alive(pid) for name, pid in helpers.items()} == {"forked-helper": False, "daemon": False}


def test_claims_are_stored_with_rule_citation_and_verdict(bank):
    db, rows, _exit_code = bank
    claim = next(c for r in latest_runs(db, "sturdy") for c in r.claims if c.label == "printed as 1.2K")
    assert (claim.computed, claim.expected, claim.verdict) == (1234, 1.2, "holds")
    assert claim.rule == {"kind": "rounds_to", "unit": 1000, "digits": 1, "suffix": "K"}
    assert claim.citation == "Lovelace 2020, “Tiny”, https://example.org/tiny — Table 1: a / params"
    row = next(r for r in rows if r["label"] == "printed as 1.2K")
    assert {k: row[k] for k in ("question", "check", "verdict", "device")} == {
        "question": "sturdy", "check": "adds-up", "verdict": "holds", "device": "cpu"}
    assert row["torch"] and row["citation"] == claim.citation
    assert question_verdict(db, "sturdy") == "failing" and question_verdict(db, "fragile") == "error"
    assert question_verdict(db, "never-asked") == "not checked"


def test_a_cached_verify_imports_neither_torch_nor_the_orm(bank, tmp_path):
    db, _rows, _exit_code = bank
    probe = (
        "import sys; from studylog.cli import cli\n"
        "try: cli(sys.argv[1:], prog_name='studylog')\n"
        "except SystemExit as exit: code = exit.code\n"
        "print(code, [m for m in ('torch', 'torchvision', 'sqlmodel', 'sqlalchemy') if m in sys.modules], file=sys.stderr)\n"
    )
    import subprocess

    result = subprocess.run([sys.executable, "-c", probe, "verify", "sturdy", "--db", str(db.path)], capture_output=True, text=True,
                            env={**os.environ, CHECK_PATHS_ENV_VAR: os.environ.get(CHECK_PATHS_ENV_VAR) or str(db.path.parent)})
    assert result.stderr.strip().splitlines()[-1] == "1 []"  # the wrong expectation still fails, from the cache
    assert "2 checks: 1 passed, 1 failed (2 from the cache)" in result.stdout


def test_the_cache_follows_the_check_source_and_its_reference_data(tmp_path, monkeypatch, db):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_question(tmp_path, "sturdy", STURDY)
    reference = write_reference(tmp_path, "tiny-2020", TINY_REFERENCE.format(params="1.2K"))
    edited = write_question(tmp_path, "edited", 'from studylog.checks import check\n\n@check("edited")\ndef edited(ctx):\n    ctx.claim("x", 1 + 1).equals(2)\n')
    first = {r.check_id: r for r in run_checks(db, ["sturdy", "edited"])}
    again = run_checks(db, ["sturdy", "edited"])
    assert all(r.cached for r in again) and [r.run_id for r in again] == [first[r.check_id].run_id for r in again]

    reference.write_text(reference.read_text().replace("1.2K", "1.3K"))
    edited.write_text(edited.read_text().replace("1 + 1", "1 + 2").replace("equals(2)", "equals(3)"))
    stale = {r.check_id: r.stale for r in latest_runs(db)}
    assert stale == {"adds-up": True, "wrong-expectation": False, "edited": True}
    assert question_verdict(db, "edited") == "stale"
    rerun = {r.check_id: r for r in run_checks(db, ["sturdy", "edited"])}
    assert {k: r.cached for k, r in rerun.items()} == {"adds-up": False, "wrong-expectation": True, "edited": False}
    assert rerun["adds-up"].status == "failed"  # 1234 does not print as 1.3K
    assert [r.cached for r in run_checks(db, ["adds-up"], force=True)] == [False]


def test_an_unreadable_check_module_is_an_error_of_its_question_only(tmp_path, monkeypatch, db):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_question(tmp_path, "sturdy", STURDY)
    write_reference(tmp_path, "tiny-2020", TINY_REFERENCE.format(params="1.2K"))
    write_question(tmp_path, "broken", 'from studylog.checks import check\n\n@check("b")\ndef b(ctx)\n    pass\n')
    alone = CliRunner().invoke(cli, ["verify", "adds-up", "--db", str(db.path)])
    assert alone.exit_code == 0, alone.output
    result = CliRunner().invoke(cli, ["verify", "--json", "--db", str(db.path)])
    rows = {row["check"]: row for row in json.loads(result.stdout)}
    assert result.exit_code == 2 and rows["adds-up"]["cached"] and rows["wrong-expectation"]["verdict"] == "fails"
    assert rows["broken.py"]["verdict"] == "error" and rows["broken.py"]["message"].endswith("broken.py:4: expected ':'")
    listed = CliRunner().invoke(cli, ["verify", "--list", "--db", str(db.path)], env={"COLUMNS": "80"})
    assert listed.exit_code == 0 and "broken: no such question in this database  (broken.py)" in listed.stdout
    assert next(line for line in listed.stdout.splitlines() if line.startswith("  broken.py")).split()[1:] == ["4", "error:", "expected", "':'"]
    assert question_verdict(db, "broken") == "error" and question_verdict(db, "sturdy") == "failing"
    assert [r.status for r in latest_runs(db, "broken")] == ["error"]


@pytest.mark.skipif(sys.platform == "darwin", reason="Apple silicon has MPS")
def test_a_missing_device_stops_the_run_with_one_line_and_records_nothing(tmp_path, monkeypatch, db):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_question(tmp_path, "sturdy", STURDY)
    write_reference(tmp_path, "tiny-2020", TINY_REFERENCE.format(params="1.2K"))
    result = CliRunner().invoke(cli, ["verify", "sturdy", "--device", "mps", "--jobs", "2", "--db", str(db.path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: --device mps: torch.backends.mps.is_available() is False on this machine; use --device cpu or auto"
    assert result.stdout == "" and latest_runs(db) == []


@pytest.mark.parametrize("args, message", [
    (["verify", "nope"], "Error: no check or question named 'nope'"),
    (["verify", "--device", "tpu"], "Invalid value for '--device'"),
    (["verify", "--timeout", "0"], "Invalid value for '--timeout'"),
    (["verify", "--memory-limit", "0"], "Invalid value for '--memory-limit'"),
])
def test_usage_errors_exit_3_so_1_and_2_keep_meaning_a_failed_claim_and_a_broken_check(db, args, message):
    result = CliRunner().invoke(cli, [*args, "--db", str(db.path)])
    assert result.exit_code == 3 and message in result.stderr and "Traceback" not in result.output


def test_cancel_stops_the_running_checks_and_records_nothing_of_them(tmp_path, monkeypatch, db):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path))
    write_question(tmp_path, "slow", 'import time\nfrom studylog.checks import check\n\n@check("slow", timeout=60)\ndef slow(ctx):\n    time.sleep(60)\n')
    cancel = threading.Event()
    started = time.monotonic()
    runs = run_checks(db, ["slow"], cancel=cancel, progress=lambda event: event.kind == "started" and cancel.set())
    assert runs == [] and time.monotonic() - started < 30
    assert latest_runs(db) == []


def test_list_shows_each_check_where_it_is_and_its_newest_result(bank):
    db, _rows, _exit_code = bank
    result = CliRunner().invoke(cli, ["verify", "--list", "sturdy", "--db", str(db.path)], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    heading, *rows = result.stdout.splitlines()[1:]
    assert heading == "sturdy  (sturdy.py)"
    lines = {line.split()[0]: line for line in rows}
    assert set(lines) == {"adds-up", "wrong-expectation"}
    assert lines["adds-up"].split()[1:4] == ["5", "passed", "on"] and "failed on cpu" in lines["wrong-expectation"]

"""Checks cannot reach each other or the run: a helper that patches torch on import acts in its own check only
and its result is never cached; a check holding the database's write lock is stopped and named while the
others' results are stored; Ctrl-C stops verify with 130 and leaves no process behind. Real processes,
a real SQLite file, real signals.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from studylog.checks.results import latest_runs
from studylog.checks.runner import run_checks
from studylog.cli import cli
from studylog.config import CHECK_PATHS_ENV_VAR
from fakebank import alive, write_question

CONV1_WEIGHTS = 7 * 7 * 3 * 64  # GoogLeNet's conv1, 7x7x3 -> 64 without bias: 9,408 (Szegedy et al. 2014, Table 1)

COUNTS_CONV1 = """
    from torch import nn
    from studylog.checks import check
    {imports}

    @check("{check_id}", question="{slug}")
    def counts(ctx):
        conv = nn.Conv2d(3, 64, kernel_size=7, bias=False)
        ctx.claim("conv1 weights", sum(p.numel() for p in conv.parameters())).equals({expected})
"""
TRAINS = """
    import importlib
    import torch
    from studylog.checks import check

    @check("trains", question="trains")
    def trains(ctx):  # torch wraps Optimizer.step itself on first use, and probes optional modules: not a patch
        try:
            importlib.import_module("torch.utils._cxx_pytree")  # needs the optional optree package
        except ImportError:
            pass
        layer = torch.nn.Linear(2, 1, bias=False)
        torch.nn.init.ones_(layer.weight)
        layer(torch.ones(1, 2)).sum().backward()
        torch.optim.SGD(layer.parameters(), lr=0.5).step()
        ctx.claim("weight after one step of lr 0.5 on gradient 1", layer.weight[0, 0].item()).equals(0.5)
"""
PATCHES_TORCH = "import torch.nn\ntorch.nn.Module.parameters = lambda self, recurse=True: iter(())\n"
PATCHES_THEN_FAILS = PATCHES_TORCH + "raise ImportError('half done')\n"


def test_a_helper_that_patches_torch_acts_in_its_own_check_and_is_never_cached(tmp_path, monkeypatch, db):
    helpers = tmp_path / "site"  # not beside the check modules: the zygote used to import such modules itself
    helpers.mkdir()
    (helpers / "torchpatch.py").write_text(PATCHES_TORCH)
    (helpers / "halfpatch.py").write_text(PATCHES_THEN_FAILS)
    monkeypatch.setenv("PYTHONPATH", str(helpers))
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path / "checks"))
    for slug, imports in [("patched", "import torchpatch"), ("half", "try:\n    import halfpatch\nexcept ImportError:\n    pass"),
                          ("honest", "")]:
        source = textwrap.dedent(COUNTS_CONV1).format(imports=imports, check_id=slug, slug=slug, expected=CONV1_WEIGHTS)
        write_question(tmp_path / "checks", slug, source)
    write_question(tmp_path / "checks", "trains", TRAINS)

    names = ["patched", "half", "honest", "trains"]
    first = {r.check_id: r for r in run_checks(db, names, jobs=2)}
    assert first["honest"].status == "passed" and first["honest"].claims[0].computed == CONV1_WEIGHTS
    assert first["patched"].status == "failed" and first["patched"].claims[0].computed == 0
    assert first["patched"].message.endswith("not cached: it replaced torch.nn.modules.module.Module.parameters")
    assert "not cached: importing halfpatch (ImportError: half done) failed" in first["half"].message
    again = {r.check_id: r.cached for r in run_checks(db, names)}
    assert first["trains"].status == "passed" and not first["trains"].not_cached_because, first["trains"].message
    assert again == {"honest": True, "patched": False, "half": False, "trains": True}
    stored = {r.check_id: r.cache_key for r in latest_runs(db)}
    assert stored["patched"] == stored["half"] == "" and stored["honest"]


HOLDS_THE_LOCK = """
    import sqlite3, time
    from studylog.checks import check

    @check("holds-the-lock", question="a-locker", timeout=60)
    def holds(ctx):
        connection = sqlite3.connect({db!r}, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")  # the study log's write lock, for longer than any busy timeout
        time.sleep(25)
        ctx.claim("still in its transaction", connection.in_transaction).equals(True)
"""
WAITS_FOR_THE_LOCK = """
    import sqlite3, time
    from studylog.checks import check

    @check("finishes-while-locked", question="b-quick")
    def quick(ctx):
        for _ in range(400):  # finish only once the other check holds the lock, so this result must wait
            try:
                sqlite3.connect({db!r}, timeout=0, isolation_level=None).execute("BEGIN IMMEDIATE").execute("ROLLBACK")
            except sqlite3.OperationalError:
                break
            time.sleep(0.05)
        ctx.claim("2 + 2", 2 + 2).equals(4)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/locks names the lock's holder: Linux")
def test_a_check_holding_the_database_lock_is_stopped_and_the_others_are_stored(tmp_path, monkeypatch, db):
    monkeypatch.setenv(CHECK_PATHS_ENV_VAR, str(tmp_path / "checks"))
    write_question(tmp_path / "checks", "a-locker", HOLDS_THE_LOCK.format(db=str(db.path)))
    write_question(tmp_path / "checks", "b-quick", WAITS_FOR_THE_LOCK.format(db=str(db.path)))
    result = CliRunner().invoke(cli, ["verify", "a-locker", "b-quick", "--jobs", "2", "--db", str(db.path)])
    assert result.exit_code == 2, result.output
    assert "2 checks: 1 passed, 1 error" in result.stdout and "b-quick" in result.stdout  # the table was printed
    runs = {r.check_id: r for r in latest_runs(db)}
    assert runs["finishes-while-locked"].status == "passed"
    assert runs["holds-the-lock"].status == "error"
    assert runs["holds-the-lock"].message.startswith("stopped: it held the write lock of the study log's database")
    assert runs["holds-the-lock"].duration_s < 25  # stopped, not waited out


STARTS_HELPERS_AND_WAITS = """
    import json, os, subprocess, sys, time
    from studylog.checks import check

    @check("waits", question="interrupted", timeout=120)
    def waits(ctx):
        daemon = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], start_new_session=True)
        with open({fifo!r}, "w") as fifo:
            fifo.write(json.dumps([os.getpid(), daemon.pid]) + "\\n")
        time.sleep(120)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc tells which processes are left")
def test_ctrl_c_exits_130_and_leaves_no_process_behind(tmp_path):
    fifo = tmp_path / "pids"
    os.mkfifo(fifo)
    write_question(tmp_path / "checks", "interrupted", STARTS_HELPERS_AND_WAITS.format(fifo=str(fifo)))
    env = {**os.environ, CHECK_PATHS_ENV_VAR: str(tmp_path / "checks"), "STUDYLOG_DB": str(tmp_path / "x.db")}
    verify = subprocess.Popen([sys.executable, "-c", "from studylog.cli import main; main()", "verify", "interrupted"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # the check writes its pids there once they run
    with selectors.DefaultSelector() as selector:
        selector.register(reader, selectors.EVENT_READ)
        selector.register(verify.stdout, selectors.EVENT_READ)  # readable early only if verify ended first
        line = b""
        while not line.endswith(b"\n") and (ready := selector.select(120)) and ready[0][0].fd == reader:
            line += os.read(reader, 4096)
    os.close(reader)
    assert line, verify.communicate()
    pids = json.loads(line)
    assert all(map(alive, pids))
    verify.send_signal(signal.SIGINT)
    _out, err = verify.communicate(timeout=60)
    assert verify.returncode == 130 and "Interrupted" in err and "Traceback" not in err
    assert [pid for pid in pids if alive(pid)] == []

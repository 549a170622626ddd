"""Check runs stored for a bundled check as if it had run: the claims a test states, written through the real
recorder (record_run), so export reads them as it reads any run."""

from __future__ import annotations

from studylog.checks.discovery import discover
from studylog.checks.fingerprint import code_hash
from studylog.checks.recording import record_run

WEIGHTS = {"label": "weights in inception (3a), bias excluded", "computed": 163328, "expected": 163328,
           "rule": {"kind": "equals"}, "verdict": "holds", "asserted": True, "citation": ""}
PAPER = {"label": "paper Table 1, K = 1000", "computed": 163328, "expected": 159,
         "rule": {"kind": "rounds_to", "unit": 1000, "digits": 0, "suffix": "K"}, "verdict": "differs",
         "asserted": False, "citation": "Szegedy et al. 2014 — Table 1: inception (3a) / params"}


def record(db, check_id: str, claims: list[dict], *, current: bool = True, status: str = "passed", message: str = ""):
    """Store a run of bundled check `check_id` with these claims (JSON, as a check's process sends them)."""
    spec = next(s for s in discover() if s.check_id == check_id)
    result = {"status": status, "torch_version": "2.14.1", "torchvision_version": "0.29.1", "device": "cpu",
              "device_name": "Test CPU", "duration_s": 0.5, "claims": claims, "message": message}
    record_run(db, spec, code_hash(spec) if current else "an older version", f"key-{check_id}", result)

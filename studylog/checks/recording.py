"""Storing a finished check run and its claims, in one transaction, through the store's tables."""

from __future__ import annotations

import json
from datetime import timedelta

from studylog.checks.discovery import CheckSpec
from studylog.checks.views import ClaimView, RunView
from studylog.store.database import Database
from studylog.store.models import CheckRun, ClaimResult, utcnow


def record_run(db: Database, spec: CheckSpec, code: str, key: str, result: dict) -> RunView:
    """Store the zygote's `finished` message for `spec` and return it as a RunView."""
    claims = tuple(ClaimView(**claim) for claim in result.get("claims", ()))
    run = CheckRun(
        check_id=spec.check_id, question_slug=spec.question_slug, cache_key=key, code_hash=code,
        torch_version=result.get("torch_version", ""), torchvision_version=result.get("torchvision_version", ""),
        device=result.get("device", ""), device_name=result.get("device_name", ""), status=result["status"],
        message=result.get("message", ""), duration_s=result.get("duration_s", 0.0),
        started_at=utcnow() - timedelta(seconds=result.get("duration_s", 0.0)),
    )
    with db.session() as session:
        session.add(run)
        session.flush()
        session.add_all(
            ClaimResult(
                run_id=run.id, position=i, label=c.label, computed=json.dumps(c.computed, ensure_ascii=False),
                expected=json.dumps(c.expected, ensure_ascii=False), rule=json.dumps(c.rule), verdict=c.verdict,
                asserted=c.asserted, citation=c.citation,
            )
            for i, c in enumerate(claims)
        )
    return RunView(
        run.check_id, run.question_slug, run.status, run.device, run.device_name, run.torch_version,
        run.torchvision_version, run.started_at, run.duration_s, run.message, claims,
        code_hash=code, cache_key=key, run_id=run.id,
    )

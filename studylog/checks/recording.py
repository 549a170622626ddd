"""Storing finished check runs, each with its claims in one transaction, as they finish.

The Recorder writes from a thread of its own, so the runner keeps reading the checks' events (and
enforcing their limits) while a write waits for the database; a write that finds the database locked
is retried with backoff while checks run, and for PATIENCE_S after the last one ends.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta

from studylog.checks.discovery import CheckSpec
from studylog.checks.views import NOT_CACHED, ClaimView, RunView
from studylog.store.models import CheckRun, ClaimResult, utcnow

PATIENCE_S = 30.0  # after the last check ends, how long a locked database is waited for
MAX_BACKOFF_S = 2.0


def run_view(spec: CheckSpec, code: str, key: str, result: dict, started_at: datetime | None = None) -> RunView:
    """The zygote's `finished` message for `spec` as a RunView (not stored yet: no run_id). A result that
    must not be cached (result["uncacheable"]) has no cache key and says why in its message."""
    duration = result.get("duration_s", 0.0)
    message = result.get("message", "")
    if result.get("uncacheable"):
        key = ""
        message = "\n".join(filter(None, [message, NOT_CACHED + result["uncacheable"]]))
    return RunView(
        spec.check_id, spec.question_slug, result["status"], result.get("device", ""), result.get("device_name", ""),
        result.get("torch_version", ""), result.get("torchvision_version", ""),
        started_at or utcnow() - timedelta(seconds=duration), duration, message,
        tuple(ClaimView(**claim) for claim in result.get("claims", ())), code_hash=code, cache_key=key,
    )


def store_run(db, view: RunView) -> int:
    """Store one run and its claims in one transaction; returns its id. Raises StudylogError when locked."""
    run = CheckRun(
        check_id=view.check_id, question_slug=view.question_slug, cache_key=view.cache_key, code_hash=view.code_hash,
        torch_version=view.torch_version, torchvision_version=view.torchvision_version, device=view.device,
        device_name=view.device_name, status=view.status, message=view.message, duration_s=view.duration_s,
        started_at=view.started_at,
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
            for i, c in enumerate(view.claims)
        )
    return run.id


def record_run(db, spec: CheckSpec, code: str, key: str, result: dict) -> RunView:
    """Store the zygote's `finished` message for `spec` now (no retry) and return it with its run id."""
    view = run_view(spec, code, key, result)
    return replace(view, run_id=store_run(db, view))


def _is_locked(exc: BaseException) -> bool:
    while exc is not None:
        if isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc)):
            return True
        exc = exc.__cause__ or getattr(exc, "orig", None)
    return False


class Recorder:
    """Stores RunViews in the order given, from its own thread; `waiting_s` says how long the write now
    under way has waited (the runner looks for a check holding the lock when it grows)."""

    def __init__(self, db) -> None:
        self._db, self._queue, self._done = db, queue.Queue(), threading.Event()
        self._give_up_at: float | None = None
        self._attempt_since: float | None = None
        self.stored: dict[str, int] = {}  # check id -> run id
        self.unsaved: list[RunView] = []
        self.problem = ""
        self._thread = threading.Thread(target=self._store_all, name="studylog-recorder", daemon=True)
        self._thread.start()

    def add(self, view: RunView) -> None:
        self._queue.put(view)

    @property
    def waiting_s(self) -> float:
        since = self._attempt_since
        return 0.0 if since is None else time.monotonic() - since

    def close(self, patience_s: float = PATIENCE_S) -> None:
        """Wait until every run is stored, or `patience_s` more of a locked database; then stop."""
        self._give_up_at = time.monotonic() + patience_s
        self._queue.put(None)
        self._thread.join()

    def _store_all(self) -> None:
        while (view := self._queue.get()) is not None:
            if self.problem:
                self.unsaved.append(view)
                continue
            self._store(view)

    def _store(self, view: RunView) -> None:
        delay = 0.05
        while True:
            self._attempt_since = time.monotonic()
            try:
                self.stored[view.check_id] = store_run(self._db, view)
                return
            except Exception as exc:  # noqa: BLE001 - whatever it is, the run is kept and named, not lost
                if not _is_locked(exc):
                    self.problem = str(exc).splitlines()[0]
                    self.unsaved.append(view)
                    return
                if self._give_up_at is not None and time.monotonic() >= self._give_up_at:
                    self.problem = f"{getattr(self._db, 'path', self._db)} stayed locked by another process"
                    self.unsaved.append(view)
                    return
            finally:
                self._attempt_since = None
            time.sleep(delay)
            delay = min(delay * 2, MAX_BACKOFF_S)

    def with_ids(self, view: RunView) -> RunView:
        """`view` with the id it was stored under."""
        return replace(view, run_id=self.stored.get(view.check_id))

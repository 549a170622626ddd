"""Reading stored runs with the sqlite3 module, read-only.

A cached `verify` must finish as a whole process in under 0.5 s; importing SQLModel alone takes
about 0.27 s, so reads go straight to SQLite. Writes go through the store (recording.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from studylog.checks.views import ClaimView, RunView
from studylog.errors import StudylogError
from studylog.store.sqlite_file import connect, has_data, is_file_error, unavailable

CACHEABLE = ("passed", "failed")  # outcomes a rerun of the same code on the same setup reproduces
RUN_COLUMNS = "id, check_id, question_slug, status, device, device_name, torch_version, torchvision_version, started_at, duration_s, message, code_hash, cache_key"


def _connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to exactly the database file at path, whatever its name (sqlite_file.connect)."""
    return connect(Path(path), read_only=True)


def _read_error(path: Path, exc: sqlite3.Error, what: str) -> Exception | None:
    """None when the tables are not there yet (nothing stored); else the error to raise, exit 4 for the file."""
    if str(exc).startswith("no such table"):
        return None
    if is_file_error(exc):
        return unavailable(Path(path), exc)
    return StudylogError(f"cannot read the {what} in {path}: {exc}")


def _query(path: Path, sql: str, params: Iterable = ()) -> list[RunView]:
    """Runs selected by `sql` (a SELECT of RUN_COLUMNS) with their claims; none if there is no database yet."""
    if not has_data(Path(path)):
        return []
    try:
        with closing(_connect(path)) as conn:
            rows = conn.execute(sql, list(params)).fetchall()
            claims = _claims(conn, [row[0] for row in rows])
    except sqlite3.Error as exc:
        if (error := _read_error(path, exc, "check runs")) is not None:
            raise error from None
        return []  # not migrated to the check tables yet: nothing ran
    return [_run_view(row, claims.get(row[0], ())) for row in rows]


def _claims(conn: sqlite3.Connection, run_ids: list[int]) -> dict[int, tuple[ClaimView, ...]]:
    found: dict[int, list[ClaimView]] = {}
    for start in range(0, len(run_ids), 500):
        chunk = run_ids[start : start + 500]
        sql = f"SELECT run_id, label, computed, expected, rule, verdict, asserted, citation FROM claimresult WHERE run_id IN ({','.join('?' * len(chunk))}) ORDER BY run_id, position"
        for run_id, label, computed, expected, rule, verdict, asserted, citation in conn.execute(sql, chunk):
            view = ClaimView(label, json.loads(computed), json.loads(expected), json.loads(rule), verdict, bool(asserted), citation)
            found.setdefault(run_id, []).append(view)
    return {run_id: tuple(views) for run_id, views in found.items()}


def _run_view(row: tuple, claims: tuple[ClaimView, ...]) -> RunView:
    run_id, check_id, slug, status, device, device_name, torch_v, vision_v, started, duration, message, code, key = row
    started_at = datetime.fromisoformat(started).replace(tzinfo=timezone.utc)
    return RunView(check_id, slug, status, device, device_name, torch_v, vision_v, started_at, duration, message,
                   claims, code_hash=code, cache_key=key, run_id=run_id)


def cached_runs(path: Path, keys: list[str]) -> dict[str, RunView]:
    """The newest reusable run stored under each cache key."""
    found: dict[str, RunView] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        sql = f"SELECT {RUN_COLUMNS} FROM checkrun WHERE cache_key IN ({','.join('?' * len(chunk))}) AND status IN {CACHEABLE} ORDER BY id"
        found.update((run.cache_key, run) for run in _query(path, sql, chunk))
    return found


def newest_runs(path: Path, question_slug: str | None = None) -> list[RunView]:
    """The newest run of every check that has one (of one question's checks, if given)."""
    where = "WHERE question_slug = ?" if question_slug else ""
    sql = f"SELECT {RUN_COLUMNS} FROM checkrun WHERE id IN (SELECT max(id) FROM checkrun {where} GROUP BY check_id) ORDER BY id"
    return _query(path, sql, [question_slug] if question_slug else [])


def question_slugs(path: Path) -> set[str]:
    """The ids of the questions in the database (none when there is no database yet), read with sqlite3."""
    if not has_data(Path(path)):
        return set()
    try:
        with closing(_connect(path)) as conn:
            return {slug for (slug,) in conn.execute("SELECT slug FROM question")}
    except sqlite3.Error as exc:
        if (error := _read_error(path, exc, "questions")) is not None:
            raise error from None
        return set()

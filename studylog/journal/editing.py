"""What every edit of a stored row does: refuse unknown fields, and refuse to overwrite someone else's save."""

from __future__ import annotations

from datetime import datetime

from studylog.errors import EditConflict, StudylogError


def apply_fields(row, fields: dict, allowed: set[str], what: str) -> None:
    """Set fields on row; a name the kind of row does not have is an error naming it."""
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise StudylogError(f"a {what} has no field '{unknown[0]}' (it has {', '.join(sorted(allowed))})")
    for name, value in fields.items():
        setattr(row, name, value)


def ensure_unchanged(row, expected_updated_at: datetime | None, label: str) -> None:
    """Raise EditConflict when row was saved elsewhere after the editor read it at expected_updated_at."""
    if expected_updated_at is not None and row.updated_at != expected_updated_at:
        raise EditConflict(f"{label} was changed elsewhere at {row.updated_at.astimezone():%H:%M:%S}")

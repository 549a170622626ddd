"""The new/edit week form: its fields, and turning what was typed into create_week/update_week arguments."""

from __future__ import annotations

from datetime import date

from studylog.errors import StudylogError
from studylog.tui.rows import WeekRow
from studylog.tui.screens.dialogs import Field, FormScreen


def week_form(values: dict[str, str], *, editing: bool, error: str = "") -> FormScreen:
    """The form, filled with values (as typed, or as stored)."""
    return FormScreen(
        "Edit week" if editing else "New week",
        [
            Field("number", "Week number", values.get("number", "")),
            Field("title", "Title", values.get("title", ""), "4주차 회고"),
            Field("start_date", "First day", values.get("start_date", ""), "YYYY-MM-DD"),
            Field("end_date", "Last day", values.get("end_date", ""), "YYYY-MM-DD"),
            Field("course", "Course", values.get("course", ""), "부스트캠프 AI Tech"),
        ],
        error,
    )


def values_of(row: WeekRow) -> dict[str, str]:
    """A stored week as form values."""
    return {
        "number": str(row.number), "title": row.title, "course": row.course,
        "start_date": str(row.start_date or ""), "end_date": str(row.end_date or ""),
    }


def _date(values: dict[str, str], name: str, label: str) -> date | None:
    text = values.get(name, "")
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise StudylogError(f"{label}: '{text}' is not a date like 2023-11-27") from None


def parse_week(values: dict[str, str]) -> dict:
    """create_week/update_week keyword arguments; a StudylogError names the field that is wrong."""
    number = values.get("number", "")
    if not number.isdigit():
        raise StudylogError(f"Week number: '{number}' is not a whole number")
    return {
        "number": int(number),
        "title": values.get("title", ""),
        "course": values.get("course", ""),
        "start_date": _date(values, "start_date", "First day"),
        "end_date": _date(values, "end_date", "Last day"),
    }

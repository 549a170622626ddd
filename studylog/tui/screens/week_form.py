"""The new/edit week form: its fields, and turning what was typed into create_week/update_week arguments."""

from __future__ import annotations

from datetime import date

from studylog.errors import StudylogError
from studylog.tui.rows import WeekRow
from studylog.tui.screens.dialogs import Field, FormScreen

TEMPLATE_HINTS = {
    "seed": "the seed post's sections", "kpt": "Keep / Problem / Try", "4l": "Liked / Learned / Lacked / Longed for",
    "last": "last week's sections, empty",
}


def week_form(values: dict[str, str], *, editing: bool, error: str = "", templates: tuple[str, ...] = ()) -> FormScreen:
    """The form, filled with values (as typed, or as stored); a new week's also offers templates. Enter in
    any field submits it: a new week arrives filled with its likely values (next_week_values)."""
    fields = [
        Field("number", "Week number", values.get("number", "")),
        Field("title", "Title", values.get("title", ""), "(optional) shown after [weekN]"),
        Field("start_date", "First day", values.get("start_date", ""), "YYYY-MM-DD (optional)"),
        Field("end_date", "Last day", values.get("end_date", ""), "YYYY-MM-DD (optional)"),
        Field("course", "Course", values.get("course", ""), "(none)"),
    ]
    if not editing:
        options = tuple((f"{name}: {TEMPLATE_HINTS.get(name, 'yours')}", name) for name in templates)
        fields.append(Field("template", "Template", values.get("template", ""), options=(*options, ("none: an empty week", "")),
                            hint="Enter in any field creates the week; Tab moves between fields"))
    return FormScreen("Edit week" if editing else "New week", fields, error, enter_submits=True)


def next_week_values(next_week) -> dict[str, str]:
    """A NextWeek (journal.week_start) as form values."""
    return {
        "number": str(next_week.number), "title": next_week.title, "course": next_week.course,
        "start_date": next_week.start_date.isoformat(), "end_date": next_week.end_date.isoformat(),
        "template": next_week.template,
    }


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

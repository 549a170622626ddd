"""The week a post is about, from the places a reader looks: its title (front matter or first heading),
its first line, its file name. Forms: `4주차`, `Week 4`, `week4`, `WEEK04`, `3weeks`, `[week4]`,
`Week02.md`. Never a guess: a day (`Day8`), a cohort (`6기`, `5th`) or a date is not a week.
"""

from __future__ import annotations

import re

WEEK = re.compile(
    r"(?<![0-9])(?P<a>\d{1,2})\s*주차"
    r"|(?<![A-Za-z])week[\s_-]*0*(?P<b>\d{1,2})(?![0-9])"
    r"|(?<![0-9])(?P<c>\d{1,2}) ?weeks?(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def week_in(text: str) -> int | None:
    """The week number text names, or None."""
    match = WEEK.search(text or "")
    if not match:
        return None
    number = int(match["a"] or match["b"] or match["c"])
    return number if 0 < number < 100 else None


def find_week(*places: str) -> int | None:
    """The week named by the first of places (title, first line, file name…) that names one."""
    return next((n for n in map(week_in, places) if n is not None), None)

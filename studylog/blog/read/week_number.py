"""The week a post is about, from the places a reader looks: its title (front matter or first heading),
its first line, its file name. Forms: `4주차`, `Week 4`, `week4`, `WEEK04`, `3weeks`, `[week4]`,
`Week02.md`. Never a guess: a day (`Day8`), a cohort (`6기`, `5th`) or a date is not a week.
Its dates, when the title or a first line names them as a range: `(23.03.27~23.03.31)`.
"""

from __future__ import annotations

import re
from datetime import date

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


WEEK_DATES = re.compile(
    r"(?<![\d.])(?P<sy>\d{4}|\d{2})[./-](?P<sm>\d{1,2})[./-](?P<sd>\d{1,2})\.?"  # the first day, with its year
    r"\s*[~–-]\s*(?:(?P<ey>\d{4}|\d{2})[./-])?(?P<em>\d{1,2})[./-](?P<ed>\d{1,2})\.?(?![\d.])"  # the last
)
LONGEST_WEEK = 14  # days: a bootcamp week runs Monday to Friday; a range longer than two weeks is not a week


def week_dates_in(text: str) -> tuple[date, date] | None:
    """The first and last day of a week that text names as a range, `23.03.27~23.03.31`, `2023.03.27 ~ 03.31`,
    `2024-05-06 - 2024-05-10`; None when it names none, or a range that is not a week (reversed, over 14 days)."""
    for match in WEEK_DATES.finditer(text or ""):
        year = _full_year(match["sy"])
        end_year = _full_year(match["ey"]) if match["ey"] else year
        try:
            start = date(year, int(match["sm"]), int(match["sd"]))
            end = date(end_year, int(match["em"]), int(match["ed"]))
            if end < start and not match["ey"]:  # `2023.12.29 ~ 01.04` ends in the next year
                end = end.replace(year=end_year + 1)
        except ValueError:
            continue
        if 0 <= (end - start).days <= LONGEST_WEEK:
            return start, end
    return None


def _full_year(digits: str) -> int:
    """`23` is 2023: the posts are this century's."""
    return int(digits) + (2000 if len(digits) == 2 else 0)

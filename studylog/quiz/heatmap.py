"""The review heatmap: reviews per day as a weekday-by-week grid of shaded cells (rich Text, for the CLI and the TUI)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from rich.text import Text

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# (glyph, style) from no reviews to the busiest day; the glyphs alone read without colour.
LEVELS = (("·", "grey42"), ("░", "green4"), ("▒", "green3"), ("▓", "green1"), ("█", "bold bright_green"))


def level(count: int, peak: int) -> int:
    """0 for no reviews, else 1-4 in proportion to the busiest day."""
    return 0 if count <= 0 else max(1, math.ceil((len(LEVELS) - 1) * count / max(peak, 1)))


def heatmap(reviews_per_day: dict[date, int]) -> Text:
    """A grid with a row per weekday and a column per week (oldest left), then a legend."""
    text = Text()
    if not reviews_per_day:
        return text
    first, last = min(reviews_per_day), max(reviews_per_day)
    monday = first - timedelta(days=first.weekday())
    weeks = (last - monday).days // 7 + 1
    peak = max(reviews_per_day.values())
    for weekday, name in enumerate(WEEKDAYS):
        text.append(f"{name} ", style="dim")
        for week in range(weeks):
            count = reviews_per_day.get(monday + timedelta(days=7 * week + weekday))
            if count is None:
                text.append("  ")
            else:
                glyph, style = LEVELS[level(count, peak)]
                text.append(f"{glyph} ", style=style)
        text.append("\n")
    text.append("    less ", style="dim")
    for glyph, style in LEVELS:
        text.append(f"{glyph} ", style=style)
    text.append(f"more   {first} – {last}, busiest day {peak} review{'s' * (peak != 1)}", style="dim")
    return text

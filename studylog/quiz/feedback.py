"""What a review tells the user, worded once for `studylog quiz` and the TUI's quiz screen (as rich Text or
plain strings, so stored text is never read as markup)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from fsrs import Card as FsrsCard
from fsrs import Rating
from rich.text import Text

from studylog.quiz.grading import Grade
from studylog.quiz.reviews import ReviewResult
from studylog.quiz.scheduling import RATING_NAMES, describe_interval, due_by_rating


def grade_line(grade: Grade) -> Text:
    """`✓ correct: 163,328 vs recomputed 163,328 (check …: rule)`: the verdict, both numbers, and the rule used."""
    recomputed = grade.recomputed
    line = Text("✓ correct", style="green") if grade.correct else Text("✗ wrong", style="red")
    line.append(f": {grade.value:,} vs recomputed {recomputed.value:,} ")
    stale = "; stale, `studylog verify` recomputes it" if recomputed.stale else ""
    line.append(f"(check {recomputed.check_id}: {recomputed.rule_text}{stale})", style="dim")
    if rounded_for_exact(grade):
        line.append(f"\n  an exact count is expected: type every digit ({recomputed.value:,}), not a rounded {grade.typed.strip()}")
    return line


def rounded_for_exact(grade: Grade) -> bool:
    """A wrong answer to an exact-count claim that is the count rounded (9.2K for 9,216): within 5 % of it."""
    value, exact = grade.value, grade.recomputed.value
    return (not grade.correct and grade.recomputed.rule.get("kind") == "equals" and exact != 0
            and abs(value - exact) <= 0.05 * abs(exact))


def rating_labels(card: FsrsCard, now: datetime, cram: bool) -> dict[Rating, str]:
    """`good (10m)` for each rating: its name and, unless cramming, how soon the card would be due again."""
    if cram:
        return dict(RATING_NAMES)
    return {rating: f"{RATING_NAMES[rating]} ({describe_interval(now, due)})" for rating, due in due_by_rating(card, now).items()}


def outcome(result: ReviewResult, now: datetime) -> str:
    """`→ good: next due in 10m (2024-03-04 18:10)`, or that cramming left the due date where it was; when the
    card was reviewed in another session since it was shown, says so: the interval is the one applied."""
    due = f"{result.due.astimezone():%Y-%m-%d %H:%M}"
    moved = f"cram, due date unchanged ({due})" if result.cram else f"next due in {describe_interval(now, result.due)} ({due})"
    if result.changed:
        moved += "; reviewed elsewhere since it was shown, so this is the interval applied, not the one offered"
    return f"→ {RATING_NAMES[result.rating]}: {moved}"


def tally(ratings: Counter) -> str:
    """`1 again, 2 good`: how a session's cards were rated, in rating order."""
    return ", ".join(f"{ratings[rating]} {RATING_NAMES[rating]}" for rating in Rating if ratings[rating])

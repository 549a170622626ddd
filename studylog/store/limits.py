"""The numbers the store accepts, checked before SQLite sees them (it raises OverflowError past 64 bits).

Every integer column holds SQLite's INTEGER range; a week number is also a small count of weeks.
The CLI's click types (commands/common.py) and the flush-time guard (engine.py) both read these ranges.
"""

from __future__ import annotations

from studylog.errors import StudylogError

SQLITE_INTEGERS = range(-(2**63), 2**63)  # sqlite.org/datatype3.html: INTEGER is a signed 8-byte value
WEEK_NUMBERS = range(0, 10_000)  # week 0 for an orientation week; no course runs 10,000 weeks


def _shown(value: int) -> str:
    digits = str(abs(value))
    return str(value) if len(digits) <= 24 else f"{'-' if value < 0 else ''}{digits[:6]}… ({len(digits)} digits)"


def week_number(value: int) -> int:
    """value if it is a week number studylog allows; StudylogError (one line) otherwise."""
    if value not in WEEK_NUMBERS:
        raise StudylogError(
            f"week number {_shown(value)} is out of range: weeks are numbered {WEEK_NUMBERS.start} to {WEEK_NUMBERS.stop - 1}"
        )
    return value


def storable(name: str, value: int) -> int:
    """value if SQLite can store it as an INTEGER; StudylogError naming the field otherwise."""
    if value not in SQLITE_INTEGERS:
        raise StudylogError(f"{name} {_shown(value)} is too large to store: at most 2^63 - 1 (9223372036854775807)")
    return value

"""Reading typed numbers in the forms people write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studylog.quiz.numbers import NumberFormatError, parse_number


@pytest.mark.parametrize(
    "typed, unit, value",
    [
        ("163328", 1000, 163328),
        ("163,328", 1000, 163328),
        (" 163 328 ", 1000, 163328),
        ("159.5K", 1024, 163328),
        ("159.5 k", 1024, 163328),
        ("159.5K", 1000, 159500),
        ("1.5e5", 1000, 150000),
        ("1.5E5", 1024, 150000),
        ("0.1K", 1000, 100),
        ("0.39B", 1000, 390_000_000),
        ("6.6M", 1000, 6_600_000),
        ("1G", 1024, 1024**3),
        ("-2.5", 1000, -2.5),
        (".5", 1000, 0.5),
    ],
)
def test_reads_the_forms_people_write(typed, unit, value):
    parsed = parse_number(typed, unit)
    assert parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize("typed", ["", "abc", "1,63,328", "12,34", "159.5KB", "1e", "3136개", "1.2.3", "1e9999"])
def test_rejects_what_is_not_a_number_and_says_so(typed):
    with pytest.raises(NumberFormatError, match="not a number"):
        parse_number(typed)


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_thousands_separators_read_back_exactly(n):
    assert parse_number(f"{n:,}") == n == parse_number(str(n))

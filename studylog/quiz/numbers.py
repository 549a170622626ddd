"""Reading a typed number the way people write them: 163328, 163,328, 159.5K, 1.5e5, 0.39B.

K, M and G/B multiply by unit, unit² and unit³: unit is 1000 unless the prompt says otherwise
(GoogLeNet's Table 1 counts K = 1024). Digits are read as decimals, so 0.1K is exactly 100.
"""

from __future__ import annotations

import re
from decimal import Decimal

from studylog.errors import StudylogError

SUFFIX_POWERS = {"k": 1, "m": 2, "g": 3, "b": 3}

NUMBER = re.compile(
    r"""^(?P<sign>[-+]?)
        (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)
        (?P<exponent>e[-+]?\d{1,3})?
        \s*(?P<suffix>[kmgb]?)$""",
    re.IGNORECASE | re.VERBOSE,
)


class NumberFormatError(StudylogError):
    """The typed answer is not a number studylog can read."""


def parse_number(text: str, unit: int = 1000) -> int | float:
    """The value of a typed number; an int when it is whole, so 159.5K (K = 1024) is exactly 163328."""
    match = NUMBER.match(text.strip().replace(" ", "").replace("_", ""))
    if not match:
        raise NumberFormatError(
            f"'{text}' is not a number; write it like 163328, 163,328, 159.5K or 1.5e5"
        )
    value = Decimal(match["digits"].replace(",", "") + (match["exponent"] or ""))
    value *= Decimal(unit) ** SUFFIX_POWERS.get(match["suffix"].lower(), 0)
    if match["sign"] == "-":
        value = -value
    return int(value) if value == value.to_integral_value() else float(value)

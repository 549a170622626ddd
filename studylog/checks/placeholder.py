"""`fill_in(...)`: the expected value a check template leaves for its author to write.

A claim against it always fails, and its expected value reads "fill in: <what>", so a new check can
never pass by asserting nothing; replacing `fill_in(...)` with the value makes it a real check.
"""

from __future__ import annotations

from dataclasses import dataclass

PREFIX = "fill in: "  # how the expected value of a claim against a placeholder reads, stored and shown


@dataclass(frozen=True)
class FillIn:
    """An expected value not written yet; `what` says what to write there."""

    what: str

    def __str__(self) -> str:
        return PREFIX + self.what


def fill_in(what: str) -> FillIn:
    """A placeholder expected value: claims against it fail, saying `what` to fill in."""
    return FillIn(what)

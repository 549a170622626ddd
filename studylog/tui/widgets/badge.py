"""How a question's verdict looks: a symbol and a word in the verdict's colour, the same everywhere."""

from __future__ import annotations

from collections import Counter

from rich.text import Text

VERDICTS = ("verified", "failing", "error", "stale", "not checked")

_LOOK = {
    "verified": ("✓", "bold green"),
    "failing": ("✗", "bold red"),
    "error": ("!", "bold magenta"),
    "stale": ("~", "yellow"),
    "not checked": ("·", "dim"),
}


def badge(verdict: str) -> Text:
    """`✓ verified`, `✗ failing`, … for a question's verdict."""
    symbol, style = _LOOK.get(verdict, ("?", "dim"))
    return Text(f"{symbol} {verdict}", style=style)


def symbol(verdict: str) -> Text:
    """The verdict's symbol alone, for tight places such as the week outline."""
    mark, style = _LOOK.get(verdict, ("?", "dim"))
    return Text(mark, style=style)


def summary(verdicts: list[str]) -> Text:
    """Counts per verdict, most telling first: `2✓ 1✗ 1·`; empty for a week without questions."""
    counts = Counter(verdicts)
    text = Text()
    for verdict in VERDICTS:
        if counts[verdict]:
            mark, style = _LOOK[verdict]
            text.append(f"{counts[verdict]}{mark} ", style=style)
    text.rstrip()
    return text

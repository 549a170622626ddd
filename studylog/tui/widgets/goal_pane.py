"""One of last week's goals beside the outline: its text, how it went, and the keys that record it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

if TYPE_CHECKING:
    from studylog.tui.pages import GoalItem

# status -> (symbol, style); the outline and this pane show a goal's status the same way
LOOK = {
    "open": ("○", "bold"),
    "done": ("✓", "bold green"),
    "partly": ("◐", "yellow"),
    "dropped": ("✗", "dim"),
}
CARRIED = ("→", "cyan")
KEYS_HELP = "x done · p partly · - dropped · o open again · m note · c carry every unfinished goal into this week"


def goal_symbol(goal: GoalItem) -> Text:
    """The goal's status as one symbol (→ once it is carried into this week)."""
    mark, style = CARRIED if goal.carried else LOOK.get(goal.status, ("?", "dim"))
    return Text(mark, style=style)


class GoalPane(VerticalScroll):
    """Shows the goal the outline highlights."""

    DEFAULT_CSS = "GoalPane { padding: 0 1; }"

    def compose(self):
        yield Static()

    def show(self, goal: GoalItem, week_number: int) -> None:
        text = Text(f"A goal of week {week_number}\n\n", style="dim")
        text.append(goal.text + "\n\n", style="bold")
        text.append_text(goal_symbol(goal))
        text.append(f" {goal.status}" + (f" -> {goal.note}" if goal.note else ""))
        if goal.carried:
            text.append("\ncarried into this week's goals")
        text.append(f"\n\n{KEYS_HELP}", style="dim")
        self.query_one(Static).update(text)

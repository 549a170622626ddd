"""The card under review as one growing text: the question, then what grading and rating said, in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from studylog.tui.widgets.stats_panel import StatsPanel

if TYPE_CHECKING:
    from studylog.quiz.session import Turn


class QuizCard(VerticalScroll):
    """Stored text is shown exactly as typed (never read as markup); the end of the deck adds the stats."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = Text()

    def compose(self) -> ComposeResult:
        yield Static(id="quiz-text")
        yield StatsPanel()

    def show_turn(self, turn: Turn) -> None:
        """A new card: its title, week and id, the question, and why any of its numbers cannot be graded."""
        item = turn.item
        week = f"week {item.week_number} · " if item.week_number is not None else ""
        self.text = Text(f"Q. {item.title}", style="bold")
        self.text.append(f"  ({week}{item.slug})", style="dim")
        if item.question and item.question != item.title:
            self.text.append(f"\n\n{item.question}")
        self.text.append("\n")
        for reason in turn.missing:
            self.add(Text(f"cannot grade this question's number: {reason}", style="yellow"))
        self._refresh(scroll_end=False)

    def add(self, line: Text | str) -> None:
        """One more line below the card (a grade, the revealed answer, where the card went), scrolled into view."""
        self.text.append("\n")
        self.text.append_text(line if isinstance(line, Text) else Text(line))
        self._refresh(scroll_end=True)

    def reveal(self, answer: str) -> None:
        self.add(Text(f"A. {answer or '(no answer stored)'}", style="cyan"))

    def show_end(self, message: str) -> None:
        """The deck is done (or empty): say so, and show the stats as they are now."""
        self.text = Text(message, style="bold")
        self._refresh(scroll_end=False)
        self.query_one(StatsPanel).load()

    def _refresh(self, scroll_end: bool) -> None:
        self.query_one("#quiz-text", Static).update(self.text)
        if scroll_end:
            self.call_after_refresh(self.scroll_end, animate=False)
        else:
            self.scroll_home(animate=False)

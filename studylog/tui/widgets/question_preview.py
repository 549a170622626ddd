"""A question read-only beside the week outline: title, verdict, question and answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from studylog.tui.widgets import badge

if TYPE_CHECKING:
    from studylog.tui.pages import QuestionItem


class QuestionPreview(VerticalScroll):
    """Shows one question as the outline's highlight passes over it; Enter in the outline opens it."""

    DEFAULT_CSS = "QuestionPreview { padding: 0 1; }"

    def compose(self):
        yield Static()

    def show(self, question: QuestionItem, verdict: str) -> None:
        text = Text(question.title + "\n", style="bold")
        text.append_text(badge.badge(verdict))
        text.append(f"  {question.slug} · Enter opens it\n\nQ. {question.question}\n\nA. {question.answer}")
        self.query_one(Static).update(text)

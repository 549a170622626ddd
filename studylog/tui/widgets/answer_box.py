"""Where a quiz turn is answered: each numeric prompt in turn, graded as it is typed; or a free-text answer,
then a self-rating once the stored answer shows. It reports by message; the quiz screen shows and saves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from studylog.errors import StudylogError
from studylog.tui import services
from studylog.tui.widgets.rating_bar import RatingBar

if TYPE_CHECKING:
    from fsrs import Rating

    from studylog.quiz.grading import Grade
    from studylog.quiz.session import Answer, Turn


class AnswerBox(Vertical):
    """An input titled with what it asks, a line for what was wrong with it, and the rating buttons."""

    DEFAULT_CSS = "AnswerBox { height: auto; }"

    @dataclass
    class Graded(Message):
        """A typed number was graded against its recomputed claim."""

        grade: Grade

    @dataclass
    class Revealed(Message):
        """A free-text answer was given: the stored answer should show, and the ratings be offered."""

    @dataclass
    class Answered(Message):
        """The turn is answered: the review to save."""

        answer: Answer

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.turn: Turn | None = None
        self.grades: list[Grade] = []
        self.typed = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="quiz-error")
        yield Input(id="quiz-input")
        yield RatingBar()

    def ask(self, turn: Turn) -> None:
        """Start on a turn: its first numeric prompt, or its free-text answer."""
        self.turn, self.grades, self.typed = turn, [], ""
        self._ask()

    def _ask(self) -> None:
        answer = self.query_one(Input)
        ready = self.turn.ready
        answer.border_title = ready[len(self.grades)].prompt.text if ready else "your answer (Enter reveals the stored one)"
        answer.clear()
        answer.focus()

    @on(Input.Submitted, "#quiz-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#quiz-error", Static).update("")
        if not self.turn.ready:
            self.typed = event.value
            self.post_message(self.Revealed())
            return
        try:
            grade = self.turn.ready[len(self.grades)].grade(event.value)
        except StudylogError as exc:  # not a number: say why and ask again
            self.query_one("#quiz-error", Static).update(str(exc))
            self.query_one(Input).select_all()  # what is typed next replaces it
            return
        self.grades.append(grade)
        self.post_message(self.Graded(grade))
        if len(self.grades) < len(self.turn.ready):
            self._ask()
        else:
            self.post_message(self.Answered(services.session.numeric_answer(self.grades)))

    def offer_ratings(self, labels: dict[Rating, str]) -> None:
        self.query_one(RatingBar).show(labels)

    def rate(self, number: int) -> None:
        """Rate the revealed answer with the number-th rating (1 = Again … 4 = Easy)."""
        self.query_one(RatingBar).press(number)

    def on_rating_bar_rated(self, message: RatingBar.Rated) -> None:
        message.stop()
        self.post_message(self.Answered(services.session.Answer(message.rating, self.typed, None)))

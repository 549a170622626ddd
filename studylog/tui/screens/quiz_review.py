"""The quiz screen's grading flow: a typed number graded against its recomputed claim, or a free-text answer
revealed and rated Again / Hard / Good / Easy; each review saved in a worker at the App's clock, its outcome shown."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from studylog.tui import services
from studylog.tui.reporting import background, described
from studylog.tui.widgets.answer_box import AnswerBox
from studylog.tui.widgets.quiz_card import QuizCard

if TYPE_CHECKING:
    from fsrs import Rating

    from studylog.quiz.session import Answer, Turn


class Reviewing:
    """Mixed into QuizScreen, which provides turn, cram, started, ratings, phase and home_widget()."""

    @dataclass
    class Reviewed(Message):
        rating: Rating | None  # None when the review could not be saved
        outcome: str

    def on_answer_box_graded(self, message: AnswerBox.Graded) -> None:
        self.query_one(QuizCard).add(services.feedback.grade_line(message.grade))

    def on_answer_box_revealed(self) -> None:
        self.query_one(QuizCard).reveal(self.turn.item.answer)
        self.query_one(AnswerBox).offer_ratings(
            services.feedback.rating_labels(self.turn.item.card, self.app.clock(), self.cram)
        )
        self.phase = "rating"
        self.home_widget().focus()

    def action_rate(self, number: int) -> None:
        """1-4 rate a revealed answer; otherwise they do nothing here (rather than switch screens)."""
        if self.phase == "rating":
            self.query_one(AnswerBox).rate(number)

    def on_answer_box_answered(self, message: AnswerBox.Answered) -> None:
        if message.answer.correct is False:  # a number was wrong: show what the answer says
            self.query_one(QuizCard).reveal(self.turn.item.answer)
        self.phase = "saving"
        duration_ms = round((time.monotonic() - self.started) * 1000)
        self._record(self.turn, message.answer, duration_ms, self.cram)

    @background(group="quiz-review")
    def _record(self, turn: Turn, answer: Answer, duration_ms: int, cram: bool) -> None:
        """Save one review; not exclusive, so a review on its way is never cancelled."""
        now = self.app.clock()
        try:
            result = services.reviews.record_review(
                self.app.database, turn.item.card_id, answer.rating, now,
                answer=answer.typed, correct=answer.correct, duration_ms=duration_ms, cram=cram, shown=turn.item.card,
            )
        except Exception as exc:  # the card was deleted meanwhile, say: the deck goes on either way
            self.post_message(self.Reviewed(None, f"not saved: {described(exc)}"))
            return
        self.post_message(self.Reviewed(answer.rating, services.feedback.outcome(result, now)))

    def on_reviewing_reviewed(self, message: Reviewed) -> None:
        if message.rating is not None:
            self.ratings[message.rating] += 1
        self.query_one(QuizCard).add(message.outcome)
        self.phase = "reviewed"
        self.home_widget().focus()

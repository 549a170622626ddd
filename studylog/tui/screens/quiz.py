"""The quiz: due cards one at a time. A typed number is graded against its recomputed claim; a free-text answer
is revealed and rated Again / Hard / Good / Easy. Reviews are saved in workers; cram moves no due date."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Footer, Header

from studylog.tui import keys, services
from studylog.tui.reporting import background, described, post_if_current
from studylog.tui.screens.base import DataScreen
from studylog.tui.widgets.answer_box import AnswerBox
from studylog.tui.widgets.quiz_card import QuizCard

if TYPE_CHECKING:
    from fsrs import Rating

    from studylog.quiz.session import Answer, Turn


class QuizScreen(DataScreen):
    """The deck of one week (or all), earliest due first; ctrl+t switches cramming on or off and starts again."""

    BINDINGS = keys.bindings("quiz")
    AUTO_FOCUS = "#quiz-card"

    phase: reactive[str] = reactive("loading", bindings=True)
    """What the screen waits for: loading, answering, rating, saving, reviewed or done; the screen has it as a class."""

    @dataclass
    class Loaded(Message):
        turns: list[Turn]
        empty: str  # why there is nothing to review, when turns is empty

    @dataclass
    class Reviewed(Message):
        rating: Rating | None  # None when the review could not be saved
        outcome: str

    def __init__(self, week_number: int | None = None) -> None:
        super().__init__()
        self.week_number = week_number
        self.cram = False
        self.turns: list[Turn] | None = None
        self.index = 0
        self.started = 0.0  # when the current card showed, for the review's duration
        self.ratings: Counter = Counter()

    def compose(self) -> ComposeResult:
        yield Header()
        yield QuizCard(id="quiz-card")
        yield AnswerBox()
        yield Footer()

    def watch_phase(self, old: str, new: str) -> None:
        self.remove_class(f"-{old}").add_class(f"-{new}")

    def home_widget(self) -> QuizCard:
        return self.query_one(QuizCard)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if self.turns is not None:  # back from Help or the stats: keep the card in hand, do not load again
            event.prevent_default()

    def load(self) -> None:
        self.phase = "loading"
        self._load(self.cram)

    @background(group="quiz", exclusive=True)
    def _load(self, cram: bool) -> None:
        db, now = self.app.database, self.app.clock()
        turns = services.session.turns(db, now, week_number=self.week_number, cram=cram)
        empty = "" if turns else services.session.nothing_due(
            db, now, week_number=self.week_number, cram_hint="Cram reviews them now"
        )
        post_if_current(self, self.Loaded(turns, empty))

    def on_quiz_screen_loaded(self, message: Loaded) -> None:
        self.turns, self.index, self.ratings = message.turns, 0, Counter()
        if self.turns:
            self._show_turn()
        else:
            self._end(message.empty)

    @property
    def turn(self) -> Turn:
        return self.turns[self.index]

    def _show_turn(self) -> None:
        self.started = time.monotonic()
        self._set_sub_title(f"card {self.index + 1} of {len(self.turns)}")
        self.query_one(QuizCard).show_turn(self.turn)
        self.phase = "answering"
        self.query_one(AnswerBox).ask(self.turn)

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
                answer=answer.typed, correct=answer.correct, duration_ms=duration_ms, cram=cram,
            )
        except Exception as exc:  # the card was deleted meanwhile, say: the deck goes on either way
            self.post_message(self.Reviewed(None, f"not saved: {described(exc)}"))
            return
        self.post_message(self.Reviewed(answer.rating, services.feedback.outcome(result, now)))

    def on_quiz_screen_reviewed(self, message: Reviewed) -> None:
        if message.rating is not None:
            self.ratings[message.rating] += 1
        self.query_one(QuizCard).add(message.outcome)
        self.phase = "reviewed"
        self.home_widget().focus()

    def action_next_card(self) -> None:
        self.index += 1
        if self.index < len(self.turns):
            self._show_turn()
        else:
            self._end(f"End of the deck: reviewed {services.feedback.tally(self.ratings)}.")

    def _end(self, message: str) -> None:
        self._set_sub_title("")
        self.query_one(QuizCard).show_end(message)
        self.phase = "done"
        self.home_widget().focus()

    def action_toggle_cram(self) -> None:
        """Cram reviews every card of the selection now, moving no due date; the deck starts again."""
        self.cram = not self.cram
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_card":
            return self.phase == "reviewed"
        if action == "toggle_cram":
            return self.phase != "saving"  # the review on its way belongs to this deck
        return super().check_action(action, parameters)

    def _set_sub_title(self, position: str) -> None:
        where = f"week {self.week_number}" if self.week_number is not None else "all weeks"
        self.sub_title = " · ".join(part for part in ("Quiz", where, position, "cram" if self.cram else "") if part)

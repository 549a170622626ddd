"""The quiz: due cards one at a time, of one week or all; cram reviews every card now and moves no due date.
How an answer is graded and its review saved is in quiz_review.py."""

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
from studylog.tui.reporting import background, post_if_current
from studylog.tui.screens.base import DataScreen
from studylog.tui.screens.quiz_review import Reviewing
from studylog.tui.widgets.answer_box import AnswerBox
from studylog.tui.widgets.quiz_card import QuizCard

if TYPE_CHECKING:
    from studylog.quiz.session import Turn


class QuizScreen(Reviewing, DataScreen):
    """The deck of one week (or all), earliest due first; ctrl+t switches cramming on or off and starts again."""

    BINDINGS = keys.bindings("quiz")
    AUTO_FOCUS = "#quiz-card"

    phase: reactive[str] = reactive("loading", bindings=True)
    """What the screen waits for: loading, answering, rating, saving, reviewed or done; the screen has it as a class."""

    @dataclass
    class Loaded(Message):
        turns: list[Turn]
        empty: str  # why there is nothing to review, when turns is empty

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

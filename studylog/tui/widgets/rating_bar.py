"""The four self-ratings of a revealed answer as buttons, each saying how soon the card would come back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button

if TYPE_CHECKING:
    from fsrs import Rating

VARIANTS = ("error", "warning", "success", "primary")  # Again, Hard, Good, Easy


class RatingBar(Horizontal):
    """`1 again (1m)` … `4 easy (8d)`; a press (or the screen's 1-4 keys, through press()) posts Rated."""

    DEFAULT_CSS = """
    RatingBar { height: auto; }
    RatingBar Button { width: 1fr; min-width: 0; margin-right: 1; }
    """

    @dataclass
    class Rated(Message):
        """The user rated their recall."""

        bar: RatingBar
        rating: Rating

        @property
        def control(self) -> RatingBar:
            return self.bar

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.ratings: list[Rating] = []

    def compose(self) -> ComposeResult:
        for number, variant in enumerate(VARIANTS, start=1):
            yield Button("", variant=variant, compact=True, id=f"rate-{number}")

    def show(self, labels: dict[Rating, str]) -> None:
        """Label the buttons, in rating order, with what each rating is and does."""
        self.ratings = list(labels)
        for number, (rating, label) in enumerate(labels.items(), start=1):
            self.query_one(f"#rate-{number}", Button).label = f"{int(rating)} {label}"

    def press(self, number: int) -> None:
        """Rate with the number-th rating (1 = Again … 4 = Easy)."""
        self.post_message(self.Rated(self, self.ratings[number - 1]))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.press(int(event.button.id.removeprefix("rate-")))

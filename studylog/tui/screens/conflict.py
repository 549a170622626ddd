"""Shown when a save is refused. Changed elsewhere: keep mine, or keep both to merge by hand. Deleted elsewhere:
keep the text as a new section of its week, or discard it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studylog.tui import keys
from studylog.tui.drafts import Conflict, Gone

PREVIEW_LINES = 6


def _preview(text: str) -> str:
    lines = text.splitlines()
    more = len(lines) - PREVIEW_LINES
    return "\n".join(lines[:PREVIEW_LINES]) + (f"\n… {more} more lines" if more > 0 else "")


def _side(title: str, text: str) -> Static:
    side = Static(_preview(text), markup=False, classes="conflict-side")
    side.border_title = title
    return side


class ConflictScreen(ModalScreen[str]):
    """Both versions side by side; returns "mine" or "both". Nothing is discarded either way."""

    BINDINGS = keys.bindings("conflict")

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog conflict"):
            yield Static(f"Not saved: {self.conflict.message}", classes="dialog-title")
            with VerticalScroll(), Horizontal(classes="conflict-sides"):
                yield _side("yours", self.conflict.edit.text)
                yield _side("saved elsewhere", self.conflict.theirs)
            yield Static(
                "Keep mine overwrites the other version. Keep both puts the two, marked, in your editor.",
                classes="dialog-detail",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine", variant="warning", id="mine")
                yield Button("Keep both", variant="primary", id="both")

    @on(Button.Pressed, "#mine")
    def action_keep_mine(self) -> None:
        self.dismiss("mine")

    @on(Button.Pressed, "#both")
    def action_keep_both(self) -> None:
        self.dismiss("both")


class GoneScreen(ModalScreen[str]):
    """Your text, whose section or question was deleted elsewhere; returns "keep", "discard" or "later"."""

    BINDINGS = keys.bindings("gone")

    def __init__(self, gone: Gone) -> None:
        super().__init__()
        self.gone = gone

    def compose(self) -> ComposeResult:
        where = "a new section of its week" if self.gone.week_id is not None else "a file beside the database"
        with Vertical(classes="dialog conflict"):
            yield Static(f"Not saved: {self.gone.message}", classes="dialog-title")
            with VerticalScroll():
                yield _side("yours", self.gone.edit.text)
            yield Static(f"Keep puts your text in {where}. Escape decides later.", classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Discard", variant="error", id="discard")
                yield Button("Keep", variant="primary", id="keep")

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss("keep")

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        self.dismiss("discard")

    def action_later(self) -> None:
        self.dismiss("later")


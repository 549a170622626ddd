"""Shown when a save finds the text changed elsewhere: keep mine, or keep both to merge by hand."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studylog.tui import keys
from studylog.tui.drafts import Conflict

PREVIEW_LINES = 6


def _preview(text: str) -> str:
    lines = text.splitlines()
    more = len(lines) - PREVIEW_LINES
    return "\n".join(lines[:PREVIEW_LINES]) + (f"\n… {more} more lines" if more > 0 else "")


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
                yield self._side("yours", self.conflict.edit.text)
                yield self._side("saved elsewhere", self.conflict.theirs)
            yield Static(
                "Keep mine overwrites the other version. Keep both puts the two, marked, in your editor.",
                classes="dialog-detail",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine", variant="warning", id="mine")
                yield Button("Keep both", variant="primary", id="both")

    @staticmethod
    def _side(title: str, text: str) -> Static:
        side = Static(_preview(text), markup=False, classes="conflict-side")
        side.border_title = title
        return side

    @on(Button.Pressed, "#mine")
    def action_keep_mine(self) -> None:
        self.dismiss("mine")

    @on(Button.Pressed, "#both")
    def action_keep_both(self) -> None:
        self.dismiss("both")

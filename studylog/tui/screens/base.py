"""What the data screens share: loading in workers once the database is open, and Back."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Input, TextArea

from studylog.tui import keys
from studylog.tui.widgets.draft_area import DraftArea


class DataScreen(Screen):
    """A screen filled from the database: load() starts its worker, again each time the screen returns."""

    BINDINGS = keys.bindings("back")

    def on_screen_resume(self) -> None:
        if self.app.database is not None:
            self.load()

    def on_screen_suspend(self) -> None:
        """Another screen covers this one: save what its editors hold now, not only at quit."""
        for area in self.query(DraftArea):
            area.request_save()

    def load(self) -> None:
        """Start the worker that reads what this screen shows."""
        raise NotImplementedError

    def home_widget(self):
        """Where focus goes when Back leaves an editor."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back shows only where there is somewhere to go back to."""
        if action == "back":
            return len(self.app.screen_stack) > 1 or isinstance(self.focused, (TextArea, Input))
        return True

    def action_back(self) -> None:
        """Leave the editor or input being typed in; otherwise go back a screen."""
        if isinstance(self.focused, (TextArea, Input)):
            self.home_widget().focus()
        elif len(self.app.screen_stack) > 1:
            self.dismiss()

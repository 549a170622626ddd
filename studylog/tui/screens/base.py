"""What the data screens share: loading in workers once the database is open, and Back."""

from __future__ import annotations

from textual.screen import Screen

from studylog.tui import keys


class DataScreen(Screen):
    """A screen filled from the database: load() starts its worker, again each time the screen returns."""

    BINDINGS = keys.bindings("back")

    def on_screen_resume(self) -> None:
        if self.app.database is not None:
            self.load()

    def on_screen_suspend(self) -> None:
        """Another screen covers this one: save what its editors hold now, not only at quit."""
        for area in self.query("DraftArea"):
            area.request_save()

    def load(self) -> None:
        """Start the worker that reads what this screen shows."""
        raise NotImplementedError

    def home_widget(self):
        """The screen's main list: where focus goes when Back leaves an editor, an input or a side table."""
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back shows only where there is somewhere to go back to."""
        if action == "back":
            return len(self.app.screen_stack) > 1 or self.focused is not self.home_widget()
        return True

    def action_back(self) -> None:
        """Back to the screen's main list first; from there, back a screen."""
        if self.focused is not self.home_widget():
            self.home_widget().focus()
        elif len(self.app.screen_stack) > 1:
            self.dismiss()

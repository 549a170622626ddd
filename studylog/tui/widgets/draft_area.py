"""A TextArea bound to one field of a row, that asks for its text to be saved so none is ever lost."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from studylog.tui.drafts import DraftKey, Edit

AUTOSAVE_SECONDS = 3.0
EDITING_KEYS = {"enter", "tab", "backspace", "delete", "ctrl+v"}  # keys that would replace a selection


class DraftArea(TextArea):
    """Asks for a save on losing focus, every few seconds while changed, and when it is removed."""

    DEFAULT_CSS = """
    DraftArea { border-subtitle-color: $text-muted; }
    DraftArea.-unsaved { border-subtitle-color: $warning; }
    """

    @dataclass
    class SaveRequested(Message):
        """The area's text differs from what was saved last; posted to the App, which saves it in a worker."""

        area: DraftArea
        edit: Edit

        @property
        def control(self) -> DraftArea:
            return self.area

    def __init__(
        self, key: DraftKey, text: str, *, language: str | None = "markdown", append: bool = False, **kwargs
    ) -> None:
        """append: focus arriving with the cursor still at the top puts it at the end, where more text goes (a
        question's text and answer: Tab into one must not put what is typed before what is there)."""
        super().__init__(text, language=language, soft_wrap=True, **kwargs)
        self.key = key
        self.saved_text = text
        self._requested_text = text
        self.append = append
        self._jump: Selection | None = None  # a search match selected by highlight(), not by the user

    def on_mount(self) -> None:
        self.set_interval(AUTOSAVE_SECONDS, self.request_save)

    def unsaved_edit(self) -> Edit | None:
        """The edit that would save this area, or None when nothing is unsaved."""
        return None if self.text == self.saved_text else Edit(self.key, self.text)

    def request_save(self) -> None:
        """Ask the App to save the text, unless it is saved or that save is already on its way."""
        if (edit := self.unsaved_edit()) and edit.text != self._requested_text:
            self._requested_text = edit.text
            self.app.post_message(self.SaveRequested(self, edit))  # straight to the App: this screen may be covered

    def mark_saved(self, text: str) -> None:
        """The App saved text; the subtitle says whether the area still holds more."""
        self.saved_text = self._requested_text = text
        self._show_state()

    def replace_text(self, text: str) -> None:
        """Show text that came from the database (a reload, or both sides of a conflict)."""
        self.load_text(text)
        self.saved_text = self._requested_text = text

    def discard(self) -> None:
        """Drop the unsaved text: the user deleted what it belonged to."""
        self.saved_text = self._requested_text = self.text

    def highlight(self, term: str) -> None:
        """Select the first occurrence of term (case-insensitive) and scroll to it."""
        at = self.text.lower().find(term.lower()) if term else -1
        if at < 0:
            return
        start = self.document.get_location_from_index(at)
        self.selection = self._jump = Selection(start, self.document.get_location_from_index(at + len(term)))
        self.scroll_cursor_visible(center=True)

    def on_key(self, event) -> None:
        """Runs before TextArea's own key handling: a key that would type over the search match shown selected
        types after it instead, so one keystroke never replaces text the user did not select."""
        if self._jump is not None and self.selection == self._jump and (event.is_printable or event.key in EDITING_KEYS):
            self.selection = Selection.cursor(self._jump.end)
        self._jump = None

    def on_paste(self, _event) -> None:
        if self._jump is not None and self.selection == self._jump:
            self.selection = Selection.cursor(self._jump.end)
        self._jump = None

    def on_focus(self) -> None:
        if self.append and self._jump is None and self.selection == Selection.cursor((0, 0)):
            self.move_cursor(self.document.end)

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self._show_state()

    def on_blur(self) -> None:
        self.request_save()

    def on_unmount(self) -> None:
        """Removed with its screen: the App, which outlives it, saves what is left. Removed because the app is
        ending without having saved it (a crash): the App saves it at once."""
        if self.app.is_running:
            self.request_save()
        elif edit := self.unsaved_edit():
            self.app.save_at_exit(edit)

    def _show_state(self) -> None:
        unsaved = self.text != self.saved_text
        self.set_class(unsaved, "-unsaved")
        self.border_subtitle = "edited" if unsaved else "saved"

"""The question screen's editable check module: Python highlighted, saved to its file so that nothing typed is
lost (on leaving it, every few seconds while edited, when the app ends), never over a change made elsewhere."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from studylog.errors import StudylogError
from studylog.tui import services
from studylog.tui.widgets.draft_area import AUTOSAVE_SECONDS


class CheckEditor(TextArea):
    """A check module's source; `path` is None while the question has no module (the editor is read-only then)."""

    DEFAULT_CSS = """
    CheckEditor { height: auto; max-height: 30; border-subtitle-color: $text-muted; }
    CheckEditor.-unsaved { border-subtitle-color: $warning; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__("", language="python", theme="monokai", soft_wrap=False, show_line_numbers=True,
                         tab_behavior="indent", read_only=True, **kwargs)
        self.path: Path | None = None
        self.read_text = ""  # the file as last read or written: what a save compares the disk with
        self.problem = ""  # what is wrong with the module as saved, with its line
        self.written_since_run = False  # saved (by ctrl+s, autosave or a blur) since its checks last ran

    def on_mount(self) -> None:
        self.set_interval(AUTOSAVE_SECONDS, self.write)

    @property
    def unsaved(self) -> bool:
        return self.path is not None and self.text != self.read_text

    def show_module(self, path: Path | None, text: str, *, editable: bool = True) -> None:
        """Show the module as read from disk, unless the editor holds unsaved text of that same module.
        A module that is not `editable` (the bundled pack's) is shown read-only."""
        if path == self.path and (self.unsaved or text == self.read_text):
            return  # keep the typing, or the cursor and selection when nothing changed
        self.path, self.read_text = (path if editable else None), text
        self.read_only = self.path is None
        self.border_title = (path.name + ("" if editable else " (bundled with studylog, read-only)") if path
                             else "no check module: press c to write one")
        self.load_text(text)
        self._show_state()

    def reload(self) -> None:
        """Show the module as it is on disk now (after an outside editor saved it)."""
        if self.path is not None:
            self.read_text = self.path.read_text(encoding="utf-8")
            self.load_text(self.read_text)
            self._show_state()

    def write(self) -> bool:
        """Save unsaved text to the module's file (see authoring.save_module); True when something was written."""
        if not self.unsaved:
            return False
        text = self.text
        try:
            target = services.authoring.save_module(self.path, text, self.read_text)
        except StudylogError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return False
        if target != self.path:  # changed on disk meanwhile: ours went beside it; show what is on disk now
            self.notify(f"{self.path.name} changed on disk; your text is kept in {target}", severity="warning", timeout=10)
            self.reload()
        else:
            self.read_text = text
            self.written_since_run = True
        self._show_state()
        return True

    def mark_problem(self, problem: str) -> None:
        """Say on the border what is wrong with the module ("line 4: invalid syntax"; "" when nothing is)."""
        self.problem = problem
        self._show_state()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self._show_state()

    def on_blur(self) -> None:
        self.write()

    def on_unmount(self) -> None:
        self.write()  # a file write is quick: done here, even when the app is ending

    def _show_state(self) -> None:
        state = "edited" if self.unsaved else "saved" if self.path else ""
        self.set_class(self.unsaved, "-unsaved")
        self.border_subtitle = " · ".join(p for p in (self.problem, state) if p)

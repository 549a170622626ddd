"""Pick the template a question's new check module starts from (the app's `c` on a question without one)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studylog.checks.templates import TEMPLATES
from studylog.tui import keys


class TemplatePicker(ModalScreen[str | None]):
    """The templates with what each checks; Enter picks one, Escape cancels."""

    BINDINGS = keys.bindings("dialog")

    def __init__(self, slug: str) -> None:
        super().__init__()
        self.slug = slug

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"A check for {self.slug}: start from which template?", classes="dialog-title", markup=False)
            yield OptionList(*(Option(f"{name:<7} {description}", id=name) for name, description in TEMPLATES.items()))
            yield Static("Its expected value is a fill_in(...) to replace; ctrl+s saves and runs it.",
                         classes="dialog-detail", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

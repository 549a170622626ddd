"""Every key of the app, listed from the same bindings the screens use, with the user's keymap applied."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from studylog.tui import keys
from studylog.tui.widgets.vim import VimTable


class HelpScreen(Screen):
    """A table of scope, keys, what they do, and the id a keymap file remaps them by."""

    BINDINGS = keys.bindings("back")
    AUTO_FOCUS = "#help-keys"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            f"Remap any key in {keys.keymap_path().name} (binding id = \"keys\"); "
            f"${keys.KEYMAP_ENV_VAR} names another file.",
            classes="hint",
            markup=False,
        )
        yield VimTable("Where", "Keys", "Does", "Binding id", id="help-keys")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(VimTable)
        keymap = self.app.keymap
        for scope, title in keys.SCOPE_TITLES.items():
            for index, binding in enumerate(keys.bindings(scope)):
                table.add_row(
                    Text(title if index == 0 else "", style="bold"),
                    self._display(keymap.get(binding.id, binding.key)),
                    binding.description,
                    Text(binding.id, style="dim"),
                )

    def _display(self, key_list: str) -> str:
        return " ".join(self.app.get_key_display(Binding(key.strip(), "")) for key in key_list.split(","))

    def action_back(self) -> None:
        self.dismiss()

"""Small modal dialogs: a form of labelled inputs, and a yes/no confirmation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from studylog.tui import keys
from studylog.tui.drafts import Typed


@dataclass(frozen=True)
class Field:
    """One input of a form: its name in the result, label, starting value, placeholder and a line of help;
    with options ((label, value) pairs), a Select of them instead of a text input."""

    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    hint: str = ""
    options: tuple[tuple[str, str], ...] = ()


class FormScreen(ModalScreen[dict[str, str] | None]):
    """Labelled inputs; Enter in the last one (or OK) returns {name: text}, Escape returns None.

    With enter_submits, Enter in any input returns the form: for forms that arrive filled in.
    """

    BINDINGS = keys.bindings("dialog", "form")

    def __init__(self, title: str, fields: list[Field], error: str = "", *, enter_submits: bool = False) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.error = error
        self.enter_submits = enter_submits
        self.inputs = {field.name: self._input(field) for field in fields}  # held here: read even once removed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.form_title, classes="dialog-title")
            if self.error:
                yield Static(self.error, classes="dialog-error")
            for field in self.fields:
                with Horizontal(classes="form-row"):
                    yield Label(field.label)
                    yield self.inputs[field.name]
                if field.hint:
                    yield Static(field.hint, classes="form-hint", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.opened_with = self._values()

    def typed(self) -> Typed | None:
        """What the user typed into the form, every field as `label: value`; None while it holds only what it
        opened with (a form back with an error holds what the user typed before)."""
        values = self._values()
        if values == self.opened_with and not self.error:
            return None
        lines = "\n".join(f"- {field.label}: {values[field.name]}" for field in self.fields)
        return Typed(f"{self.form_title}, a form not submitted", lines)

    def on_unmount(self) -> None:
        """Removed because the app is ending (the terminal closed, a kill, a crash) before the form was submitted
        or cancelled: what was typed goes beside the database, as an editor's refused text does."""
        if not self.app.is_running and (typed := self.typed()):
            self.app.set_aside_at_exit(typed)

    def _values(self) -> dict[str, str]:
        return {name: str(widget.value).strip() for name, widget in self.inputs.items()}

    @staticmethod
    def _input(field: Field) -> Input | Select:
        if field.options:
            value = field.value if field.value in {v for _, v in field.options} else field.options[0][1]
            return Select(field.options, value=value, allow_blank=False, compact=True, id=f"field-{field.name}")
        return Input(field.value, placeholder=field.placeholder, compact=True, id=f"field-{field.name}")

    def action_next_input(self) -> None:
        """Enter in an input but the last: on to the next one. A priority binding, so the focus has moved before
        the next key is read (Input.Submitted comes only after keys typed meanwhile went to the input being left)."""
        inputs = list(self.query(Input))
        if self.enter_submits or self.focused not in inputs[:-1]:
            raise SkipAction()  # Enter is the button's or select's; or it returns the form, below
        self.set_focus(inputs[inputs.index(self.focused) + 1])

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """The input has taken every key typed before this Enter: return the form."""
        self._submit()

    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        self.dismiss(self._values())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def ask(app, form: FormScreen, then: Callable[[dict[str, str]], object]) -> None:
    """Show the form and call then with what was typed, unless it is cancelled."""

    def submitted(values: dict[str, str] | None) -> None:
        if values is not None:
            then(values)

    app.push_screen(form, submitted)


class ConfirmScreen(ModalScreen[bool]):
    """A question answered with y (or Enter on Yes) or n / Escape."""

    BINDINGS = [*keys.bindings("dialog"), *keys.bindings("confirm")]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title")
            if self.detail:
                yield Static(self.detail, classes="dialog-detail", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes", variant="error", id="yes")
                yield Button("No", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)

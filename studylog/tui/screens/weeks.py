"""The home screen: every week with its dates, title, question count and verdicts; weeks are added here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from studylog.errors import StudylogError
from studylog.tui import keys, rows, services
from studylog.tui.reporting import background, post_if_current
from studylog.tui.rows import WeekRow
from studylog.tui.screens.base import DataScreen
from studylog.tui.screens.dialogs import ask
from studylog.tui.screens.week_form import next_week_values, parse_week, values_of, week_form
from studylog.tui.widgets import badge
from studylog.tui.widgets.vim import VimTable


class WeeksScreen(DataScreen):
    """The list of weeks; Enter opens one."""

    BINDINGS = keys.bindings("weeks")
    AUTO_FOCUS = "#weeks"

    @dataclass
    class Loaded(Message):
        rows: list[WeekRow]
        next_week: dict[str, str]  # the new-week form's values, read with the rows so `n` opens it at once

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, WeekRow] = {}
        self.next_week: dict[str, str] = {}
        self.select: str | None = None  # the week to put the cursor on once loaded (one just restored)

    def compose(self) -> ComposeResult:
        yield Header()
        yield VimTable("Week", "Dates", "Title", "Qs", "Verdicts", id="weeks")
        yield Static("No weeks yet: press n to add one, or run `studylog demo`.", id="weeks-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VimTable).loading = True

    def home_widget(self) -> VimTable:
        return self.query_one(VimTable)

    def load(self) -> None:
        self._load()

    @background(group="weeks", exclusive=True)
    def _load(self) -> None:
        database = self.app.database
        post_if_current(self, self.Loaded(rows.week_rows(database), next_week_values(services.week_start.next_week(database))))

    def on_weeks_screen_loaded(self, message: Loaded) -> None:
        table = self.query_one(VimTable)
        selected = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        selected, cursor_row = self.select or selected, table.cursor_row
        self.select = None
        table.clear()
        self.rows = {str(row.id): row for row in message.rows}
        self.next_week = message.next_week
        for key, row in self.rows.items():
            title = Text(row.title)
            if row.course:
                title.append(f"\n{row.course}", style="dim")
            table.add_row(
                str(row.number), rows.dates(row), title, str(len(row.verdicts)), badge.summary(row.verdicts),
                key=key, height=2 if row.course else 1,
            )
        table.loading = False
        table.move_to_key(selected or "", cursor_row)  # a deleted week's row: its neighbour, which took its place
        self.query_one("#weeks-empty").display = not self.rows

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self._open_week(int(event.row_key.value))

    def _open_week(self, week_id: int) -> None:
        from studylog.tui.screens.week import WeekScreen  # not needed for the first frame: loaded on first use

        self.app.open_page(WeekScreen(week_id))

    def _current(self) -> WeekRow | None:
        table = self.query_one(VimTable)
        if not table.row_count:
            return None
        return self.rows[table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value]

    def action_new_week(self) -> None:
        """The form filled with the likely next week of the course last used, and the template last used
        (read with the list; pressed before the list is loaded, read now)."""
        if self.next_week:
            self._ask(self.next_week, None)
        else:
            self._ask_next_week()

    @background(group="weeks-write")
    def _ask_next_week(self) -> None:
        values = next_week_values(services.week_start.next_week(self.app.database))
        self.app.call_from_thread(self._ask, values, None)

    def action_edit_week(self) -> None:
        if row := self._current():
            self._ask(values_of(row), row.id)

    def _ask(self, values: dict[str, str], week_id: int | None, error: str = "") -> None:
        form = week_form(values, editing=week_id is not None, error=error, templates=tuple(services.templates.templates()))
        ask(self.app, form, partial(self._write_week, week_id))

    @background(group="weeks-write")
    def _write_week(self, week_id: int | None, values: dict[str, str]) -> None:
        try:
            fields = parse_week(values)
            if week_id is None:
                week = services.week_start.start_week(self.app.database, template=values.get("template", ""), **fields)
                self.app.call_from_thread(self._open_week, week.id)
            else:
                services.weeks.update_week(self.app.database, week_id, **fields)
        except StudylogError as exc:
            self.app.call_from_thread(self._ask, values, week_id, str(exc))
            return
        self.app.call_from_thread(self.load)

    def action_delete_week(self) -> None:
        if row := self._current():
            sections = f"{row.sections} section{'s' if row.sections > 1 else ''} and " if row.sections else ""
            detail = f"Its {sections}study links go with it."
            if row.verdicts:
                detail += f" Its {len(row.verdicts)} questions stay, without a week."
            delete = partial(services.weeks.delete_week, self.app.database, row.id)
            self.app.confirm_delete(services.weeks.week_label(row), detail, delete, then=lambda _deleted: self.load())

    def show_restored(self, kind: str, row_id: int) -> None:
        """After an undo: list the weeks again, on the week that came back."""
        if kind == "week":
            self.select = str(row_id)
        self.load()

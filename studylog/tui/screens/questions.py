"""Every question of every week with its verdict badge, filtered by week, tag and verdict."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Input, Select

from studylog.tui import keys, rows
from studylog.tui.reporting import background, post_if_current
from studylog.tui.rows import QuestionRow
from studylog.tui.screens.base import DataScreen
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.widgets import badge
from studylog.tui.widgets.vim import VimTable


class QuestionsScreen(DataScreen):
    """All questions; the filters apply as they change; Enter opens a question."""

    BINDINGS = keys.bindings("questions")
    AUTO_FOCUS = "#questions"

    @dataclass
    class Loaded(Message):
        rows: list[QuestionRow]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[QuestionRow] = []
        self.select: str | None = None  # the question to put the cursor on once loaded (one just restored)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Select([], prompt="All weeks", compact=True, id="filter-week")
            yield Input(placeholder="tag", compact=True, id="filter-tag")
            verdicts = [(verdict, verdict) for verdict in badge.VERDICTS]
            yield Select(verdicts, prompt="Any verdict", compact=True, id="filter-verdict")
        yield VimTable("Week", "Verdict", "Tags", "Question", id="questions")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Questions"

    def home_widget(self) -> VimTable:
        return self.query_one(VimTable)

    def load(self) -> None:
        self._load()

    @background(group="questions", exclusive=True)
    def _load(self) -> None:
        post_if_current(self, self.Loaded(rows.question_rows(self.app.database)))

    def on_questions_screen_loaded(self, message: Loaded) -> None:
        self.rows = message.rows
        weeks = sorted({row.week_number for row in self.rows if row.week_number is not None})
        week_select = self.query_one("#filter-week", Select)
        chosen = week_select.value
        with self.prevent(Select.Changed):  # the table is filled once, below
            week_select.set_options([(f"week {number}", number) for number in weeks])
            if chosen in weeks:
                week_select.value = chosen
        self._show()

    @on(Select.Changed)
    @on(Input.Changed, "#filter-tag")
    def _show(self) -> None:
        table = self.query_one(VimTable)
        selected = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        selected, cursor_row = self.select or selected, table.cursor_row
        self.select = None
        table.clear()
        for row in self._filtered():
            table.add_row(
                str(row.week_number or "—"), badge.badge(row.verdict), ", ".join(row.tags), row.title, key=str(row.id)
            )
        table.move_to_key(selected or "", cursor_row)  # a deleted question's row: its neighbour, which took its place

    def _filtered(self) -> list[QuestionRow]:
        week = self.query_one("#filter-week", Select)
        verdict = self.query_one("#filter-verdict", Select)
        tag = self.query_one("#filter-tag", Input).value.strip().lower()
        return [
            row
            for row in self.rows
            if (week.is_blank() or row.week_number == week.value)
            and (verdict.is_blank() or row.verdict == verdict.value)
            and (not tag or any(tag in t for t in row.tags))
        ]

    def action_focus_filters(self) -> None:
        self.query_one("#filter-week", Select).focus()

    def action_delete_question(self) -> None:
        table = self.query_one(VimTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            question = next(row for row in self.rows if str(row.id) == key)
            self.app.confirm_delete_question(question, then=lambda _deleted: self.load())

    def show_restored(self, kind: str, row_id: int) -> None:
        """After an undo: list the questions again, on the question that came back."""
        if kind == "question":
            self.select = str(row_id)
        self.load()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.open_page(QuestionScreen(int(event.row_key.value)))

"""Search as you type over every section and question (Korean included); Enter jumps to the match."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from studylog.terminal import printable
from studylog.tui import keys, services
from studylog.tui.reporting import background
from studylog.tui.screens.base import DataScreen
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.screens.week import WeekScreen
from studylog.tui.widgets.vim import VimOptionList

if TYPE_CHECKING:
    from studylog.journal.search import SearchHit


def hit_label(hit: SearchHit) -> Text:
    """Where the hit is, then its snippet with the match reversed."""
    before, match, after = map(printable, hit.parts())
    return Text.assemble((printable(hit.where) + "\n", "bold"), "  " + before, (match, "reverse"), after)


class SearchScreen(DataScreen):
    """An input and the hits for what it holds; up/down move through the hits while typing."""

    BINDINGS = keys.bindings("search")
    AUTO_FOCUS = "#search-input"

    @dataclass
    class Found(Message):
        query: str
        hits: list[SearchHit]

    @dataclass
    class Located(Message):
        """Where a section hit lives, so the week screen can open on it."""

        week_id: int
        section_id: int
        term: str

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search sections and questions: 인셉션, FLOPs, 멘토…", id="search-input")
        yield Static("", id="search-status")
        yield VimOptionList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Search"

    def home_widget(self) -> VimOptionList:
        return self.query_one(VimOptionList)

    def load(self) -> None:
        self._search(self.query_one(Input).value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        self.load()

    @background(group="search", exclusive=True)
    def _search(self, query: str) -> None:
        hits = services.search.search(self.app.database, query) if self.app.database else []
        self.post_message(self.Found(query, hits))

    def on_search_screen_found(self, message: Found) -> None:
        if message.query != self.query_one(Input).value:
            return  # an older query answered late
        self.hits = message.hits
        hits = self.query_one(VimOptionList)
        hits.clear_options()
        hits.add_options(Option(hit_label(hit), id=str(index)) for index, hit in enumerate(self.hits))
        hits.highlighted = 0 if self.hits else None
        count = len(self.hits)
        self.query_one("#search-status", Static).update(
            "" if not message.query.strip() else f"{count} match{'es' if count != 1 else ''}"
        )

    def action_move_hit(self, step: int) -> None:
        hits = self.query_one(VimOptionList)
        if step > 0:
            hits.action_cursor_down()
        else:
            hits.action_cursor_up()

    @on(Input.Submitted)
    def _enter_in_input(self) -> None:
        highlighted = self.query_one(VimOptionList).highlighted
        if highlighted is not None:
            self._jump(self.hits[highlighted])

    @on(OptionList.OptionSelected, "#hits")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._jump(self.hits[int(event.option.id)])

    def _jump(self, hit: SearchHit) -> None:
        term = self.query_one(Input).value.split()[0]
        if hit.kind == "question":
            self.app.open_page(QuestionScreen(hit.id, highlight=term))
        else:
            self._locate(hit.id, term)

    @background(group="search-jump", exclusive=True)
    def _locate(self, section_id: int, term: str) -> None:
        section = services.sections.get_section(self.app.database, section_id)
        self.post_message(self.Located(section.week_id, section_id, term))

    def on_search_screen_located(self, message: Located) -> None:
        self.app.open_page(WeekScreen(message.week_id, message.section_id, highlight=message.term))

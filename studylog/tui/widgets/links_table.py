"""A week's study links (the post's 공부 내용 링크) as a table; a adds one, d deletes one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

from studylog.errors import StudylogError
from studylog.tui import keys, services
from studylog.tui.reporting import background
from studylog.tui.screens.dialogs import ConfirmScreen, Field, FormScreen, ask
from studylog.tui.widgets.vim import VimTable

if TYPE_CHECKING:
    from studylog.tui.pages import LinkItem


class LinksTable(VimTable):
    """The links of one week; changes are written in workers and announced with Changed."""

    BINDINGS = keys.bindings("links")

    @dataclass
    class Changed(Message):
        """A link was added or deleted; the week should be read again."""

        table: LinksTable

        @property
        def control(self) -> LinksTable:
            return self.table

    def __init__(self, week_id: int, **kwargs) -> None:
        super().__init__("Date", "Category", "Title", "URL", **kwargs)
        self.week_id = week_id

    def show_links(self, links: tuple[LinkItem, ...]) -> None:
        self.clear()
        for link in links:
            self.add_row(str(link.posted_on or ""), link.category, link.title, link.url, key=str(link.id))

    def action_add_link(self, values: dict[str, str] | None = None, error: str = "") -> None:
        values = values or {}
        form = FormScreen("Add a study link", [
            Field("title", "Title", values.get("title", "")),
            Field("url", "URL", values.get("url", ""), "https://…"),
            Field("category", "Category", values.get("category", ""), "논문 / 강의 / 블로그"),
            Field("posted_on", "Date", values.get("posted_on", ""), "YYYY-MM-DD"),
        ], error)
        ask(self.app, form, self._add)

    @background(group="links")
    def _add(self, values: dict[str, str]) -> None:
        try:
            if not values["title"]:
                raise StudylogError("Title: a link needs a title")
            try:
                posted_on = date.fromisoformat(values["posted_on"]) if values["posted_on"] else None
            except ValueError:
                raise StudylogError(f"Date: '{values['posted_on']}' is not a date like 2023-11-27") from None
            services.links.add_link(
                self.app.database, self.week_id, values["title"], values["url"], values["category"], posted_on
            )
        except StudylogError as exc:
            self.app.call_from_thread(self.action_add_link, values, str(exc))
            return
        self.post_message(self.Changed(self))

    def action_delete_link(self) -> None:
        if not self.row_count:
            return
        row_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        title = self.get_row(row_key)[2]
        self.app.push_screen(ConfirmScreen(f"Delete the link '{title}'?"), partial(self._confirmed, int(row_key)))

    def _confirmed(self, link_id: int, confirmed: bool | None) -> None:
        if confirmed:
            self._delete(link_id)

    @background(group="links")
    def _delete(self, link_id: int) -> None:
        try:
            services.links.delete_link(self.app.database, link_id)
        finally:
            self.post_message(self.Changed(self))

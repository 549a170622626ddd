"""The week screen's commands on its outline: add, rename (and change the kind of), nest, move and delete
sections, add a question."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from studylog.errors import StudylogError
from studylog.journal.kinds import KIND_NAMES
from studylog.tui import services
from studylog.tui.drafts import DraftKey, Edit
from studylog.tui.reporting import background
from studylog.tui.screens.dialogs import Field, FormScreen, ask
from studylog.tui.widgets.week_outline import WeekOutline, option_id, parse_option_id, section_label

if TYPE_CHECKING:
    from studylog.tui.pages import SectionItem

KIND_OPTIONS = tuple((name, kind) for kind, name in KIND_NAMES.items())


class SectionCommands:
    """Mixed into WeekScreen, which provides week_id, page, editor(), load() and the app."""

    def _current_section(self) -> SectionItem | None:
        option = self.query_one(WeekOutline).highlighted_option
        kind, row_id = parse_option_id(option.id) if option and option.id else ("", None)
        return next((s for s in self.page.sections if s.id == row_id), None) if kind == "section" else None

    def _ask(self, title: str, fields: list[Field], then, error: str = "") -> None:
        ask(self.app, FormScreen(title, fields, error, enter_submits=True), then)

    def action_add_section(self, values: dict[str, str] | None = None, error: str = "") -> None:
        values = values or {"kind": "note"}
        fields = [Field("title", "Title", values.get("title", "")), Field("kind", "Kind", values["kind"], options=KIND_OPTIONS)]
        self._ask("Add a section after this one", fields, partial(self._add_section, self._current_section()), error)

    @background(group="week-write")
    def _add_section(self, after: SectionItem | None, values: dict[str, str]) -> None:
        try:
            section = services.sections.add_section(
                self.app.database, self.week_id, values["title"], kind=values["kind"],
                level=after.level if after else 1, position=after.position + 1 if after else None,
            )
        except StudylogError as exc:
            self.app.call_from_thread(self.action_add_section, values, str(exc))
            return
        self.app.call_from_thread(self.load, option_id("section", section.id), True)

    def action_rename_section(self) -> None:
        if section := self._current_section():
            fields = [Field("title", "Title", section.title), Field("kind", "Kind", section.kind, options=KIND_OPTIONS)]
            self._ask("The section", fields, partial(self._change, section))

    def action_nest_section(self, step: int) -> None:
        """`>` nests the section under the one above (level 2), `<` brings it back to level 1."""
        section = self._current_section()
        if section and 1 <= section.level + step <= 2:
            self._change(section, {"level": section.level + step})

    @background(group="week-write")
    def _change(self, section: SectionItem, values: dict) -> None:
        """Title, kind or level, each through the ledger like every edit of a section, so a change made
        elsewhere is not overwritten: a changed title is settled with the user, a kind or level is reloaded."""
        try:
            for name, value in values.items():
                if value == getattr(section, name):
                    continue
                refused = self.app.ledger.save(self.app.database, Edit(DraftKey("section", section.id, name), value))
                if refused and name == "title":
                    self.app.call_from_thread(self.app.settle, None, refused)
                elif refused:
                    self.app.call_from_thread(self.notify, f"Not changed: {refused.message}", severity="warning")
        finally:
            self.app.call_from_thread(self.load, option_id("section", section.id))

    def action_move_section(self, step: int) -> None:
        section = self._current_section()
        if section and 0 <= section.position + step < len(self.page.sections):
            self._move(section, section.position + step)

    @background(group="week-write")
    def _move(self, section: SectionItem, position: int) -> None:
        try:
            services.sections.move_section(self.app.database, section.id, position)
        finally:
            self.app.call_from_thread(self.load, option_id("section", section.id))

    def action_delete(self) -> None:
        """Delete the highlighted section (its text first saved, so an undo brings it back) or question."""
        option = self.query_one(WeekOutline).highlighted_option
        kind, row_id = parse_option_id(option.id) if option and option.id else ("", None)
        if kind == "question":
            question = next(q for q in self.page.questions if q.id == row_id)
            self.app.confirm_delete_question(question, then=lambda _deleted: self.load())
        elif section := self._current_section():
            area = self.editor(section.id)
            lines = area.text.splitlines()
            detail = f"Its {len(lines)} lines of text go with it." if lines else "It has no text."
            label = f"the section '{section_label(section)}' of week {self.page.number}"
            delete = partial(services.sections.delete_section, self.app.database, section.id)
            self.app.confirm_delete(label, detail, delete, [area], then=lambda _deleted: self._forget(area))

    def _forget(self, area) -> None:
        """The section is gone: drop its editor (an undo makes a new one from what was saved), read the week again."""
        area.remove()
        self.load()

    def action_new_question(self, values: dict[str, str] | None = None, error: str = "") -> None:
        values = values or {}
        fields = [
            Field("title", "Question", values.get("title", "")),
            Field("slug", "Id", values.get("slug", ""), hint="what its checks register under; blank: from the title"),
            Field("tags", "Tags", values.get("tags", ""), "flops, efficientnet"),
        ]
        self._ask("New question", fields, partial(self._add_question, self._current_section()), error)

    @background(group="week-write")
    def _add_question(self, section: SectionItem | None, values: dict[str, str]) -> None:
        try:  # add_question refuses a question with no text; the form asks again with the reason
            question = services.questions.add_question(
                self.app.database, values["title"], values["title"], slug=values["slug"] or None,
                week_id=self.week_id, section_id=section.id if section else None, tags=values["tags"].split(","),
            )
        except StudylogError as exc:
            self.app.call_from_thread(self.action_new_question, values, str(exc))
            return
        self.app.call_from_thread(self.opened_question, question.id)

"""The week screen's commands on last week's goals: one key per outcome, a note, and carrying the unfinished on."""

from __future__ import annotations

from studylog.tui import services
from studylog.tui.reporting import background
from studylog.tui.screens.dialogs import Field, FormScreen, ask
from studylog.tui.widgets.week_outline import WeekOutline, option_id, parse_option_id


class GoalCommands:
    """Mixed into WeekScreen, which provides week_id, page, editor(), load() and the app."""

    def _current_goal_id(self) -> int | None:
        option = self.query_one(WeekOutline).highlighted_option
        kind, row_id = parse_option_id(option.id) if option and option.id else ("", None)
        return row_id if kind == "goal" else None

    def _no_goal(self) -> None:
        self.notify("Highlight one of last week's goals (at the top of the outline) first.", severity="warning")

    def action_goal_status(self, status: str) -> None:
        if (goal_id := self._current_goal_id()) is None:
            self._no_goal()
            return
        self._set_status(goal_id, status)

    def action_goal_note(self) -> None:
        """A note on how the goal went (`이번주에 진행 못함`), written after `->` in the review."""
        goal_id = self._current_goal_id()
        goal = next((g for g in self.page.review.goals if g.id == goal_id), None) if goal_id and self.page.review else None
        if goal is None:
            self._no_goal()
            return
        field = Field("note", "Note", goal.note, "(none)", hint="shown after -> in the review, e.g. 이번주에 진행 못함")
        form = FormScreen("How it went", [field], enter_submits=True)
        ask(self.app, form, lambda values: self._set_status(goal.id, goal.status, values["note"]))

    @background(group="week-write")
    def _set_status(self, goal_id: int, status: str, note: str | None = None) -> None:
        try:
            services.goals.set_status(self.app.database, goal_id, status, note)
        finally:
            self.app.call_from_thread(self.load)  # the highlight stays where the user has moved it since

    def action_carry_goals(self) -> None:
        if self.page is None or self.page.review is None or not self.page.review.left:
            self.notify("No unfinished goal of last week is left to carry.")
            return
        if any(area.unsaved_edit() for area in self.query("DraftArea")):
            self.notify("Save your text first (ctrl+s): carrying adds lines to a goals section.", severity="warning")
            return
        self._carry()

    @background(group="week-write")
    def _carry(self) -> None:
        carried, section_id = services.goal_review.carry(self.app.database, self.week_id)
        section = services.sections.get_section(self.app.database, section_id) if section_id else None
        self.app.call_from_thread(self._carried, len(carried), section)

    def _carried(self, count: int, section) -> None:
        """Show the goals section's new text in its editor (it held nothing unsaved), and say what moved."""
        if section is not None:
            if (area := self._existing_editor(section.id)) is not None:
                area.replace_text(section.body)
            self.app.ledger.read("section", section.id, section.updated_at, self.week_id)
            self.load(option_id("section", section.id))
        self.notify(f"Carried {count} goal{'s' if count != 1 else ''} into '{section.title if section else ''}'.")

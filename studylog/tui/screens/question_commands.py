"""The question screen's commands on the question itself: rename its id, move it to another week.

Mixed into QuestionScreen, which provides `page` and `load`.
"""

from __future__ import annotations

from studylog.errors import StudylogError
from studylog.tui import services
from studylog.tui.reporting import background
from studylog.tui.screens.dialogs import Field, FormScreen, ask


class QuestionCommands:
    """R renames the question's id (its results follow; modules naming the old id are listed), M moves it."""

    def action_rename_question(self) -> None:
        if self.page is None:
            return
        slug = self.page.question.slug
        form = FormScreen(f"Rename {slug}", [Field("slug", "New id", slug, hint="letters, digits, - _ . (at most 32)")])
        ask(self.app, form, lambda values: self._rename(slug, values["slug"]))

    @background(group="question-edit")
    def _rename(self, old: str, new: str) -> None:
        row = services.question_moves.rename_question(self.app.database, old, new)
        stale = services.authoring.modules_of(self.app.db_path, old) if row.slug != old else []
        note = "".join(f'\n{module.name} still says question="{old}"' for module in stale)
        self.app.call_from_thread(self.notify, f"Renamed {old} to {row.slug}.{note}", timeout=10)
        self.app.call_from_thread(self.load)

    def action_move_question(self) -> None:
        if self.page is None:
            return
        form = FormScreen(f"Move {self.page.question.slug} to week", [Field("week", "Week", str(self.page.week_number or ""))])
        ask(self.app, form, lambda values: self._move(values["week"]))

    @background(group="question-edit")
    def _move(self, week: str) -> None:
        if not week.strip().isdigit():
            raise StudylogError(f"'{week}' is not a week number")
        target = services.weeks.find_week(self.app.database, int(week))
        services.question_moves.move_question(self.app.database, self.page.question.slug, target.id)
        self.app.call_from_thread(self.notify, f"Moved to week {target.number}.")
        self.app.call_from_thread(self.load)

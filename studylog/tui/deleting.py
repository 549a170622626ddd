"""The App's side of undoable deletes: ask first, naming the item in full; save what its editors hold, so the
undo brings that back too; delete in a worker; and `u` brings back the last deleted item (journal.trash).

Mixed into StudylogApp, which provides `database`, `db_path` and `ledger`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from studylog.tui import services
from studylog.tui.drafts import set_aside
from studylog.tui.reporting import background
from studylog.tui.screens.dialogs import ConfirmScreen

if TYPE_CHECKING:
    from studylog.journal.trash import Deleted
    from studylog.tui.widgets.draft_area import DraftArea

UNDO_HINT = "u brings it back."


class Deleting:
    """Confirmed, undoable deletes, and the undo."""

    def confirm_delete(self, label: str, detail: str, delete: Callable[[], Deleted], areas=(), then=None) -> None:
        """Ask "Delete <label>?"; on yes, save areas' unsaved text, run delete in a worker, then call then()."""

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._delete(delete, [a for a in areas if a.unsaved_edit()], then)

        self.push_screen(ConfirmScreen(f"Delete {label}?", f"{detail} {UNDO_HINT}".strip()), answered)

    def confirm_delete_question(self, question, areas=(), then=None) -> None:
        """Ask to delete a question (a row with id, slug and title), then do it as confirm_delete does."""
        detail = "Its tags, quiz card and reviews go with it; its check results stay."
        delete = partial(services.questions.delete_question, self.database, question.id)
        self.confirm_delete(services.questions.question_label(question), detail, delete, areas, then)

    @background(group="delete")
    def _delete(self, delete: Callable[[], Deleted], areas: list[DraftArea], then) -> None:
        for area in areas:  # what was typed goes into the trash with its row: the undo brings it back
            edit = area.unsaved_edit()
            if edit and self.ledger.save(self.database, edit) is not None:
                set_aside(self.db_path, edit)  # changed or deleted elsewhere: kept beside the database instead
            self.call_from_thread(area.discard)
        deleted = delete()
        self.call_from_thread(self._deleted, deleted, then)

    def _deleted(self, deleted: Deleted, then) -> None:
        self.notify(f"Deleted {deleted.label}. Press u to undo.")
        if then is not None:
            then(deleted)

    def action_undo(self) -> None:
        """Bring back the last deleted week, section, question or link, with everything under it."""
        if self.database is not None:
            self._undo()

    @background(group="delete")
    def _undo(self) -> None:
        restored = services.trash.undo(self.database)
        self.call_from_thread(self._restored, restored)

    def _restored(self, restored: Deleted) -> None:
        self.notify(f"Restored {restored.label}.")
        if hasattr(self.screen, "show_restored"):
            self.screen.show_restored(restored.kind, restored.restored_id)

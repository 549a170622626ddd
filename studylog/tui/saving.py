"""The App's side of "nothing typed is lost": save workers, conflicts put to the user, save-all on quit.

Mixed into StudylogApp, which provides `database`, `db_path`, `failure` and `ledger`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

from studylog.tui.drafts import Conflict, Edit, merged, set_aside
from studylog.tui.reporting import background

if TYPE_CHECKING:
    from studylog.tui.widgets.draft_area import DraftArea


class Saving:
    """Saves what editors ask for, one worker per save, and settles conflicts with the user."""

    @dataclass
    class Saved(Message):
        """A save finished; conflict is set when the row had changed elsewhere."""

        area: DraftArea | None
        edit: Edit
        conflict: Conflict | None

    def on_draft_area_save_requested(self, message: DraftArea.SaveRequested) -> None:
        self.save(message.edit, message.area)

    @background(group="save")
    def save(self, edit: Edit, area: DraftArea | None = None, overwrite: bool = False) -> bool:
        """Save in a worker; True once the text is in the database (None if the save failed).

        Not exclusive: a save waiting its turn must never be cancelled by a newer one.
        """
        conflict = self.ledger.save(self.database, edit, overwrite=overwrite)
        self.post_message(self.Saved(area, edit, conflict))
        return conflict is None

    def on_saving_saved(self, message: Saved) -> None:
        if message.conflict is not None:
            self.show_conflict(message.area, message.conflict)
        elif message.area is not None and message.area.is_attached:
            message.area.mark_saved(message.edit.text)

    def show_conflict(self, area: DraftArea | None, conflict: Conflict) -> None:
        """Ask the user how to settle a refused save; area is the editor holding the text, if still open."""
        from studylog.tui.screens.conflict import ConflictScreen  # rarely needed: loaded on first use

        self.push_screen(ConflictScreen(conflict), partial(self._resolve, area, conflict))

    def _resolve(self, area: DraftArea | None, conflict: Conflict, choice: str | None) -> None:
        """Keep mine: overwrite theirs. Otherwise keep both, marked, in the text for the user to resolve."""
        if choice == "mine":
            self.save(conflict.edit, area, overwrite=True)
            return
        key = conflict.edit.key
        self.ledger.read(key.table, key.row_id, conflict.their_updated_at)
        both = Edit(key, merged(conflict))
        if area is not None and area.is_attached:
            area.replace_text(both.text)
        self.save(both, area)

    async def action_quit(self) -> None:
        """Save every editor on every screen, then leave; stay if a save meets a conflict or fails."""
        pending = [
            (area, edit)
            for screen in self.screen_stack
            for area in screen.query("DraftArea")
            if (edit := area.unsaved_edit())
        ]
        for area, edit in pending:
            if not await self.save(edit, area).wait():
                return
            area.mark_saved(edit.text)
        self.exit()

    def save_at_exit(self, edit: Edit) -> None:
        """The app is ending (a crash) with this text unsaved: save it now, on this thread; text the database
        refuses goes to a file beside it, named in the line printed at exit."""
        try:
            refused = self.database is None or self.ledger.save(self.database, edit) is not None
        except Exception:
            refused = True
        if refused:
            self.failure = f"text that could not be saved is in {set_aside(self.db_path, edit)}"

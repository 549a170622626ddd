"""The App's side of "nothing typed is lost": save workers, refused saves put to the user, save-all on quit.

Mixed into StudylogApp, which provides `database`, `db_path`, `failure`, `ledger` and `unsettled`.
"""

from __future__ import annotations

import asyncio
import signal
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

from studylog.tui.drafts import Conflict, Edit, Gone, Typed, keep_gone, merged, set_aside
from studylog.tui.reporting import background

if TYPE_CHECKING:
    from studylog.tui.widgets.draft_area import DraftArea


class Saving:
    """Saves what editors ask for, one worker per save, and settles refused saves with the user."""

    @dataclass
    class Saved(Message):
        """A save finished; refused is set when the row had changed, or was deleted, elsewhere."""

        area: DraftArea | None
        edit: Edit
        refused: Conflict | Gone | None
        quitting: bool  # the save was one of quit's: once a deleted row's text is settled, quit goes on

    def on_draft_area_save_requested(self, message: DraftArea.SaveRequested) -> None:
        self.save(message.edit, message.area)

    @background(group="save")
    def save(self, edit: Edit, area: DraftArea | None = None, overwrite: bool = False, quitting: bool = False) -> bool:
        """Save in a worker; True once the text is in the database (None if the save failed).

        Not exclusive: a save waiting its turn must never be cancelled by a newer one.
        """
        refused = self.ledger.save(self.database, edit, overwrite=overwrite)
        self.post_message(self.Saved(area, edit, refused, quitting))
        return refused is None

    def on_saving_saved(self, message: Saved) -> None:
        if message.refused is not None:
            self.settle(message.area, message.refused, message.quitting)
        elif message.area is not None and message.area.is_attached:
            message.area.mark_saved(message.edit.text)

    def settle(self, area: DraftArea | None, refused: Conflict | Gone, quitting: bool = False) -> None:
        """Ask the user how to settle a refused save; area is the editor holding the text, if still open."""
        from studylog.tui.screens.conflict import ConflictScreen, GoneScreen  # rarely needed: loaded on first use

        if refused.edit.key in self.unsettled:
            return  # the same text refused again (a blur saved it while its question was up): asked once
        self.unsettled.add(refused.edit.key)
        if isinstance(refused, Conflict):
            self.push_screen(ConflictScreen(refused), partial(self._resolve, area, refused))
        else:
            self.push_screen(GoneScreen(refused), partial(self._settle_gone, area, refused, quitting))

    def _settle_gone(self, area: DraftArea | None, gone: Gone, quitting: bool, choice: str | None) -> None:
        """Keep the text (as a new section of its week) or discard it; "later" leaves it in its editor, unsaved."""
        self.unsettled.discard(gone.edit.key)
        if choice == "keep":
            self._keep(area, gone, quitting)
        elif choice == "discard":
            self._settled(area, quitting)

    @background(group="save")
    def _keep(self, area: DraftArea | None, gone: Gone, quitting: bool) -> None:
        where = keep_gone(self.database, gone)
        self.call_from_thread(self._settled, area, quitting, f"Your text is kept {where}.", gone.week_id)

    def _settled(self, area: DraftArea | None, quitting: bool, note: str = "", week_id: int | None = None) -> None:
        """The deleted row's text is kept elsewhere or discarded: its editor holds nothing unsaved now."""
        if area is not None and area.is_attached:
            area.discard()
        if note:
            self.notify(note)
        for screen in self.screen_stack:
            if getattr(screen, "page_key", None) == ("week", week_id):  # show the section the text went to
                screen.load()
        if quitting:
            self.call_later(self.action_quit)

    def _resolve(self, area: DraftArea | None, conflict: Conflict, choice: str | None) -> None:
        """Keep mine: overwrite theirs. Otherwise keep both, marked, in the text for the user to resolve."""
        self.unsettled.discard(conflict.edit.key)
        if choice == "mine":
            self.save(conflict.edit, area, overwrite=True)
            return
        key = conflict.edit.key
        self.ledger.read(key.table, key.row_id, conflict.their_updated_at)
        both = Edit(key, merged(conflict))
        if area is not None and area.is_attached:
            area.replace_text(both.text)
        self.save(both, area)

    def unsaved(self) -> list[tuple[DraftArea, Edit]]:
        """Every editor on every screen that holds unsaved text, with the edit that would save it."""
        return [
            (area, edit) for screen in self.screen_stack for area in screen.query("DraftArea") if (edit := area.unsaved_edit())
        ]

    async def action_quit(self) -> None:
        """Save every editor on every screen, then leave; stay if a save meets a conflict or fails, or while a form
        holds what the user typed (a form's text has no row to go to until it is submitted)."""
        for screen in self.screen_stack:
            if (typed := getattr(screen, "typed", None)) and typed():
                self.notify(f"'{screen.form_title}' holds what you typed: OK submits it, Escape drops it; then quit.",
                            severity="warning")
                return
        for area, edit in self.unsaved():
            if not await self.save(edit, area, quitting=True).wait():
                return  # settle the refused save first: a conflict stays; a deleted row's text, once settled, quits
            area.mark_saved(edit.text)
        self.exit()

    def catch_termination(self) -> None:
        """Closing the terminal (SIGHUP) or a polite kill (SIGTERM) ends the app the way ctrl+q does, saving first."""
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signum, self._terminated, signum)

    def _terminated(self, signum: int) -> None:
        """Save every editor now, on this thread (no dialog can be answered any more: text the database refuses
        goes to <db>.unsaved.md, as does what a form not submitted holds, once its screen is removed at exit), then
        exit with 128 + the signal's number, as a process killed by it would."""
        for area, edit in self.unsaved():
            self.save_at_exit(edit)
            area.mark_saved(edit.text)
        for screen in self.screen_stack:
            for check_editor in screen.query("CheckEditor"):
                check_editor.write()  # a check module is a file: written where it is, as ctrl+s would
        self.ledger.close()  # a save queued before the signal holds older text: it must not land after these
        self.exit(return_code=128 + signum)

    def save_at_exit(self, edit: Edit) -> None:
        """The app is ending (a crash) with this text unsaved: save it now, on this thread; text the database
        refuses goes to a file beside it."""
        try:
            refused = self.database is None or self.ledger.save(self.database, edit) is not None
        except Exception:
            refused = True
        if refused:
            self.set_aside_at_exit(edit)

    def set_aside_at_exit(self, draft: Edit | Typed) -> None:
        """The app is ending with text it cannot save (a form not submitted, a save refused): to a file beside the
        database, named in the line printed at exit."""
        self.failure = f"text that could not be saved is in {set_aside(self.db_path, draft)}"

"""The studylog App: opens the database after the first frame, saves every edit, moves between screens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.message import Message

from studylog.errors import StudylogError
from studylog.tui import keys, services
from studylog.tui.drafts import Conflict, Edit, Ledger, merged
from studylog.tui.reporting import reported
from studylog.tui.screens.conflict import ConflictScreen
from studylog.tui.screens.help import HelpScreen
from studylog.tui.screens.questions import QuestionsScreen
from studylog.tui.screens.search import SearchScreen
from studylog.tui.screens.weeks import WeeksScreen
from studylog.tui.widgets.draft_area import DraftArea

if TYPE_CHECKING:
    from studylog.store.database import Database
    from studylog.tui.screens.question import QuestionScreen
    from studylog.tui.screens.week import WeekScreen


class StudylogApp(App[None]):
    """The weekly log, its questions and their checks, over the database at db_path."""

    CSS_PATH = "app.tcss"
    TITLE = "studylog"
    BINDINGS = keys.bindings("app")
    ENABLE_COMMAND_PALETTE = False

    @dataclass
    class DatabaseOpened(Message):
        database: Database
        keymap: dict[str, str]

    @dataclass
    class Saved(Message):
        """A save finished; conflict is set when the row had changed elsewhere."""

        area: DraftArea | None
        edit: Edit
        conflict: Conflict | None

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.database: Database | None = None
        self.failure: str | None = None
        self.keymap: dict[str, str] = {}
        self.ledger = Ledger()

    def get_default_screen(self) -> WeeksScreen:
        return WeeksScreen()

    def on_mount(self) -> None:
        self.call_after_refresh(self._open_database)

    @work(thread=True, exclusive=True, group="database")
    def _open_database(self) -> None:
        try:
            keymap = keys.load_keymap(keys.keymap_path())
            database = services.database.open_database(self.db_path)
        except StudylogError as exc:
            self.failure = str(exc)  # launch() raises it once the terminal is restored
            self.call_from_thread(self.exit, return_code=1)
            return
        self.post_message(self.DatabaseOpened(database, keymap))

    def on_studylog_app_database_opened(self, message: DatabaseOpened) -> None:
        self.database = message.database
        self.keymap = message.keymap
        self.set_keymap(message.keymap)
        for screen in self.screen_stack:
            if isinstance(screen, WeeksScreen):
                screen.load()

    def on_unmount(self) -> None:
        if self.database is not None:
            self.database.close()

    @on(DraftArea.SaveRequested)
    def _save_requested(self, message: DraftArea.SaveRequested) -> None:
        self.save(message.edit, message.area)

    @work(thread=True, group="save")
    def save(self, edit: Edit, area: DraftArea | None = None, overwrite: bool = False) -> bool:
        """Save in a worker; True once the text is in the database.

        Not exclusive: a save waiting its turn must never be cancelled by a newer one.
        """
        with reported(self):
            conflict = self.ledger.save(self.database, edit, overwrite=overwrite)
            self.post_message(self.Saved(area, edit, conflict))
            return conflict is None
        return False

    def on_studylog_app_saved(self, message: Saved) -> None:
        if message.conflict is not None:
            self.show_conflict(message.area, message.conflict)
        elif message.area is not None and message.area.is_attached:
            message.area.mark_saved(message.edit.text)

    def show_conflict(self, area: DraftArea | None, conflict: Conflict) -> None:
        """Ask the user how to settle a refused save; area is the editor holding the text, if still open."""
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
            for area in screen.query(DraftArea)
            if (edit := area.unsaved_edit())
        ]
        for area, edit in pending:
            if not await self.save(edit, area).wait():
                return
            area.mark_saved(edit.text)
        self.exit()

    def open_page(self, screen: WeekScreen | QuestionScreen) -> None:
        """Show screen, or go back to the one already open on the same week or question, sent to screen's
        target: two editors of one row in the same app would overwrite each other."""
        for index, open_screen in enumerate(self.screen_stack):
            if getattr(open_screen, "page_key", None) == screen.page_key:
                for _ in self.screen_stack[index + 1 :]:
                    self.pop_screen()
                open_screen.show_target(screen)
                return
        self.push_screen(screen)

    def action_show_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_search(self) -> None:
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_open_weeks(self) -> None:
        """Back to the weeks list, the bottom of the stack."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_open_questions(self) -> None:
        self.action_open_weeks()
        self.push_screen(QuestionsScreen())

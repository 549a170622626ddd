"""The studylog App: opens the database after the first frame, and moves between screens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from studylog.tui import keys, services
from studylog.tui.deleting import Deleting
from studylog.tui.drafts import DraftKey, Ledger
from studylog.tui.reporting import background, described
from studylog.tui.saving import Saving
from studylog.tui.screens.base import DataScreen
from studylog.tui.screens.weeks import WeeksScreen

if TYPE_CHECKING:
    from studylog.store.database import Database
    from studylog.tui.screens.question import QuestionScreen
    from studylog.tui.screens.week import WeekScreen

# Only the weeks screen is needed for the first frame; the other screens are imported when first opened.


class StudylogApp(Saving, Deleting, App[None]):
    """The weekly log, its questions and their checks, over the database at db_path."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it too
    TITLE = "studylog"
    BINDINGS = keys.bindings("app")
    ENABLE_COMMAND_PALETTE = False

    @dataclass
    class DatabaseOpened(Message):
        database: Database
        keymap: dict[str, str]

    def __init__(self, db_path: Path, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.clock = clock or partial(datetime.now, timezone.utc)  # the quiz's now (UTC); tests fix it
        self.database: Database | None = None
        self.failure: str | None = None
        self.keymap: dict[str, str] = {}
        self.ledger = Ledger()
        self.unsettled: set[DraftKey] = set()  # texts whose refused save is put to the user right now

    def get_default_screen(self) -> WeeksScreen:
        return WeeksScreen()

    def on_mount(self) -> None:
        if not self.is_headless:  # a real terminal (tests under Pilot leave the test runner's signals alone)
            self.catch_termination()
        self.call_after_refresh(self._open_database)

    @background(group="database", exclusive=True)
    def _open_database(self) -> None:
        try:
            keymap = keys.load_keymap(keys.keymap_path())
            database = services.database.open_database(self.db_path)
        except Exception as exc:  # without its database the app has nothing to show: end, saying why
            self.failure = described(exc)  # launch() raises it once the terminal is restored
            self.call_from_thread(self.exit, return_code=getattr(exc, "exit_code", 1))  # 4: the file cannot be used
            return
        self.post_message(self.DatabaseOpened(database, keymap))

    def on_studylog_app_database_opened(self, message: DatabaseOpened) -> None:
        self.database = message.database
        self.keymap = message.keymap
        self.set_keymap(message.keymap)
        for screen in self.screen_stack:  # any screen opened before the database was ready (z, /, 2) waits for this
            if isinstance(screen, DataScreen):
                screen.load()

    def on_unmount(self) -> None:
        if self.database is not None:
            self.database.close()

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
        from studylog.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_search(self) -> None:
        from studylog.tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_open_weeks(self) -> None:
        """Back to the weeks list, the bottom of the stack."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_open_questions(self) -> None:
        from studylog.tui.screens.questions import QuestionsScreen

        self.action_open_weeks()
        self.push_screen(QuestionsScreen())

    def action_open_quiz(self, week_number: int | None = None) -> None:
        """Quiz the due cards, of one week or of all."""
        from studylog.tui.screens.quiz import QuizScreen

        if not isinstance(self.screen, QuizScreen):
            self.push_screen(QuizScreen(week_number))

    def action_open_stats(self) -> None:
        from studylog.tui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen())

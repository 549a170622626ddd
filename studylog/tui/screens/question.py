"""A question: its text and answer to edit, its checks' last claims, runs watched live, and the checks' source."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from studylog.tui import keys, pages, services
from studylog.tui.drafts import DraftKey
from studylog.tui.pages import QuestionPage
from studylog.tui.reporting import background, post_if_current
from studylog.tui.screens.base import DataScreen
from studylog.tui.widgets import badge
from studylog.tui.screens.check_authoring import CheckAuthoring
from studylog.tui.screens.question_commands import QuestionCommands
from studylog.tui.screens.question_preview_commands import QuestionPreviewCommands
from studylog.tui.widgets.check_editor import CheckEditor
from studylog.tui.widgets.check_panel import CheckPanel
from studylog.tui.widgets.draft_area import DraftArea
from studylog.tui.widgets.section_preview import SectionPreview

if TYPE_CHECKING:
    from studylog.checks.runner import RunEvent


class QuestionScreen(CheckAuthoring, QuestionCommands, QuestionPreviewCommands, DataScreen):
    """One question. Its editors are made on the first load and never re-read under the user's typing."""

    DEFAULT_CSS = """
    QuestionScreen #question-post { display: none; height: auto; }
    QuestionScreen #question-post > VerticalScroll { height: auto; max-height: 30; }
    """

    BINDINGS = keys.bindings("question")
    AUTO_FOCUS = "#question-body"  # not an editor: keys work at once, and nothing is typed into the text by accident

    @dataclass
    class Loaded(Message):
        page: QuestionPage

    @dataclass
    class Progress(Message):
        event: RunEvent

    @dataclass
    class RunEnded(Message):
        cancelled: bool

    def __init__(self, question_id: int, highlight: str = "", *, new: bool = False) -> None:
        """new: the question was just created: its text takes the focus, ready for more (Tab: the answer)."""
        super().__init__()
        self.question_id = question_id
        self.highlight = highlight
        self.new = new
        self.page: QuestionPage | None = None
        self.cancel_run = threading.Event()
        self.rerun_wanted = False

    @property
    def page_key(self) -> tuple[str, int]:
        return ("question", self.question_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="question-body"):
            yield Static(id="question-heading")
            yield SectionPreview(id="question-post")  # ctrl+o: the question and answer as the post shows them
            yield CheckPanel()
            yield CheckEditor(id="check-source")
        yield Footer()

    def home_widget(self) -> VerticalScroll:
        return self.query_one("#question-body", VerticalScroll)

    def show_target(self, other: QuestionScreen) -> None:
        self.highlight = other.highlight
        self._show_highlight()

    def load(self) -> None:
        self._load()

    @background(group="question", exclusive=True)
    def _load(self) -> None:
        post_if_current(self, self.Loaded(pages.question_page(self.app.database, self.question_id)))

    def on_question_screen_loaded(self, message: Loaded) -> None:
        first = self.page is None
        page = self.page = message.page
        question = page.question
        self.title = f"Q · {question.slug}"
        self.sub_title = " · ".join([f"week {page.week_number}" if page.week_number else "no week", *page.tags])
        heading = Text(question.title + "\n", style="bold")
        heading.append_text(badge.badge(page.verdict))
        self.query_one("#question-heading", Static).update(heading)
        self.query_one(CheckPanel).show(page.check_ids, page.runs)
        editor = self.query_one(CheckEditor)
        editor.show_module(page.source_path, page.source, editable=page.source_editable)
        editor.mark_problem(page.source_problem)
        self.module_shown(editor, page.source_path)
        if first:
            self._mount_editors(page)

    def _mount_editors(self, page: QuestionPage) -> None:
        self.app.ledger.read("question", page.question.id, page.question.updated_at, page.question.week_id)
        for field in ("question", "answer"):
            key, text = DraftKey("question", page.question.id, field), getattr(page.question, field)
            area = DraftArea(key, text, id=field, append=True)
            area.border_title = field.capitalize()
            self.query_one("#question-body").mount(area, before=self.query_one(CheckPanel))
        self.call_after_refresh(self._show_highlight)

    def _show_highlight(self) -> None:
        """Select the search match, in the question or else the answer, when the screen was opened on one; a
        question just created: focus its text."""
        if self.new:
            self.new = False
            self.query_one("#question", DraftArea).focus()
        term = self.highlight.lower()
        area = next((a for a in self.query(DraftArea) if term and term in a.text.lower()), None)
        if area is not None:
            area.focus()
            area.highlight(self.highlight)

    def action_save(self) -> None:
        """Save the text and answer; a check module with edits is written and its checks run at once."""
        self._save_texts()
        editor = self.query_one(CheckEditor)
        editor.write()
        if editor.written_since_run:
            self.rerun_checks()

    def _save_texts(self) -> None:
        for area in self.query(DraftArea):
            area.request_save()

    def action_delete_question(self) -> None:
        """Delete this question (what its editors hold is saved first, so an undo brings it back) and go back."""
        if self.page is not None:
            self.app.confirm_delete_question(self.page.question, list(self.query(DraftArea)), self._gone)

    def _gone(self, _deleted) -> None:
        if self.is_attached and self is self.app.screen:
            self.dismiss()

    def action_run_checks(self) -> None:
        panel = self.query_one(CheckPanel)
        if self.page is None or panel.is_running:
            return
        self._save_texts()
        editor = self.query_one(CheckEditor)
        editor.write()
        editor.written_since_run = False
        self.cancel_run = threading.Event()
        panel.run_started()
        self._run_checks(self.page.question.slug, self.cancel_run)

    @background(group="checks", exclusive=True)
    def _run_checks(self, slug: str, cancel: threading.Event) -> None:
        """Every check of the question runs now, in the runner's processes (torch loads only there)."""
        try:
            services.runner.run_checks(
                self.app.database, [slug], force=True, cancel=cancel,
                progress=lambda event: self.post_message(self.Progress(event)),
            )
        finally:
            self.post_message(self.RunEnded(cancel.is_set()))

    def on_question_screen_progress(self, message: Progress) -> None:
        self.query_one(CheckPanel).progress(message.event)

    def on_question_screen_run_ended(self, message: RunEnded) -> None:
        self.query_one(CheckPanel).run_ended(message.cancelled)
        self.load()
        if self.rerun_wanted:  # the module was saved again while the run was on
            self.rerun_wanted = False
            self.action_run_checks()

    def action_cancel_checks(self) -> None:
        if self.query_one(CheckPanel).is_running:
            self.cancel_run.set()

    def on_unmount(self) -> None:
        """Leaving stops a run: the checks still running are not recorded, finished ones already are."""
        self.cancel_run.set()

"""A week: its outline on the left; beside it the highlighted section's editor, question or study links."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Header, OptionList

from studylog.tui import keys, pages
from studylog.tui.drafts import DraftKey
from studylog.tui.pages import WeekPage
from studylog.tui.reporting import background, post_if_current
from studylog.tui.screens.base import DataScreen
from studylog.tui.screens.goal_commands import GoalCommands
from studylog.tui.screens.preview_commands import PreviewCommands
from studylog.tui.screens.question import QuestionScreen
from studylog.tui.screens.section_commands import SectionCommands
from studylog.tui.widgets.draft_area import DraftArea
from studylog.tui.widgets.goal_pane import KEYS_HELP, GoalPane
from studylog.tui.widgets.links_table import LinksTable
from studylog.tui.widgets.question_preview import QuestionPreview
from studylog.tui.widgets.section_preview import SectionPreview
from studylog.tui.widgets.week_outline import LINKS_ID, WeekOutline, option_id, parse_option_id, section_label


class WeekScreen(SectionCommands, GoalCommands, PreviewCommands, DataScreen):
    """One week. Each section's editor is made on first view and kept, so its text is never re-read under it."""

    BINDINGS = keys.bindings("week")
    AUTO_FOCUS = "#outline"

    @dataclass
    class Loaded(Message):
        page: WeekPage

    def __init__(self, week_id: int, section_id: int | None = None, highlight: str = "") -> None:
        super().__init__()
        self.week_id = week_id
        self.page: WeekPage | None = None
        self.target = option_id("section", section_id) if section_id else None
        self.edit_target = section_id is not None
        self.highlight = highlight

    @property
    def page_key(self) -> tuple[str, int]:
        return ("week", self.week_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield WeekOutline(id="outline")
            with ContentSwitcher(id="week-pane"):
                yield QuestionPreview(id="question-preview")
                yield GoalPane(id="goal-pane")
                yield LinksTable(self.week_id, id=LINKS_ID)
                yield SectionPreview(id="section-preview")
        yield Footer(compact=True)

    def home_widget(self) -> WeekOutline:
        return self.query_one(WeekOutline)

    def show_target(self, other: WeekScreen) -> None:
        """Jump to where another screen for this week was asked to open (a search result)."""
        self.target, self.edit_target, self.highlight = other.target, other.edit_target, other.highlight
        self.load()

    def load(self, select: str | None = None, edit: bool = False) -> None:
        """Read the week again; then highlight the option `select`, and with edit, focus its editor."""
        if select:
            self.target, self.edit_target = select, edit
        self._load()

    @background(group="week", exclusive=True)
    def _load(self) -> None:
        post_if_current(self, self.Loaded(pages.week_page(self.app.database, self.week_id)))

    def on_week_screen_loaded(self, message: Loaded) -> None:
        self.page = message.page
        self.title, self.sub_title = f"Week {self.page.number} · {self.page.title}", self.page.dates
        for section in self.page.sections:
            if (area := self._existing_editor(section.id)) is not None:
                area.border_title = section_label(section)
        outline = self.query_one(WeekOutline)
        current = outline.highlighted_option.id if outline.highlighted_option else None
        outline.show_page(self.page, self.target or current)
        self.query_one(LinksTable).show_links(self.page.links)
        if self.target and outline.has(self.target):  # an older read may lack the target: wait for one with it
            kind, row_id = parse_option_id(self.target)
            if self.edit_target and kind == "section":
                self.edit_section(row_id)
                self.call_after_refresh(self._edit, self.editor(row_id), self.highlight)
            self.target, self.edit_target, self.highlight = None, False, ""
        if self.focused is None:
            outline.focus()

    @staticmethod
    def _edit(area: DraftArea, highlight: str) -> None:
        area.focus()
        area.highlight(highlight)

    @on(OptionList.OptionHighlighted, "#outline")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        self._display(event.option.id)

    def _display(self, option: str) -> None:
        """Show the section's editor (or preview), the question's preview, or the links, beside the outline."""
        kind, row_id = parse_option_id(option)
        switcher = self.query_one(ContentSwitcher)
        if kind == "section":
            self.show_section(row_id)
        elif kind == "question":
            question = next(q for q in self.page.questions if q.id == row_id)
            self.query_one(QuestionPreview).show(question, self.page.verdicts.get(question.slug, "not checked"))
            switcher.current = "question-preview"
        elif kind == "goal" and self.page.review is not None:
            goal = next(g for g in self.page.review.goals if g.id == row_id)
            self.query_one(GoalPane).show(goal, self.page.review.week_number)
            switcher.current = "goal-pane"
        else:
            switcher.current = LINKS_ID

    @on(OptionList.OptionSelected, "#outline")
    def _enter(self, event: OptionList.OptionSelected) -> None:
        kind, row_id = parse_option_id(event.option.id)
        if kind == "section":
            self.edit_section(row_id)
            self.editor(row_id).focus()
        elif kind == "goal":
            self.notify(KEYS_HELP)
        elif kind == "question":
            self.app.open_page(QuestionScreen(row_id))
        else:
            self.query_one(LinksTable).focus()

    def on_links_table_changed(self) -> None:
        self.load(LINKS_ID)

    def _existing_editor(self, section_id: int) -> DraftArea | None:
        return next(iter(self.query(f"#editor-{section_id}")), None)

    def editor(self, section_id: int) -> DraftArea:
        """The section's editor, made from the loaded page the first time it is shown."""
        if (area := self._existing_editor(section_id)) is not None:
            return area
        section = next(s for s in self.page.sections if s.id == section_id)
        self.app.ledger.read("section", section.id, section.updated_at, self.week_id)
        area = DraftArea(DraftKey("section", section.id, "body"), section.body, id=f"editor-{section.id}")
        area.border_title = section_label(section)
        self.query_one(ContentSwitcher).mount(area)
        return area

    def opened_question(self, question_id: int) -> None:
        """A question was added here: show it in the outline and open it."""
        self.load()
        self.app.open_page(QuestionScreen(question_id, new=True))

    def action_save(self) -> None:
        for area in self.query(DraftArea):
            area.request_save()

    def show_restored(self, kind: str, row_id: int) -> None:
        """After an undo: read the week again, on the section or question that came back."""
        self.load(option_id(kind, row_id) if kind in ("section", "question") else None)

    def action_quiz_week(self) -> None:
        if self.page is not None:
            self.app.action_open_quiz(self.page.number)

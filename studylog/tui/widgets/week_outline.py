"""A week's outline, in the order it reads on the blog: last week's goals to review, then sections (indented
by level), the questions raised in each, study links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets.option_list import Option

from studylog.journal.kinds import kind_name
from studylog.tui.widgets import badge
from studylog.tui.widgets.goal_pane import goal_symbol
from studylog.tui.widgets.vim import VimOptionList

if TYPE_CHECKING:
    from studylog.tui.pages import QuestionItem, ReviewItem, SectionItem, WeekPage

LINKS_ID = "links"


def section_label(section: SectionItem) -> str:
    """A section's title, or its kind in brackets when it has none."""
    return section.title or f"({kind_name(section.kind)})"


def option_id(kind: str, row_id: int) -> str:
    return f"{kind}-{row_id}"


def parse_option_id(option_id: str) -> tuple[str, int | None]:
    """("section", 12), ("question", 3), ("goal", 7) or ("links", None)."""
    kind, _, row_id = option_id.partition("-")
    return kind, int(row_id) if row_id else None


class WeekOutline(VimOptionList):
    """Highlighting an entry shows it beside the outline; Enter edits a section or opens a question."""

    def show_page(self, page: WeekPage, keep: str | None = None) -> None:
        """Rebuild from page, keeping the highlight on the option id `keep` when it is still there, else at the same
        place (a deleted entry's neighbour)."""
        previous = self.highlighted
        self.clear_options()
        if page.review is not None:
            self._show_review(page.review)
        for section in page.sections:
            indent = "  " * max(0, section.level - 1)
            label = Text(indent + section_label(section), no_wrap=True, overflow="ellipsis")
            self.add_option(Option(label, id=option_id("section", section.id)))
            for question in page.questions_of(section.id):
                self.add_option(self._question_option(question, page.verdicts, indent + "  "))
        unplaced = page.questions_of(None)
        if unplaced:
            self.add_option(Option(Text("Other questions", style="dim italic"), disabled=True))
            for question in unplaced:
                self.add_option(self._question_option(question, page.verdicts, "  "))
        self.add_option(Option(Text(f"Study links ({len(page.links)})", style="italic"), id=LINKS_ID))
        enabled = [i for i in range(self.option_count) if not self.get_option_at_index(i).disabled]
        if keep and self.has(keep):
            self.highlighted = self.get_option_index(keep)
        else:  # the first entry when first shown; else the same place: a deleted entry's neighbour
            self.highlighted = enabled[0] if previous is None else next((i for i in enabled if i >= previous), enabled[-1])

    def _show_review(self, review: ReviewItem) -> None:
        """Last week's goals first, each with its status, under a line saying how many are left."""
        left = f", {review.left} left" if review.left else ", all reviewed"
        self.add_option(Option(Text(f"Week {review.week_number}'s goals{left}", style="bold italic"), disabled=True))
        for goal in review.goals:
            label = Text("  ", no_wrap=True, overflow="ellipsis")
            label.append_text(goal_symbol(goal))
            label.append(f" {goal.text}", style="dim" if goal.status == "dropped" else "")
            self.add_option(Option(label, id=option_id("goal", goal.id)))

    def has(self, option_id: str) -> bool:
        """Whether an option with this id is in the outline."""
        return any(self.get_option_at_index(i).id == option_id for i in range(self.option_count))

    @staticmethod
    def _question_option(question: QuestionItem, verdicts: dict[str, str], indent: str) -> Option:
        label = Text(indent, no_wrap=True, overflow="ellipsis")
        label.append_text(badge.symbol(verdicts.get(question.slug, "not checked")))
        label.append(f" {question.title}")
        return Option(label, id=option_id("question", question.id))

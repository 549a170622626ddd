"""The question screen's preview: one key shows the question and its answer as the post will (SectionPreview, fed
by blog.preview.question_preview) in place of their editors, and again returns to the editor that had the focus,
whose text, cursor and unsaved changes stay as they were."""

from __future__ import annotations

from studylog.blog.preview import question_preview
from studylog.tui.widgets.draft_area import DraftArea
from studylog.tui.widgets.section_preview import SectionPreview


class QuestionPreviewCommands:
    """Mixed into QuestionScreen, which provides `page` and the #question and #answer editors (DraftArea)."""

    previewing = False
    editing_before: DraftArea | None = None  # the editor the focus goes back to

    def action_toggle_preview(self) -> None:
        areas = {area.id: area for area in self.query(DraftArea)}
        if self.page is None or not areas:
            return
        shown = self.query_one("#question-post", SectionPreview)
        if not self.previewing:
            self.editing_before = self.focused if self.focused in areas.values() else None
            question = self.page.question
            shown.show_preview(f"Q · {question.slug}", question_preview(question.title, areas["question"].text, areas["answer"].text))
        self.previewing = not self.previewing
        shown.display = self.previewing
        for area in areas.values():
            area.display = not self.previewing
        if self.previewing and self.editing_before is not None:
            shown.query_one("#preview-scroll").focus()  # from an editor: the preview takes the focus, to scroll it
        elif not self.previewing and self.editing_before is not None:
            self.editing_before.focus()  # its cursor and selection are where they were

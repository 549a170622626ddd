"""A section's text, or a question's, as readers of the post will see it: the exported Markdown rendered by Textual's
Markdown widget, and a line naming what the literal guard escaped (both from studylog.blog.preview)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, Static

from studylog.blog.preview import Preview, preview, preview_parser


class SectionPreview(Vertical):
    """Shown in place of a section's editor; it shows the text it is given and never edits anything."""

    DEFAULT_CSS = """
    SectionPreview { border: round $panel; border-title-color: $text-muted; }
    SectionPreview:focus-within { border: round $accent; }
    SectionPreview > VerticalScroll { height: 1fr; }
    SectionPreview > #preview-note { height: auto; max-height: 4; color: $warning; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="preview-scroll"):
            yield Markdown(parser_factory=preview_parser, id="preview-markdown")
        yield Static(id="preview-note", markup=False)

    def show(self, title: str, kind: str, text: str) -> AwaitComplete:
        """Render a section's text (the editor's, saved or not) as export writes it; await the result to wait for
        the render."""
        return self.show_preview(title, preview(text, kind))

    def show_preview(self, title: str, shown: Preview) -> AwaitComplete:
        """Render what blog.preview made of a section or a question."""
        self.border_title = f"{title} · as the post shows it"
        note = self.query_one("#preview-note", Static)
        note.update(shown.note)
        note.display = bool(shown.note)
        self.query_one("#preview-scroll").scroll_home(animate=False)
        return self.query_one(Markdown).update(shown.markdown or "*(no text yet)*")

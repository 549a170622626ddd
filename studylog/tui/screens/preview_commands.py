"""The week screen's preview: one key shows the highlighted section as the post will (SectionPreview) in place
of its editor, and again returns to the editor, whose text, cursor and unsaved changes stay as they were."""

from __future__ import annotations

from textual.widgets import ContentSwitcher

from studylog.tui.widgets.section_preview import SectionPreview
from studylog.tui.widgets.week_outline import section_label


class PreviewCommands:
    """Mixed into WeekScreen, which provides page, editor() and _current_section(). While previewing, moving
    through the outline previews each section in turn; Enter on a section, or the key again, edits it."""

    previewing = False

    def show_section(self, section_id: int) -> None:
        """Beside the outline: the section's editor, or its preview while previewing."""
        area = self.editor(section_id)
        switcher = self.query_one(ContentSwitcher)
        if not self.previewing:
            switcher.current = area.id
            return
        section = next(s for s in self.page.sections if s.id == section_id)
        self.query_one(SectionPreview).show(section_label(section), section.kind, area.text)
        switcher.current = "section-preview"

    def edit_section(self, section_id: int) -> None:
        """Leave the preview, if shown, for the section's editor."""
        self.previewing = False
        self.show_section(section_id)

    def action_toggle_preview(self) -> None:
        section = self._current_section()
        if section is None:
            self.notify("ctrl+o previews a section; a question shows beside the outline as it is (Enter opens it, "
                        "and ctrl+o there shows it as the post will).")
            return
        area = self.editor(section.id)
        reading = self.query_one("#preview-scroll")
        if not self.previewing:
            self.previewing = True
            self.show_section(section.id)
            if self.focused is area:  # from the editor: the preview takes the focus, to scroll it
                reading.focus()
        else:
            back_to_editor = self.focused is reading
            self.edit_section(section.id)
            if back_to_editor:
                area.focus()  # its cursor and selection are where they were

"""The question screen's check commands: `c` writes a check module from a template (or opens the one there
is), `E` opens it in $VISUAL/$EDITOR, and a saved module's checks run again at once.

Mixed into QuestionScreen, which provides `page`, `load`, `cancel_run`, `rerun_wanted` and `action_run_checks`,
and calls `module_shown` after each load.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import SuspendNotSupported
from textual.widgets.text_area import Selection

from studylog.tui import services
from studylog.tui.reporting import background
from studylog.tui.screens.dialogs import Field, FormScreen, ask
from studylog.tui.screens.template_picker import TemplatePicker
from studylog.tui.widgets.check_editor import CheckEditor
from studylog.tui.widgets.check_panel import CheckPanel
from studylog.tui.widgets.claims_table import ClaimsTable

PLACEHOLDER_CALL = 'fill_in("'


class CheckAuthoring:
    """Write, edit and rerun the question's check module without leaving the app."""

    placeholder_wanted: Path | None = None  # a module just written: select its placeholder once a load shows it

    def action_write_or_open_check(self) -> None:
        if self.page is None:
            return
        if self.page.source_path is not None:
            self.query_one(CheckEditor).focus()
            return
        self.app.push_screen(TemplatePicker(self.page.question.slug), self._template_picked)

    def _template_picked(self, template: str | None) -> None:
        if template is not None:
            question = self.page.question
            self._write_check(question.slug, question.question or question.title, template)

    @background(group="check-new")
    def _write_check(self, slug: str, text: str, template: str) -> None:
        path = services.authoring.new_check(self.app.db_path, slug, text, template)
        self.app.call_from_thread(self._open_written, path)

    def _open_written(self, path: Path) -> None:
        """Load the page again; the load that shows the new module selects its placeholder (module_shown). Not
        shown here: a load started before the module existed may still arrive, and would clear the editor."""
        self.placeholder_wanted = path
        self.notify(f"Wrote {path}: type the expected value, then ctrl+s to save and run it.")
        self.load()

    def module_shown(self, editor: CheckEditor, path: Path | None) -> None:
        """After a load showed `path`: focus the module just written, its placeholder selected, so that typing the
        value replaces it."""
        if path is not None and path == self.placeholder_wanted:
            self.placeholder_wanted = None
            editor.focus()
            select_placeholder(editor)

    def action_edit_check_externally(self) -> None:
        """Open the module in $VISUAL/$EDITOR with the app suspended; on return, show and run what was saved."""
        editor = self.query_one(CheckEditor)
        if editor.path is None:
            self.notify("No check module of yours here: press c to write one from a template.", severity="warning")
            return
        editor.write()
        command = [*shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"), str(editor.path)]
        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            if not self.app.is_headless:  # a terminal we cannot hand over: say so rather than hang
                self.notify("This terminal cannot be handed to an editor; use c to edit here.", severity="error")
                return
            subprocess.run(command, check=False, stdin=subprocess.DEVNULL)
        except OSError as exc:
            self.notify(f"cannot start {command[0]}: {exc.strerror or exc}", severity="error")
            return
        editor.reload()
        self.rerun_checks()

    def action_quiz_on_claim(self) -> None:
        """p on a claim row: quiz me on this value (a numeric prompt stored with the question)."""
        table = self.query_one(ClaimsTable)
        found = table.claims.get(table.current_key()) if table.row_count else None
        if self.page is None or found is None:
            self.notify("Put the cursor on a claim of the checks table to quiz on its value.", severity="warning")
            return
        run, claim = found
        fields = [Field("text", "Ask", f"{claim.label}?"),
                  Field("unit", "K is", "1000", hint="1000, or 1024 as in GoogLeNet's Table 1")]
        ask(self.app, FormScreen(f"Quiz on {claim.label}", fields), lambda v: self._add_prompt(run.check_id, claim.label, v))

    @background(group="prompt")
    def _add_prompt(self, check_id: str, claim: str, values: dict[str, str]) -> None:
        unit = int(values["unit"]) if values["unit"].isdigit() else values["unit"]
        prompt = services.prompts.add_prompt(self.app.database, self.page.question.slug, values["text"], check_id, claim, unit)
        self.app.call_from_thread(self.notify, f"The quiz will ask: {prompt.text}")

    def rerun_checks(self) -> None:
        """Run the question's checks again (after a save); a run already on is cancelled and started over."""
        if self.query_one(CheckPanel).is_running:
            self.rerun_wanted = True
            self.cancel_run.set()
        else:
            self.action_run_checks()


def select_placeholder(editor: CheckEditor) -> None:
    """Select the first `fill_in("...")` call in the editor, so that what is typed next replaces it."""
    for row, line in enumerate(editor.text.splitlines()):
        start = line.find(PLACEHOLDER_CALL)
        if start >= 0:
            end = line.find('")', start)
            editor.selection = Selection((row, start), (row, end + 2 if end >= 0 else len(line)))
            editor.scroll_to(x=0, y=max(0, row - 3), animate=False)
            return

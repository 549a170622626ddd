"""Every key of the app in one registry: screens build their bindings from it, Help lists it,
and a keymap file (TOML, `binding-id = "keys"`) remaps any of them by id.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding

from studylog.config import KEYMAP_ENV_VAR, keymap_path  # noqa: F401  (the app and Help read them here)
from studylog.errors import StudylogError


@dataclass(frozen=True)
class Key:
    """One binding: the id a keymap names it by, default keys, the action it runs, what it does."""

    id: str
    keys: str
    action: str
    description: str
    show: bool = True
    priority: bool = False


def _vim_moves(scope: str, top: str, bottom: str, select: str) -> tuple[Key, ...]:
    return (
        Key(f"{scope}.down", "j", "cursor_down", "Down", show=False),
        Key(f"{scope}.up", "k", "cursor_up", "Up", show=False),
        Key(f"{scope}.top", "g", top, "First", show=False),
        Key(f"{scope}.bottom", "G", bottom, "Last", show=False),
        Key(f"{scope}.page-down", "ctrl+d", "page_down", "Page down", show=False),
        Key(f"{scope}.page-up", "ctrl+u", "page_up", "Page up", show=False),
        Key(f"{scope}.open", "l", select, "Open", show=False),
    )


REGISTRY: dict[str, tuple[Key, ...]] = {
    "app": (
        Key("app.quit", "ctrl+q", "quit", "Quit", priority=True),
        # Priority: the focus moves before the next key is read. Textual's own Tab moves it only once the key has
        # passed through the focused widget, and keys typed meanwhile land in the widget being left. A widget that
        # types a tab (the check editor) still gets it: Textual drops bindings of keys the focused widget consumes.
        Key("app.focus-next", "tab", "focus_next", "Next field", show=False, priority=True),
        Key("app.focus-previous", "shift+tab", "focus_previous", "Previous field", show=False, priority=True),
        Key("app.help", "question_mark,f1", "show_help", "Help"),
        Key("app.search", "slash", "open_search", "Search"),
        Key("app.weeks", "1", "open_weeks", "Weeks", show=False),
        Key("app.questions", "2", "open_questions", "Questions", show=False),
        Key("app.quiz", "z", "open_quiz", "Quiz the due cards", show=False),
        Key("app.stats", "s", "open_stats", "Quiz stats", show=False),
        Key("app.undo", "u", "undo", "Undo the last delete", show=False),
    ),
    "back": (Key("screen.back", "escape,h", "back", "Back"),),
    "table": _vim_moves("table", "scroll_top", "scroll_bottom", "select_cursor"),
    "options": _vim_moves("options", "first", "last", "select"),
    "weeks": (
        Key("weeks.new", "n", "new_week", "New week"),
        Key("weeks.edit", "e", "edit_week", "Edit week"),
        Key("weeks.delete", "d", "delete_week", "Delete week", show=False),
    ),
    "week": (
        Key("week.save", "ctrl+s", "save", "Save"),
        Key("week.add-section", "a", "add_section", "Add section"),
        Key("week.rename-section", "r", "rename_section", "Title/kind"),
        Key("week.preview", "ctrl+o", "toggle_preview", "Preview"),
        Key("week.nest-section", "greater_than_sign", "nest_section(1)", "Nest under the section above", show=False),
        Key("week.unnest-section", "less_than_sign", "nest_section(-1)", "Un-nest", show=False),
        Key("week.move-up", "K", "move_section(-1)", "Move up", show=False),
        Key("week.move-down", "J", "move_section(1)", "Move down", show=False),
        Key("week.delete-section", "d", "delete", "Delete the section or question", show=False),
        Key("week.new-question", "n", "new_question", "New question"),
        Key("week.quiz", "z", "quiz_week", "Quiz this week", show=False),
        Key("week.goal-done", "x", "goal_status('done')", "Goal done", show=False),
        Key("week.goal-partly", "p", "goal_status('partly')", "Goal partly done", show=False),
        Key("week.goal-dropped", "minus", "goal_status('dropped')", "Goal dropped", show=False),
        Key("week.goal-open", "o", "goal_status('open')", "Goal open again", show=False),
        Key("week.goal-note", "m", "goal_note", "Note on the goal", show=False),
        Key("week.carry-goals", "c", "carry_goals", "Carry unfinished goals", show=False),
    ),
    "links": (
        Key("links.add", "a", "add_link", "Add link"),
        Key("links.delete", "d", "delete_link", "Delete link"),
    ),
    "questions": (
        Key("questions.filter", "f", "focus_filters", "Filter"),
        Key("questions.delete", "d", "delete_question", "Delete question", show=False),
    ),
    "search": (
        Key("search.next", "down,ctrl+n", "move_hit(1)", "Next result", show=False),
        Key("search.previous", "up,ctrl+p", "move_hit(-1)", "Previous result", show=False),
    ),
    "question": (
        Key("question.save", "ctrl+s", "save", "Save"),
        Key("question.run", "ctrl+r", "run_checks", "Run checks"),
        Key("question.preview", "ctrl+o", "toggle_preview", "Preview"),
        Key("question.cancel", "ctrl+g", "cancel_checks", "Cancel run"),
        Key("question.check", "c", "write_or_open_check", "Write/edit check"),
        Key("question.check-editor", "E", "edit_check_externally", "Check in $EDITOR"),
        Key("question.quiz-on-claim", "p", "quiz_on_claim", "Quiz on this claim (in the claims table)", show=False),
        Key("question.rename", "R", "rename_question", "Rename the question's id", show=False),
        Key("question.move", "M", "move_question", "Move to another week", show=False),
        Key("question.delete", "d", "delete_question", "Delete question", show=False),
    ),
    "quiz": (
        Key("quiz.next", "enter", "next_card", "Next card"),
        Key("quiz.cram", "ctrl+t", "toggle_cram", "Cram on/off"),
        Key("quiz.again", "1", "rate(1)", "Rate Again (once the answer shows)", show=False),
        Key("quiz.hard", "2", "rate(2)", "Rate Hard", show=False),
        Key("quiz.good", "3", "rate(3)", "Rate Good", show=False),
        Key("quiz.easy", "4", "rate(4)", "Rate Easy", show=False),
    ),
    "dialog": (Key("dialog.cancel", "escape", "cancel", "Cancel"),),
    "form": (Key("form.next", "enter", "next_input", "Next field, or OK", show=False, priority=True),),
    "confirm": (
        Key("confirm.yes", "y", "yes", "Yes"),
        Key("confirm.no", "n", "cancel", "No"),
    ),
    "conflict": (
        Key("conflict.mine", "m", "keep_mine", "Keep mine"),
        Key("conflict.both", "b,escape", "keep_both", "Keep both"),
    ),
    "gone": (
        Key("gone.keep", "k", "keep", "Keep the text"),
        Key("gone.discard", "d", "discard", "Discard it"),
        Key("gone.later", "escape", "later", "Decide later"),
    ),
}


SCOPE_TITLES = {
    "app": "Everywhere",
    "back": "Every screen but Weeks",
    "table": "Tables",
    "options": "Week outline, search results",
    "weeks": "Weeks",
    "week": "A week",
    "links": "A week's study links",
    "questions": "Questions",
    "search": "Search",
    "question": "A question",
    "quiz": "The quiz",
    "dialog": "Dialogs",
    "form": "Forms",
    "confirm": "Yes/no questions",
    "conflict": "An edit conflict",
    "gone": "Text deleted elsewhere",
}


def bindings(*scopes: str) -> list[Binding]:
    """The Textual bindings of the given scopes, in registry order."""
    return [
        Binding(key.keys, key.action, key.description, show=key.show, priority=key.priority, id=key.id)
        for scope in scopes
        for key in REGISTRY[scope]
    ]


def load_keymap(path: Path) -> dict[str, str]:
    """Binding id -> keys from a keymap file; a missing file is an empty keymap."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise StudylogError(f"{path}: not valid TOML: {exc}") from None
    known = {key.id for scope in REGISTRY.values() for key in scope}
    for binding_id, keys in data.items():
        if binding_id not in known:
            raise StudylogError(f"{path}: unknown binding '{binding_id}' (the Help screen lists every id)")
        if not isinstance(keys, str) or not keys.strip():
            raise StudylogError(f"{path}: '{binding_id}' needs keys as a string, such as \"ctrl+s\"")
    return data

"""The services the screens call, each imported on first use (PEP 562).

SQLAlchemy and SQLModel take about 0.2 s to import; the first use is in a worker after the
first frame, so the app appears as fast as a bare Textual app. Screens write
`services.sections.update_section(...)` and never import the store themselves.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

MODULES = {
    "database": "studylog.store.database",
    "weeks": "studylog.journal.weeks",
    "week_start": "studylog.journal.week_start",
    "templates": "studylog.journal.templates",
    "goals": "studylog.journal.goals",
    "goal_review": "studylog.journal.goal_review",
    "sections": "studylog.journal.sections",
    "questions": "studylog.journal.questions",
    "question_moves": "studylog.journal.question_moves",
    "links": "studylog.journal.links",
    "search": "studylog.journal.search",
    "trash": "studylog.journal.trash",
    "discovery": "studylog.checks.discovery",
    "authoring": "studylog.checks.authoring",
    "results": "studylog.checks.results",
    "runner": "studylog.checks.runner",
    "display": "studylog.checks.display",
    "session": "studylog.quiz.session",
    "prompts": "studylog.quiz.prompts",
    "feedback": "studylog.quiz.feedback",
    "reviews": "studylog.quiz.reviews",
    "stats": "studylog.quiz.stats",
    "report": "studylog.quiz.report",
}

if TYPE_CHECKING:  # what the names are, for type checkers and editors
    from studylog.checks import authoring, discovery, display, results, runner  # noqa: F401
    from studylog.journal import goal_review, goals, links, question_moves, questions, search, sections, templates, trash, week_start, weeks  # noqa: F401,E501
    from studylog.quiz import feedback, prompts, report, reviews, session, stats  # noqa: F401
    from studylog.store import database  # noqa: F401


def __getattr__(name: str):
    if name not in MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(MODULES[name])
    globals()[name] = module
    return module

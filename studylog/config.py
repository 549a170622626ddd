"""Where studylog keeps its data: platformdirs' user data dir unless --db or STUDYLOG_DB says otherwise."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "studylog"
DB_ENV_VAR = "STUDYLOG_DB"
CHECK_PATHS_ENV_VAR = "STUDYLOG_CHECK_PATHS"


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database file: the explicit path, else $STUDYLOG_DB, else the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    if env := os.environ.get(DB_ENV_VAR):
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "studylog.db"


def bundled_questions_dir() -> Path:
    """The question bank shipped with studylog (`questions/` in a checkout)."""
    return Path(str(files("studylog.bank.questions")))


def bundled_references_dir() -> Path:
    """The cited reference tables shipped with studylog (`references/` in a checkout)."""
    return Path(str(files("studylog.bank.references")))


def question_dirs() -> list[Path]:
    """The bundled bank first, then folders the user lists in $STUDYLOG_CHECK_PATHS (os.pathsep-separated)."""
    extra = [Path(p).expanduser() for p in os.environ.get(CHECK_PATHS_ENV_VAR, "").split(os.pathsep) if p]
    return [bundled_questions_dir(), *extra]

"""Open the app on a database file; the CLI's bare `studylog` calls this."""

from __future__ import annotations

from pathlib import Path

from studylog.errors import StudylogError
from studylog.process_exit import tell


def launch(db_path: Path) -> None:
    """Run the app until the user quits. The app opens (and migrates) the database after its first frame."""
    from studylog.tui.app import StudylogApp

    app = StudylogApp(db_path)
    app.run()
    if app.return_code and app.return_code > 128:  # 128 + N after signal N (SIGHUP, SIGTERM), every editor saved
        if app.failure:  # where the text that could not be saved went; a terminal closed (SIGHUP) refuses the line
            tell(f"Error: {app.failure}")
        raise SystemExit(app.return_code)
    if app.failure:
        error = StudylogError(app.failure)
        error.exit_code = app.return_code or 1  # the CLI exits with the failure's own code (errors.py)
        raise error

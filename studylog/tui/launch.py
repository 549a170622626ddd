"""Open the app on a database file; the CLI's bare `studylog` calls this."""

from __future__ import annotations

from pathlib import Path

from studylog.errors import StudylogError


def launch(db_path: Path) -> None:
    """Run the app until the user quits. The app opens (and migrates) the database after its first frame."""
    from studylog.tui.app import StudylogApp

    app = StudylogApp(db_path)
    app.run()
    if app.failure:
        error = StudylogError(app.failure)
        error.exit_code = app.return_code or 1  # the CLI exits with the failure's own code (errors.py)
        raise error
    if app.return_code:  # 128 + N after signal N (SIGHUP, SIGTERM), with every editor saved
        raise SystemExit(app.return_code)

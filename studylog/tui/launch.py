"""Open the app on a database (placeholder until the Textual app lands: prints the weeks)."""

from __future__ import annotations

from studylog.store.database import Database


def launch(db: Database) -> None:
    """Show the user's log."""
    from studylog.commands.render import print_week
    from studylog.journal.weeks import list_weeks, week_detail

    for summary in list_weeks(db):
        print_week(week_detail(db, summary.week.id))

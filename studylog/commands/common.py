"""What every command shares: the --db option that opens (and migrates) the database."""

from __future__ import annotations

import functools

import click

from studylog.config import DB_ENV_VAR, database_path

DB_HELP = f"Database file (default: ${DB_ENV_VAR}, else the user data folder)."


def with_database(command):
    """Add --db to a command and pass it the opened Database as `db`."""

    @click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, help=DB_HELP)
    @click.pass_context
    @functools.wraps(command)
    def wrapper(ctx: click.Context, db_path: str | None, **kwargs):
        from studylog.store.database import open_database

        root = ctx.find_root().params.get("db_path")
        db = open_database(database_path(db_path or root))
        ctx.call_on_close(db.close)
        return ctx.invoke(command, db=db, **kwargs)

    return wrapper

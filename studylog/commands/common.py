"""What every command shares: the --db option that opens (and migrates) the database, and errors as one line."""

from __future__ import annotations

import functools

import click
from click.exceptions import NoArgsIsHelpError

from studylog.config import DB_ENV_VAR, database_path
from studylog.errors import StudylogError
from studylog.store.limits import SQLITE_INTEGERS, WEEK_NUMBERS
from studylog.terminal import one_line, printable

DB_HELP = f"Database file (default: ${DB_ENV_VAR}, else the user data folder)."
COURSE_HELP = "The course (default: the course of the week created or changed last)."
WEEK_NUMBER = click.IntRange(WEEK_NUMBERS.start, WEEK_NUMBERS.stop - 1)  # every NUMBER argument and --week


def db_option(help_text: str = DB_HELP):
    """The --db option. A folder or other non-file is not refused here as a usage error (exit 2) but by
    opening it, as for $STUDYLOG_DB: one line and exit 4, the code for a database file that cannot be used."""
    return click.option("--db", "db_path", type=click.Path(), default=None, help=help_text)


def selected_week(db, number: int | None, course: str | None) -> int | None:
    """The id of the week `--week NUMBER [--course NAME]` names (journal.weeks.find_week), None for no --week."""
    if number is None:
        if course is not None:
            raise click.UsageError("--course names the course of --week; give --week N as well")
        return None
    from studylog.journal.weeks import find_week

    return find_week(db, number, course).id


def count(minimum: int = 0, maximum: int = SQLITE_INTEGERS.stop - 1) -> click.IntRange:
    """The type of a whole-number option (a limit, a count): refused in one line outside its range."""
    return click.IntRange(minimum, maximum)


def with_database(command=None, *, opened_when_needed: bool = False, reads_only: bool = False):
    """Add --db to a command and pass it the opened Database as `db`; with opened_when_needed, pass `db` as a
    function that opens it on first call, so a command refusing its input first creates no database file;
    `db(scratch=True)` opens a throwaway copy instead (a dry run: the file is never created or written).
    A command that reads_only, given a path where no file is (a mistyped --db), reads an empty throwaway
    database and says so on stderr: it creates no file or folder there."""

    def decorate(command):
        @db_option()
        @click.pass_context
        @functools.wraps(command)
        def wrapper(ctx: click.Context, db_path: str | None, **kwargs):
            from studylog.store.database import open_database

            path = database_path(db_path or ctx.find_root().params.get("db_path"))

            @functools.cache
            def opened(scratch: bool = False):
                if scratch:
                    from studylog.store.scratch import scratch_copy

                    return ctx.with_resource(scratch_copy(path))
                db = open_database(path)
                ctx.call_on_close(db.close)
                return db

            if reads_only and not path.exists():
                say(f"no study log at {path} yet: nothing to show, and nothing was created there", err=True)
                return ctx.invoke(command, db=opened(scratch=True), **kwargs)
            return ctx.invoke(command, db=opened if opened_when_needed else opened(), **kwargs)

        return wrapper

    return decorate(command) if command is not None else decorate


def say(text: str, *, err: bool = False, nl: bool = True) -> None:
    """click.echo for text that may hold stored or typed strings: control characters shown, not obeyed."""
    click.echo(printable(text), err=err, nl=nl)


def click_error(exc: StudylogError, exit_code: int | None = None) -> click.ClickException:
    """A StudylogError as click prints it: `Error: <one line>`, exiting with its code (or `exit_code`)."""
    error = click.ClickException(one_line(str(exc)))
    error.exit_code = exit_code or exc.exit_code
    return error



def as_one_line(exc: click.ClickException) -> click.ClickException:
    """The same click error as one line (its message may quote what the user typed); a usage error names the
    help to read at the end of that line instead of printing the usage and a hint above it. Exit code kept.
    A group run without its command (`studylog week`) is not an error to shorten: click shows its help."""
    if isinstance(exc, NoArgsIsHelpError):
        return exc
    if isinstance(exc, click.UsageError) and exc.ctx is not None:
        error = click.ClickException(f"{exc.format_message().strip()} (see '{exc.ctx.command_path} --help')")
        error.exit_code = exc.exit_code
        exc = error
    exc.message = one_line(exc.message)
    return exc

"""`studylog verify`: recompute the bank's answers with their checks and show which claims hold."""

from __future__ import annotations

import time

import click

from studylog.checks.devices import DEVICES
from studylog.checks.registry import DEFAULT_TIMEOUT_S
from studylog.commands.common import click_error, count, db_option
from studylog.config import check_dirs, database_path
from studylog.errors import StudylogError
from studylog.process_exit import ended_by, interrupted, tell

USAGE_ERROR = 3  # 0, 1 and 2 say how the checks went; 3 says the command itself could not run as written


class VerifyCommand(click.Command):
    """Exits 3 on a usage or configuration error (a bad option, an unknown question), so that 1 and 2 always
    mean a failing claim and a check that errored."""

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            exc.exit_code = USAGE_ERROR
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StudylogError as exc:  # a database that cannot be used keeps its own code (4)
            raise click_error(exc, USAGE_ERROR if exc.exit_code == StudylogError.exit_code else None) from None


@click.command(cls=VerifyCommand)
@click.argument("names", nargs=-1, metavar="[QUESTION]...")
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True,
              help="Where checks run; auto picks cuda, then mps, then cpu.")
@click.option("--force", is_flag=True, help="Rerun checks whose results are cached.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help=f"Seconds each check may run, overriding the checks' own limits (default {DEFAULT_TIMEOUT_S:g}).")
@click.option("--memory-limit", type=click.FloatRange(min=0, min_open=True), default=None, metavar="GB",
              help="Memory each check may use, overriding the checks' own memory_gb= (default 8 GB, or half the machine's if less).")
@click.option("--cpu-limit", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="CPU time each check may use, all its threads counted, overriding the checks' own cpu_s= (default 600).")
@click.option("--jobs", "-j", type=count(1, 1024), default=None,
              help="Checks run at once (default: the cores, at most 4); a check that measures time runs alone.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per claim instead of the table.")
@click.option("--list", "list_only", is_flag=True, help="List the checks and their newest results; run nothing.")
@db_option()
@click.pass_context
def verify(ctx: click.Context, names, device, force, timeout, memory_limit, cpu_limit, jobs, as_json, list_only, db_path) -> None:
    """Run the checks of QUESTION (a question id or a check id; all when none) and show their claims.

    Results are cached by the check's code, the reference data it reads, the torch version and the
    device, so an unchanged rerun is instant and imports no torch.

    \b
    Exit status: 0  every asserted claim holds
                 1  an asserted claim fails
                 2  a check errored or timed out, or --device is missing
                 3  a usage error: a bad option, an unknown question, or results that could not be stored
                 4  the database cannot be opened, read or written (refused before any check runs)
               129  the terminal closed (SIGHUP): as 130
               130  interrupted (Ctrl-C): the checks are stopped, the results that finished are stored
               141  the reader of the output went away (`| head`): the results are stored
               143  killed (SIGTERM): as 130
    """
    # The database is opened by path: a cached verify reads it with sqlite3, never loading the ORM.
    path = database_path(db_path or ctx.find_root().params.get("db_path"))
    if list_only:
        from studylog.checks.discovery import discover, select
        from studylog.checks.history import question_slugs
        from studylog.checks.results import latest_runs
        from studylog.commands.verify_list import print_list

        print_list(select(discover(check_dirs(path)), names), {r.check_id: r for r in latest_runs(path)},
                   question_slugs(path))
        return
    from studylog.checks.devices import DeviceUnavailable
    from studylog.checks.runner import ResultsNotStored, run_checks
    from studylog.store.sqlite_file import has_data, require_writable

    has_data(path)  # a FIFO, a folder or a file that is not SQLite is refused before any check runs
    require_writable(path)  # so is one that cannot store the results
    from studylog.commands import verify_render as render
    from studylog.commands.verify_progress import LiveProgress

    started, progress, not_stored = time.monotonic(), LiveProgress(), None
    try:
        runs = run_checks(path, names, device=device, force=force, timeout=timeout, jobs=jobs, progress=progress,
                          memory_gb=memory_limit, cpu_s=cpu_limit)
    except DeviceUnavailable as exc:  # no check could run there: one line, not one traceback per check
        progress.close()
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2)
    except ResultsNotStored as exc:  # shown all the same, then named as the error it is
        runs, not_stored = exc.runs, exc
    except KeyboardInterrupt as exc:  # Ctrl-C, SIGTERM, SIGHUP: the checks are stopped, what finished is stored
        progress.close()
        status = interrupted(exc)
        what = ended_by(status)
        tell(f"{what[:1].upper()}{what[1:]}: the checks still running were stopped; finished results are stored.")
        ctx.exit(status)
    finally:
        progress.close()
    if as_json:
        render.print_json(runs)
    else:
        from studylog.checks.discovery import discover

        render.print_table(runs, {spec.check_id: spec.module for spec in discover(check_dirs(path))})
        render.console_for_this_run().print(render.summary(runs, time.monotonic() - started), soft_wrap=True)
    if not_stored is not None:
        raise not_stored
    ctx.exit(render.exit_code(runs))

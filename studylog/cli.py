"""The studylog command line: bare `studylog` opens the TUI; subcommands use the same services.

Subcommands are imported only when invoked, so `studylog --help` and the journal commands
never import torch, torchvision or textual.
"""

from __future__ import annotations

import importlib
import sys

import click

from studylog.commands.common import as_one_line, click_error, db_option
from studylog.config import database_path
from studylog.errors import StudylogError
from studylog.process_exit import ending_cleanly, flushed, raise_on_termination

# name -> "module:attribute"; each area registers its commands here.
COMMANDS = {
    "demo": "studylog.commands.journal:demo",
    "week": "studylog.commands.journal:week",
    "question": "studylog.commands.journal:question",
    "search": "studylog.commands.journal:search",
    "template": "studylog.commands.templates:template",
    "goal": "studylog.commands.goals:goal",
    "count": "studylog.commands.count:count",
    "quiz": "studylog.commands.quiz:quiz",
    "verify": "studylog.commands.checks:verify",
    "check": "studylog.commands.check:check",
    "pack": "studylog.commands.pack:pack",
    "export": "studylog.commands.blog:export_week",
    "import": "studylog.commands.blog:import_post",
    "paths": "studylog.commands.paths:paths",
    "config": "studylog.commands.paths:paths",
    "undo": "studylog.commands.trash:undo",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use, and whose errors print as one line with the
    error's exit status (errors.py)."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module), attribute)

    def make_context(self, *args, **kwargs):
        with ending_cleanly():  # `studylog --help | head -1`
            try:
                return super().make_context(*args, **kwargs)
            except click.ClickException as exc:  # `studylog --bad`: one line too
                raise as_one_line(exc) from exc.__cause__

    def invoke(self, ctx):
        with ending_cleanly():  # a signal, a broken pipe, an output that cannot be written (process_exit.py)
            try:
                return super().invoke(ctx)
            except StudylogError as exc:
                raise click_error(exc) from None
            except click.ClickException as exc:
                raise as_one_line(exc) from exc.__cause__


@click.group(cls=LazyGroup, invoke_without_command=True)
@db_option()
@click.version_option(package_name="studylog")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """studylog: your weekly deep-learning study log, with answers recomputed by PyTorch checks.

    Run without a command to open the app.
    """
    if ctx.invoked_subcommand is None:
        from studylog.tui.launch import launch

        launch(database_path(db_path))  # the app opens the database in a worker, after its first frame


def main() -> None:
    """Console-script entry point: SIGTERM and SIGHUP end a command as Ctrl-C does (process_exit.py)."""
    raise_on_termination()
    try:
        cli(prog_name="studylog")
    except SystemExit as exc:  # flushed here, not at exit, where a reader gone would print 'Exception ignored'
        sys.exit(flushed(exc.code))

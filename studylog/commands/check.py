"""`studylog check new|list|edit|path`: write a question's check from a template, find it, open it."""

from __future__ import annotations

import click

from studylog.checks.templates import TEMPLATES
from studylog.commands.common import say, with_database
from studylog.errors import NotFound, StudylogError
from studylog.terminal import json_text

TEMPLATE_HELP = "; ".join(f"{name}: {description}" for name, description in TEMPLATES.items())


def _edit(path) -> None:
    """Open `path` in $VISUAL / $EDITOR (click finds them; vi when neither is set)."""
    click.edit(filename=str(path))


@click.group()
def check() -> None:
    """Write, list and open the checks that recompute a question's answer.

    \b
    studylog check new bn-params --template params   # writes checks/bn_params.py beside the database
    studylog verify bn-params                         # fails, saying what to fill in, until you do
    """


@check.command("new")
@click.argument("question")
@click.option("--template", "-t", type=click.Choice(list(TEMPLATES)), default="params", show_default=True,
              help=TEMPLATE_HELP)
@click.option("--edit", is_flag=True, help="Open the new module in $VISUAL / $EDITOR.")
@with_database
def check_new(db, question: str, template: str, edit: bool) -> None:
    """Write a check module for QUESTION (its id) from a template, in `checks/` beside the database.

    The module's expected value is a fill_in(...) placeholder: the check fails, saying what to fill in,
    until you write the value. An existing module is never overwritten. Prints the new file's path last.
    """
    from studylog.checks.authoring import new_check
    from studylog.journal.questions import get_question

    row = get_question(db, question)
    path = new_check(db.path, row.slug, row.question or row.title, template)
    say(f"wrote a {template} check for {row.slug}; fill in its expected value, then: studylog verify {row.slug}")
    say(str(path))
    if edit:
        _edit(path)


@check.command("list")
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per check.")
@with_database
def check_list(db, question: str | None, as_json: bool) -> None:
    """List every check (or QUESTION's): its id, question, file and line."""
    from studylog.checks.discovery import discover
    from studylog.checks.history import question_slugs
    from studylog.config import check_dirs

    specs = [s for s in discover(check_dirs(db.path)) if question in (None, s.question_slug, s.check_id)]
    known = question_slugs(db.path)
    for spec in specs:
        row = {"check": spec.check_id, "question": spec.question_slug, "file": str(spec.module), "line": spec.line,
               "question_in_database": spec.question_slug in known, "problem": spec.problem}
        if as_json:
            click.echo(json_text(row))
        else:
            note = f"  ({spec.problem})" if spec.problem else "" if row["question_in_database"] else "  (no such question in this database)"
            say(f"{spec.check_id:<32} {spec.question_slug:<28} {spec.module}:{spec.line}{note}")
    if not specs and not as_json:
        say(f"no checks{f' of {question}' if question else ''}; write one with: studylog check new QUESTION")


def _modules(db, key: str):
    from studylog.checks.authoring import modules_of

    modules = modules_of(db.path, key)
    if not modules:
        raise NotFound(f"no check module for '{key}'; write one with: studylog check new {key}")
    return modules


@check.command("path")
@click.argument("key", metavar="QUESTION|CHECK")
@with_database
def check_path(db, key: str) -> None:
    """Print the file of each module holding the checks of QUESTION (or the check with that id)."""
    for module in _modules(db, key):
        say(str(module))


@check.command("edit")
@click.argument("key", metavar="QUESTION|CHECK")
@with_database
def check_edit(db, key: str) -> None:
    """Open the check module of QUESTION (or of a check id) in $VISUAL / $EDITOR."""
    modules = _modules(db, key)
    if len(modules) > 1:
        raise StudylogError(f"'{key}' has checks in {len(modules)} modules; open one of: {', '.join(map(str, modules))}")
    _edit(modules[0])

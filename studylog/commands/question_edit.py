"""`studylog question rename|move|prompt add`: change a question's id, week or numeric quiz prompts."""

from __future__ import annotations

import click

from studylog.commands.common import COURSE_HELP, WEEK_NUMBER, say, with_database


@click.command("rename")
@click.argument("old")
@click.argument("new")
@with_database
def question_rename(db, old: str, new: str) -> None:
    """Give question OLD the id NEW; its stored check results, prompts and quiz card go with it.

    Check modules are your code and are not rewritten: the ones still saying question="OLD" are listed.
    """
    from studylog.checks.authoring import modules_of
    from studylog.journal.question_moves import rename_question

    row = rename_question(db, old, new)
    say(f"renamed {old} to {row.slug}")
    for module in modules_of(db.path, old):
        say(f'{module}: still says question="{old}"; change it to question="{row.slug}"')


@click.command("move")
@click.argument("key")
@click.option("--week", "week_number", type=WEEK_NUMBER, required=True, help="The week to move it to.")
@click.option("--course", default=None, help=COURSE_HELP)
@with_database
def question_move(db, key: str, week_number: int, course: str | None) -> None:
    """Move question KEY to week NUMBER (at its end, in no section), e.g. one whose week was deleted."""
    from studylog.journal import weeks
    from studylog.journal.question_moves import move_question

    row = move_question(db, key, weeks.find_week(db, week_number, course).id)
    say(f"moved {row.slug} to week {week_number}")


@click.group("prompt")
def question_prompt() -> None:
    """Numeric quiz prompts: ask for the value of one of a check's claims."""


@question_prompt.command("add")
@click.argument("key")
@click.option("--check", "check_id", required=True, help="A check of the question (see `studylog check list`).")
@click.option("--claim", required=True, help="The label of a claim that check states.")
@click.option("--text", default=None, help="What the quiz asks (default: the claim's label as a question).")
@click.option("--unit", type=click.Choice(["1000", "1024"]), default="1000", show_default=True,
              help="What K means in a typed answer (GoogLeNet's Table 1 uses 1024).")
@with_database
def prompt_add(db, key: str, check_id: str, claim: str, text: str | None, unit: str) -> None:
    """Quiz on question KEY by asking for the value of CLAIM of check CHECK, graded against what verify
    last recomputed for it."""
    from studylog.checks.authoring import checks_of
    from studylog.errors import StudylogError
    from studylog.journal.questions import get_question
    from studylog.quiz.prompts import add_prompt

    slug = get_question(db, key).slug
    checks = {s.check_id for s in checks_of(db.path, slug) if s.question_slug == slug and not s.problem}
    if check_id not in checks:
        raise StudylogError(f"'{check_id}' is not a check of {slug} (its checks: {', '.join(sorted(checks)) or 'none'})")
    prompt = add_prompt(db, slug, text or f"{claim}?", check_id, claim, int(unit))
    say(f"added prompt to {slug}: {prompt.text}")


def register(group: click.Group) -> None:
    """Add these commands to the `question` group."""
    for command in (question_rename, question_move, question_prompt):
        group.add_command(command)

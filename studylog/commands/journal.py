"""Journal commands: demo, week, question, search."""

from __future__ import annotations

import click

from studylog.commands import render
from studylog.commands.common import COURSE_HELP, WEEK_NUMBER, count, say, selected_week, with_database
from studylog.errors import StudylogError
from studylog.journal import demo as demo_service
from studylog.journal import questions, weeks
from studylog.journal.search import search as search_service


@click.command()
@click.option("--if-empty", is_flag=True, help="Only load the demo when the database has no week yet.")
@with_database
def demo(db, if_empty: bool) -> None:
    """Load the bundled demo: week 4 of a boostcamp AI Tech retrospective, with its three questions."""
    if if_empty and not demo_service.is_empty(db):
        return
    week, report = demo_service.load_demo_reporting(db)
    say(f"loaded demo week {week.number} ({week.title}) into {db.path}")
    if report.relinked:
        say(f"re-linked to week {week.number}: {', '.join(report.relinked)}")
    for slug, why in report.skipped:
        say(f"kept your text of {slug}: {why}")


@click.group()
def week() -> None:
    """List, show, create and delete weeks."""


@week.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the weeks as JSON (number, course, title, dates, counts).")
@with_database(reads_only=True)
def week_list(db, as_json: bool) -> None:
    """List every week with its counts."""
    if as_json:
        from studylog.journal.as_json import week_summary_json

        render.print_json_object([week_summary_json(summary) for summary in weeks.list_weeks(db)])
        return
    render.print_weeks(weeks.list_weeks(db))


@week.command("show")
@click.argument("number", type=WEEK_NUMBER)
@click.option("--course", default=None, help=COURSE_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the week as JSON (sections, questions, links; ids as in exports).")
@with_database(reads_only=True)
def week_show(db, number: int, course: str | None, as_json: bool) -> None:
    """Print week NUMBER: last week's goals as reviewed, its sections, questions (with verdicts) and links."""
    detail = weeks.week_detail(db, weeks.find_week(db, number, course).id)
    if as_json:
        from studylog.journal.as_json import week_detail_json

        render.print_json_object(week_detail_json(detail))
        return
    from studylog.checks.results import verdicts
    from studylog.journal.goal_review import review

    render.print_week(detail, verdicts(db, (q.slug for q in detail.questions)), review(db, detail.week.id))


@week.command("new")
@click.argument("number", type=WEEK_NUMBER)
@click.option("--title", default="", help="The week's title (default for the next week: the week before's, its number moved on).")
@click.option("--course", default=None,
              help="Course or cohort, e.g. '네이버 부스트캠프 AI Tech 6기' (default: the course of the week created or changed last).")
@click.option("--start", "start_date", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First day, YYYY-MM-DD (default for the next week: the Monday after the week before).")
@click.option("--end", "end_date", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last day, YYYY-MM-DD.")
@click.option(
    "--template", "-t", default="", metavar="NAME",
    help="Start with a template's sections: seed (the seed post's layout), kpt, 4l, last (the week before, "
    "without its text) or one of yours (`studylog template list`).",
)
@with_database
def week_new(db, number: int, title: str, course: str | None, start_date, end_date, template: str) -> None:
    """Create week NUMBER, empty or from a template.

    When NUMBER is the course's next week, a title and dates not given are guessed as the app's `n`
    form guesses them: the week before's title with its number moved on, the Monday–Friday after it."""
    from studylog.journal.week_start import next_week, start_week

    course = (weeks.last_course(db) or "") if course is None else course
    start, end = (start_date.date() if start_date else None), (end_date.date() if end_date else None)
    guess = next_week(db, course)
    if guess.number == number > 1 and guess.course == course:  # a course's first week has nothing to go on
        title = title or guess.title
        if start is None and end is None:
            start, end = guess.start_date, guess.end_date
    created = start_week(db, number, template, course=course, title=title, start_date=start, end_date=end)
    made = f" from template '{template}'" if template else ""
    say(f"created week {created.number}{made}" + (f" in course '{created.course}'" if created.course else ""))


@week.command("delete")
@click.argument("number", type=int)
@click.option("--course", default=None, help="The course, when several have this week number.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@with_database
def week_delete(db, number: int, course: str | None, yes: bool) -> None:
    """Delete week NUMBER with its sections and links (its questions stay, without a week); `studylog undo`
    brings it all back."""
    found = weeks.find_week(db, number, course)
    confirm_delete(weeks.week_label(found), yes)
    said_deleted(weeks.delete_week(db, found.id))


def confirm_delete(label: str, yes: bool) -> None:
    """Ask first unless --yes. A no, or no answer at all (end of input, a script), deletes nothing: one line, exit 1."""
    if yes:
        return
    try:
        agreed = click.confirm(f"Delete {label}?", err=True)
    except click.Abort as exc:
        if not isinstance(exc.__context__, EOFError):  # Ctrl-C: interrupted (process_exit.py)
            raise
        click.echo(err=True)  # end the prompt's line
        raise StudylogError("not deleted: no answer (end of input); pass --yes to delete without asking") from None
    if not agreed:
        raise StudylogError(f"not deleted: {label}")


def said_deleted(item) -> None:
    say(f"deleted {item.label}; `studylog undo` brings it back")


@click.group()
def question() -> None:
    """List, show, add, rename, move and delete questions, and give them numeric quiz prompts."""


@question.command("list")
@click.option("--week", "week_number", type=WEEK_NUMBER, default=None, help="Only this week's questions.")
@click.option("--course", default=None, help=COURSE_HELP)
@click.option("--tag", default=None, help="Only questions with this tag.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list (id, title, question, answer, asker, status, tags, week).")
@with_database(reads_only=True)
def question_list(db, week_number: int | None, course: str | None, tag: str | None, as_json: bool) -> None:
    """List questions by week."""
    rows = questions.list_questions(db, week_id=selected_week(db, week_number, course), tag=tag)
    if as_json:
        from studylog.journal.as_json import question_json

        numbers = {s.week.id: s.week.number for s in weeks.list_weeks(db)}
        render.print_json_object(
            [question_json(q, questions.question_tags(db, q.id), numbers.get(q.week_id)) for q in rows]
        )
        return
    if not rows:
        click.echo("no questions")
    for row in rows:
        render.console.print(f"{render.escape(row.slug):<28} {render.escape(row.title)}", soft_wrap=True)


@question.command("show")
@click.argument("key")
@with_database(reads_only=True)
def question_show(db, key: str) -> None:
    """Print the question with id (slug) or number KEY."""
    row = questions.get_question(db, key)
    render.print_question(row, questions.question_tags(db, row.id))


@question.command("add")
@click.argument("title")
@click.option("--week", "week_number", type=WEEK_NUMBER, default=None, help="The week it was raised in.")
@click.option("--course", default=None, help=COURSE_HELP)
@click.option("--question", "text", default="", help="The question in full (default: the title).")
@click.option("--answer", default="", help="The answer, if known.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--id", "slug", default=None, help="The id its checks register under (default: from the title).")
@with_database
def question_add(db, title, week_number, course, text, answer, tags, slug) -> None:
    """Add a question titled TITLE."""
    week_id = selected_week(db, week_number, course)
    row = questions.add_question(db, title, text or title, answer, slug=slug, week_id=week_id, tags=tags)
    say(f"added question {row.slug}")


@question.command("delete")
@click.argument("key")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@with_database
def question_delete(db, key: str, yes: bool) -> None:
    """Delete the question with id (slug) or number KEY, with its tags, quiz card and reviews; its check results
    stay under its id. `studylog undo` brings it all back."""
    row = questions.get_question(db, key)
    confirm_delete(questions.question_label(row), yes)
    said_deleted(questions.delete_question(db, row.id))


@click.command()
@click.argument("text")
@click.option("--limit", type=count(1), default=50, show_default=True, help="Most results to show.")
@with_database(reads_only=True)
def search(db, text: str, limit: int) -> None:
    """Find sections and questions containing TEXT (Korean works, two syllables too)."""
    render.print_hits(search_service(db, text, limit=limit))


from studylog.commands.question_edit import register  # noqa: E402  (rename, move, prompt add)

register(question)

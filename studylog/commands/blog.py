"""`studylog export` and `studylog import`: a week as a blog post, and a post back as a week."""

from __future__ import annotations

from pathlib import Path

import click

from studylog.commands.common import COURSE_HELP, WEEK_NUMBER, count, say, with_database
from studylog.terminal import counted


@click.command("export")
@click.argument("number", type=WEEK_NUMBER)
@click.option("--format", "fmt", type=click.Choice(["markdown", "tistory-html"]), default="markdown", show_default=True,
              help="Markdown (<details> folds) or the HTML of Tistory's editor (moreLess folds).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the post to this file (default: print it); never the database, an existing file only with --force.")
@click.option("--force", is_flag=True, help="Replace the --output file if it exists.")
@click.option("--no-checks", is_flag=True, help="Leave out each question's verification results.")
@click.option("--clipboard", is_flag=True, help="Copy the post to the terminal's clipboard (OSC 52; works over SSH).")
@click.option("--shakiest", type=count(), default=0, metavar="N",
              help="End with the N questions you are least likely to recall now: reviewed in the quiz, and below the 90% recall it aims for.")
@click.option("--course", default=None, help=COURSE_HELP)
@with_database(reads_only=True)
def export_week(
    db, number: int, fmt: str, output: Path | None, force: bool, no_checks: bool, clipboard: bool, shakiest: int,
    course: str | None,
) -> None:
    """Write week NUMBER as a blog post: sections, Q&A with folded answers, links, verification."""
    from studylog.blog.export import export_week as render_week
    from studylog.journal.weeks import find_week

    from studylog.terminal import printable

    # A post holds no control characters a reader wants; shown, one cannot rewrite a terminal or a clipboard.
    text = printable(render_week(db, find_week(db, number, course).id, fmt, with_checks=not no_checks, shakiest=shakiest))
    if output is not None:
        from studylog.output_file import write_output

        write_output(output, text, database=db.path, force=force)
        say(f"wrote week {number} to {output}", err=True)
    if clipboard:
        from studylog.blog.clipboard import copy_to_clipboard

        where = copy_to_clipboard(text)
        click.echo(f"copied {len(text)} characters to the clipboard (OSC 52 via {where})", err=True)
    if output is None and not clipboard:
        click.echo(text, nl=False)  # printable already


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--week", "week_number", type=WEEK_NUMBER, default=None, help="Import as this week number (default: the post's).")
@click.option("--format", "fmt", type=click.Choice(["auto", "markdown", "tistory-html", "text"]), default="auto",
              show_default=True, help="The post's format (auto: from the file name, else its content).")
@click.option("--course", default=None, help="Import into this course (default: the post's, else the course of the week created or changed last).")
@click.option("--dry-run", is_flag=True, help="Show what would be created and change nothing.")
@with_database(opened_when_needed=True)
def import_post(db, file: Path, week_number: int | None, fmt: str, course: str | None, dry_run: bool) -> None:
    """Add the post in FILE as a new week: headings become sections, Q1./A1. pairs and folds questions."""
    from studylog.blog.read import read_post_file
    from studylog.blog.store_post import store_post
    from studylog.errors import StudylogError
    from studylog.journal.weeks import last_course
    from studylog.store.limits import week_number as valid_week_number

    post = read_post_file(file, fmt, week_number)
    try:
        valid_week_number(post.number)
    except StudylogError as exc:
        raise StudylogError(f"{file}: {exc}; pass --week N to import it as another week") from None
    db = db(scratch=dry_run)  # opened only now: a post refused above leaves no new database behind
    post.course = course if course is not None else post.course or last_course(db) or ""
    summary = store_post(db, post, dry_run=dry_run)
    verb = "would create" if dry_run else "created"
    course = f" ({summary.course})" if summary.course else ""
    say(
        f"{verb} week {summary.week_number}{course} '{summary.title}': {counted(summary.sections, 'section')}, "
        f"{counted(summary.questions, 'question')}, {counted(summary.links, 'link')}"
    )
    for old, new in summary.renamed:
        say(f"  question id '{old}' is taken; {'would import' if dry_run else 'imported'} it as '{new}'")
    if dry_run:
        say("\n".join(summary.outline))

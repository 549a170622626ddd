"""`studylog quiz`: review due cards in the terminal, or print the quiz stats.

The clock comes from the click context object (`obj={"clock": ...}`) when a caller sets one,
so tests run the whole command at a fixed time.
"""

from __future__ import annotations

import time
from collections import Counter

import click
from fsrs import Rating

from studylog.commands.common import COURSE_HELP, WEEK_NUMBER, say, selected_week, with_database
from studylog.commands.render import console, escape
from studylog.errors import StudylogError
from studylog.quiz import feedback, stats
from studylog.quiz.report import stats_report
from studylog.quiz.reviews import record_review
from studylog.quiz.scheduling import Clock, parse_rating
from studylog.quiz.session import Answer, Turn, nothing_due, numeric_answer, turns
from studylog.store.models import utcnow


def _clock() -> Clock:
    obj = click.get_current_context().obj
    return obj.get("clock", utcnow) if isinstance(obj, dict) else utcnow


def _reading(parse):
    """A click value_proc: parse, or say what is wrong and ask again."""

    def value_proc(text: str):
        try:
            return parse(text)
        except StudylogError as exc:
            raise click.BadParameter(str(exc)) from None

    return value_proc


def _free_text(turn: Turn, clock: Clock, cram: bool) -> Answer:
    """Show the question, reveal the stored answer, and let the user rate their recall."""
    item = turn.item
    if item.question and item.question != item.title:
        console.print(escape(item.question), soft_wrap=True)
    typed = click.prompt("your answer (Enter to reveal)", default="", show_default=False)
    console.rule("answer", style="dim")
    console.print(escape(item.answer or "(no answer stored)"), soft_wrap=True)
    labels = feedback.rating_labels(item.card, clock(), cram)
    choices = " · ".join(f"{int(rating)} {label}" for rating, label in labels.items())
    return Answer(click.prompt(f"rate {choices}", value_proc=_reading(parse_rating)), typed, None)


def _numeric(turn: Turn) -> Answer:
    """Ask each numeric prompt and grade the typed number against its recomputed claim."""
    grades = []
    for gradable in turn.ready:
        grade = click.prompt(gradable.prompt.text, value_proc=_reading(gradable.grade))
        console.print(feedback.grade_line(grade), soft_wrap=True)
        grades.append(grade)
    answer = numeric_answer(grades)
    if answer.rating == Rating.Again:
        console.print(escape(turn.item.answer), soft_wrap=True)
    return answer


def _review(db, turn: Turn, clock: Clock, cram: bool) -> Rating:
    started = time.monotonic()
    item = turn.item
    week = f"week {item.week_number} · " if item.week_number is not None else ""
    console.print(f"\n[bold]Q. {escape(item.title)}[/bold]  [dim]({week}{item.slug})[/dim]", soft_wrap=True)
    for reason in turn.missing:
        console.print(f"[yellow]cannot grade this question's number: {escape(str(reason))}[/yellow]", soft_wrap=True)
    answer = _numeric(turn) if turn.ready else _free_text(turn, clock, cram)
    now = clock()
    result = record_review(
        db, item.card_id, answer.rating, now, answer=answer.typed, correct=answer.correct,
        duration_ms=round((time.monotonic() - started) * 1000), cram=cram, shown=item.card,
    )
    console.print(feedback.outcome(result, now))
    return answer.rating


@click.command()
@click.option("--week", "week_number", type=WEEK_NUMBER, default=None, help="Only this week's questions.")
@click.option("--course", default=None, help=COURSE_HELP)
@click.option("--tag", default=None, help="Only questions with this tag.")
@click.option("--cram", is_flag=True, help="Review every selected card now, without moving any due date.")
@click.option("--stats", "show_stats", is_flag=True, help="Show due and reviewed today, retention, a heatmap and leeches.")
@with_database
def quiz(db, week_number: int | None, course: str | None, tag: str | None, cram: bool, show_stats: bool) -> None:
    """Review the questions that are due, spaced by FSRS; numeric prompts are graded against recomputed values.

    Ctrl-D (end of input) at a prompt ends the session: the cards rated so far are kept, and it exits 0.
    """
    clock = _clock()
    week_id = selected_week(db, week_number, course)
    if show_stats:
        console.print(stats_report(stats.quiz_stats(db, clock(), week_id=week_id, tag=tag)), soft_wrap=True)
        return
    session = turns(db, clock(), week_id=week_id, tag=tag, cram=cram)
    if not session:
        say(nothing_due(db, clock(), week_id=week_id, tag=tag, cram_hint="--cram reviews now"))
        return
    ratings = Counter()
    try:
        for turn in session:
            ratings[_review(db, turn, clock, cram)] += 1  # each review is stored as it is rated
    except click.Abort as exc:  # Ctrl-D (end of input) at a prompt ends the session; the rated cards are kept
        if not isinstance(exc.__context__, EOFError):
            raise
        click.echo(f"\nstopped at the end of input; {len(session) - sum(ratings.values())} of {len(session)} cards left")
    click.echo("\nreviewed " + (feedback.tally(ratings) or "nothing"))

"""`studylog quiz`: review due cards in the terminal, or print the quiz stats.

The clock comes from the click context object (`obj={"clock": ...}`) when a caller sets one,
so tests run the whole command at a fixed time.
"""

from __future__ import annotations

import time
from collections import Counter

import click
from fsrs import Rating

from studylog.commands.common import with_database
from studylog.commands.render import console, escape
from studylog.config import question_dirs
from studylog.errors import StudylogError
from studylog.quiz import grading, stats
from studylog.quiz.deck import QuizItem, deck
from studylog.quiz.heatmap import heatmap
from studylog.quiz.prompts import prompts_by_question
from studylog.quiz.reviews import record_review
from studylog.quiz.scheduling import RATING_NAMES, Clock, describe_interval, due_by_rating, parse_rating
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


def _free_text(item: QuizItem, clock: Clock, cram: bool) -> tuple[Rating, str, None]:
    """Show the question, reveal the stored answer, and let the user rate their recall."""
    if item.question and item.question != item.title:
        console.print(escape(item.question), soft_wrap=True)
    typed = click.prompt("your answer (Enter to reveal)", default="", show_default=False)
    console.rule("answer", style="dim")
    console.print(escape(item.answer or "(no answer stored)"), soft_wrap=True)
    now = clock()
    choices = " · ".join(
        f"{int(r)} {RATING_NAMES[r]}" + ("" if cram else f" ({describe_interval(now, due)})")
        for r, due in due_by_rating(item.card, now).items()
    )
    return click.prompt(f"rate {choices}", value_proc=_reading(parse_rating)), typed, None


def _numeric(item: QuizItem, ready: list[grading.GradablePrompt]) -> tuple[Rating, str, bool]:
    """Ask each numeric prompt and grade the typed number against its recomputed claim."""
    grades = []
    for gradable in ready:
        grade = click.prompt(gradable.prompt.text, value_proc=_reading(gradable.grade))
        mark = "[green]✓ correct[/green]" if grade.correct else "[red]✗ wrong[/red]"
        stale = "; stale, `studylog verify` recomputes it" if grade.recomputed.stale else ""
        console.print(
            f"{mark}: {grade.value:,} vs recomputed {grade.recomputed.value:,} "
            f"[dim](check {grade.recomputed.check_id}: {escape(grade.recomputed.rule_text)}{stale})[/dim]",
            soft_wrap=True,
        )
        grades.append(grade)
    rating = grading.rating_for(grades)
    if rating == Rating.Again:
        console.print(escape(item.answer), soft_wrap=True)
    return rating, "; ".join(g.typed for g in grades), rating != Rating.Again


def _review(db, item: QuizItem, prompts, clock: Clock, cram: bool) -> Rating:
    started = time.monotonic()
    week = f"week {item.week_number} · " if item.week_number is not None else ""
    console.print(f"\n[bold]Q. {escape(item.title)}[/bold]  [dim]({week}{item.slug})[/dim]", soft_wrap=True)
    ready, missing = grading.gradable_prompts(db, item.slug, prompts)
    for reason in missing:
        console.print(f"[yellow]cannot grade this question's number: {escape(str(reason))}[/yellow]", soft_wrap=True)
    rating, typed, correct = _numeric(item, ready) if ready else _free_text(item, clock, cram)
    now = clock()
    result = record_review(
        db, item.card_id, rating, now, answer=typed, correct=correct,
        duration_ms=round((time.monotonic() - started) * 1000), cram=cram,
    )
    due = f"{result.due.astimezone():%Y-%m-%d %H:%M}"
    moved = f"cram, due date unchanged ({due})" if cram else f"next due in {describe_interval(now, result.due)} ({due})"
    console.print(f"→ {RATING_NAMES[rating]}: {moved}")
    return rating


def _print_stats(db, clock: Clock) -> None:
    summary = stats.quiz_stats(db, clock())
    retention = f"{summary.retention:.0%}" if summary.retention is not None else "–"
    console.print(
        f"{summary.today}: {summary.due_today} due today · {summary.reviewed_today} reviewed today · "
        f"retention {retention} (last {stats.RETENTION_DAYS} days)"
    )
    console.print(heatmap(summary.reviews_per_day))
    console.print(f"leeches (failed {stats.LEECH_LAPSES}+ times): " + ("none" if not summary.leeches else ""))
    for leech in summary.leeches:
        console.print(f"  {leech.slug:<28} {leech.lapses}×  {escape(leech.title)}", soft_wrap=True)


@click.command()
@click.option("--week", "week_number", type=int, default=None, help="Only this week's questions.")
@click.option("--tag", default=None, help="Only questions with this tag.")
@click.option("--cram", is_flag=True, help="Review every selected card now, without moving any due date.")
@click.option("--stats", "show_stats", is_flag=True, help="Show due and reviewed today, retention, a heatmap and leeches.")
@with_database
def quiz(db, week_number: int | None, tag: str | None, cram: bool, show_stats: bool) -> None:
    """Review the questions that are due, spaced by FSRS; numeric prompts are graded against recomputed values."""
    clock = _clock()
    if show_stats:
        _print_stats(db, clock)
        return
    items = deck(db, clock(), week_number=week_number, tag=tag, cram=cram)
    if not items:
        upcoming = deck(db, clock(), week_number=week_number, tag=tag, cram=True)
        nothing = "no questions to quiz" if not upcoming else (
            f"nothing due; next is {upcoming[0].slug} in {describe_interval(clock(), upcoming[0].due)} (--cram reviews now)"
        )
        click.echo(nothing)
        return
    prompts = prompts_by_question(question_dirs())
    ratings = Counter(_review(db, item, prompts.get(item.slug, []), clock, cram) for item in items)
    click.echo("\nreviewed " + ", ".join(f"{ratings[r]} {RATING_NAMES[r]}" for r in Rating if ratings[r]))

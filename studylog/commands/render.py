"""Plain-terminal rendering of journal data for the CLI (rich handles wide Korean characters)."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from studylog.commands.console import TerminalConsole
from studylog.journal.goal_items import outcome_phrase
from studylog.tui.widgets.badge import badge  # plain rich: the verdict looks the same in the app and the CLI
from studylog.journal.search import SearchHit
from studylog.journal.weeks import WeekDetail, WeekSummary, date_range, week_title
from studylog.store.models import Question
from studylog.terminal import json_text

RULE_WIDTH = 100  # the week heading's rule: across the terminal, but never a 1000-column line into a pipe
console = TerminalConsole(highlight=False)  # stored text reaches the terminal with its control characters shown



def week_heading(week) -> str:
    dates = date_range(week.start_date, week.end_date)
    return week_title(week.number, week.title) + (f"  ({dates})" if dates else "")


def print_weeks(summaries: list[WeekSummary]) -> None:
    if not summaries:
        console.print("no weeks yet: `studylog week new N` starts one, `studylog demo` loads an example week")
        return
    table = Table("week", "course", "title", "dates", "sections", "questions", box=None)
    for s in summaries:
        w = s.week
        dates = date_range(w.start_date, w.end_date)
        table.add_row(str(w.number), escape(w.course), escape(w.title), dates, str(s.sections), str(s.questions))
    console.print(table)


def _indented(text: str | Text, indent: int) -> None:
    """Text whose wrapped lines keep its indent (a long Korean line wraps under itself, not at column 0)."""
    for line in (text if isinstance(text, Text) else Text(text)).split("\n", allow_blank=True):
        console.print(Padding(line, (0, 0, 0, indent), expand=False) if line.plain else "")  # no padding to the widest


def print_question(question: Question, tags: list[str], indent: int = 0, verdict: str | None = None) -> None:
    heading = Text.assemble(("Q. " + question.title, "bold"), "  ", (f"({question.slug}{'; ' + ', '.join(tags) if tags else ''})", "dim"))
    if verdict is not None:
        heading.append("  ").append_text(badge(verdict))
    _indented(heading, indent)
    for label, text in (("", question.question), ("A. ", question.answer)):
        if text and text != question.title:
            for i, line in enumerate(text.splitlines()):
                _indented((label if i == 0 else " " * len(label)) + line, indent + 3)


def print_review(review) -> None:
    """Last week's goals as this week reviews them (journal.goal_review.Review)."""
    if review.week_number is None or not review.goals:
        return
    console.print(f"\n[bold]* Week {review.week_number}'s goals[/bold]")
    for goal in review.goals:
        carried = " (carried into this week)" if goal.id in review.carried else ""
        _indented(f"#{goal.id} {goal.text} -> {outcome_phrase(goal.status, goal.note)}{carried}", 2)


def print_week(detail: WeekDetail, verdicts: dict[str, str] | None = None, review=None) -> None:
    """The week as the blog reads it: sections indented by level, each question with its verdict."""
    verdicts = verdicts or {}
    console.print(Rule(escape(week_heading(detail.week))), width=min(console.width, RULE_WIDTH))
    if detail.week.course:
        console.print(escape(detail.week.course))
    if review is not None:
        print_review(review)
    for section in detail.sections:
        indent = 2 * min(section.level, 2)
        if section.title:
            marker = "*" if section.level == 1 else "  -"
            console.print(f"\n[bold]{marker} {escape(section.title)}[/bold]")
        if section.body:
            _indented(section.body, indent)
        for question in detail.questions_of(section):
            console.print()
            print_question(question, detail.tags.get(question.id, []), indent, verdicts.get(question.slug))
        if section is detail.links_section:
            print_links(detail)
    if detail.links_section is None and detail.links:
        console.print("\n[bold]* 공부 내용 링크[/bold]")
        print_links(detail)
    unplaced = [q for q in detail.questions if q.section_id is None]
    for question in unplaced:
        console.print()
        print_question(question, detail.tags.get(question.id, []), verdict=verdicts.get(question.slug))


def print_links(detail: WeekDetail) -> None:
    for link in detail.links:
        where = f" - [{link.category}]" if link.category else ""
        console.print(Text(f"{link.posted_on or ''}{where} - {link.title} {link.url}".rstrip()), soft_wrap=True)


def print_json_object(value) -> None:
    """Any JSON value, indented, Korean kept as is (not \\u escapes)."""
    click.echo(json_text(value, indent=2))


def print_hits(hits: list[SearchHit]) -> None:
    if not hits:
        console.print("no matches")
        return
    for hit in hits:
        before, match, after = (escape(part) for part in hit.parts())
        console.print(f"[bold]{escape(hit.where)}[/bold]\n    {before}[reverse]{match}[/reverse]{after}")

"""Plain-terminal rendering of journal data for the CLI (rich handles wide Korean characters)."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from studylog.journal.search import SearchHit
from studylog.journal.weeks import WeekDetail, WeekSummary, date_range, week_title
from studylog.store.models import Question

console = Console(highlight=False)


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


def print_question(question: Question, tags: list[str], indent: int = 0) -> None:
    heading = Text.assemble(("Q. " + question.title, "bold"), "  ", (f"({question.slug}{'; ' + ', '.join(tags) if tags else ''})", "dim"))
    console.print(Padding(heading, (0, 0, 0, indent)))
    for label, text in (("", question.question), ("A. ", question.answer)):
        if text and text != question.title:
            for i, line in enumerate(text.splitlines()):
                console.print(" " * (indent + 3) + (label if i == 0 else " " * len(label)) + escape(line), soft_wrap=True)


def print_week(detail: WeekDetail) -> None:
    console.rule(escape(week_heading(detail.week)))
    if detail.week.course:
        console.print(escape(detail.week.course))
    for section in detail.sections:
        if section.title:
            marker = "*" if section.level == 1 else "  -"
            console.print(f"\n[bold]{marker} {escape(section.title)}[/bold]")
        if section.body:
            console.print(escape(section.body), soft_wrap=True)
        for question in detail.questions_of(section):
            console.print()
            print_question(question, detail.tags.get(question.id, []), indent=2)
        if section is detail.links_section:
            print_links(detail)
    if detail.links_section is None and detail.links:
        console.print("\n[bold]* 공부 내용 링크[/bold]")
        print_links(detail)
    unplaced = [q for q in detail.questions if q.section_id is None]
    for question in unplaced:
        console.print()
        print_question(question, detail.tags.get(question.id, []))


def print_links(detail: WeekDetail) -> None:
    for link in detail.links:
        where = f" - [{link.category}]" if link.category else ""
        console.print(Text(f"{link.posted_on or ''}{where} - {link.title} {link.url}".rstrip()), soft_wrap=True)


def print_json_object(value) -> None:
    """Any JSON value, indented, Korean kept as is (not \\u escapes)."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def print_hits(hits: list[SearchHit]) -> None:
    if not hits:
        console.print("no matches")
        return
    for hit in hits:
        before, match, after = (escape(part) for part in hit.parts())
        console.print(f"[bold]{escape(hit.where)}[/bold]\n    {before}[reverse]{match}[/reverse]{after}")

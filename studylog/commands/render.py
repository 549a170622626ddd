"""Plain-terminal rendering of journal data for the CLI (rich handles wide Korean characters)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from studylog.journal.search import SearchHit
from studylog.journal.weeks import WeekDetail, WeekSummary
from studylog.store.models import Question

console = Console(highlight=False)


def week_heading(week) -> str:
    dates = " – ".join(str(d) for d in (week.start_date, week.end_date) if d)
    return f"[week{week.number}] {week.title}" + (f"  ({dates})" if dates else "")


def print_weeks(summaries: list[WeekSummary]) -> None:
    table = Table("week", "course", "title", "dates", "sections", "questions", box=None)
    for s in summaries:
        w = s.week
        dates = " – ".join(str(d) for d in (w.start_date, w.end_date) if d)
        table.add_row(str(w.number), escape(w.course), escape(w.title), dates, str(s.sections), str(s.questions))
    console.print(table)


def print_question(question: Question, tags: list[str], indent: str = "") -> None:
    console.print(f"{indent}[bold]Q. {escape(question.title)}[/bold]  [dim]({question.slug}{'; ' + ', '.join(tags) if tags else ''})[/dim]")
    for label, text in (("", question.question), ("A. ", question.answer)):
        if text and text != question.title:
            for i, line in enumerate(text.splitlines()):
                console.print(indent + "   " + (label if i == 0 else " " * len(label)) + escape(line), soft_wrap=True)


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
            print_question(question, detail.tags.get(question.id, []), indent="  ")
        if section.kind == "study_links":
            for link in detail.links:
                where = f" - [{escape(link.category)}]" if link.category else ""
                console.print(f"{link.posted_on or ''}{where} - {escape(link.title)} {escape(link.url)}".rstrip())
    unplaced = [q for q in detail.questions if q.section_id is None]
    for question in unplaced:
        console.print()
        print_question(question, detail.tags.get(question.id, []))


def print_hits(hits: list[SearchHit]) -> None:
    if not hits:
        console.print("no matches")
        return
    for hit in hits:
        where = f"week {hit.week_number}" if hit.week_number is not None else "no week"
        end = hit.match_start + hit.match_length
        snippet = escape(hit.snippet[: hit.match_start]) + "[reverse]" + escape(hit.snippet[hit.match_start:end]) + "[/reverse]" + escape(hit.snippet[end:])
        console.print(f"[bold]{where} · {hit.kind} · {escape(hit.title)}[/bold]\n    {snippet}")

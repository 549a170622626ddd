"""Weeks and questions as plain JSON-ready dicts, for `--json` and scripts.

Ids and field names are the ones `export` writes in its hidden markers: a question's `id` is its
slug (what checks register under), a section has `kind` and `level`, a week `course` and `number`.
"""

from __future__ import annotations

from datetime import date

from studylog.journal.weeks import WeekDetail, WeekSummary
from studylog.store.models import Question, Week


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def week_json(week: Week) -> dict:
    """The week's own fields."""
    return {
        "number": week.number, "course": week.course, "title": week.title,
        "start_date": _day(week.start_date), "end_date": _day(week.end_date),
    }


def week_summary_json(summary: WeekSummary) -> dict:
    """A week as `week list` shows it: its own fields (week_json) and how many sections and questions it holds."""
    return {**week_json(summary.week), "sections": summary.sections, "questions": summary.questions}


def question_json(question: Question, tags: list[str], week_number: int | None = None) -> dict:
    """A question as its export marker names it (id = slug), with its text, answer and asker."""
    return {
        "id": question.slug, "title": question.title, "question": question.question, "answer": question.answer,
        "asker": question.asker, "status": question.status, "tags": list(tags),
        "week": week_number,
    }


def week_detail_json(detail: WeekDetail) -> dict:
    """The week with its sections in order (each naming its questions' ids), questions and links."""
    section_ids = {s.id: i for i, s in enumerate(detail.sections)}
    questions = []
    for q in detail.questions:
        item = question_json(q, detail.tags.get(q.id, []), detail.week.number)
        item["section"] = section_ids.get(q.section_id)
        questions.append(item)
    sections = [
        {
            "position": i, "level": s.level, "kind": s.kind, "title": s.title, "body": s.body,
            "questions": [q.slug for q in detail.questions_of(s)],
        }
        for i, s in enumerate(detail.sections)
    ]
    links = [
        {"title": l.title, "url": l.url, "category": l.category, "posted_on": _day(l.posted_on)} for l in detail.links
    ]
    return {**week_json(detail.week), "sections": sections, "questions": questions, "links": links}

"""Export → import → export gives the same post, and import gives back what the week held, for the demo
week and for generated weeks, in both formats."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from studylog.blog.export import export_week
from studylog.blog.from_week import build_post
from studylog.blog.read import parse_post
from studylog.blog.store_post import store_post
from studylog.journal.weeks import find_week
from blog_strategies import store_week, weeks
from studylog.blog.guard import guarded

FORMATS = ["markdown", "tistory-html"]


def import_text(db, text: str, fmt: str) -> int:
    """Import a post's text into db; the new week's id."""
    post, _ = parse_post(text, fmt)
    store_post(db, post)
    return find_week(db, post.number, post.course).id


def held(db, week_id: int) -> tuple:
    """What the week holds, as the post lays it out (with the links' and loose questions' sections),
    up to what a post cannot carry: blank lines at a text's ends, whitespace around titles, a backslash the
    author typed where the literal guard would write one (`192\\*1` comes back as `192*1`), and a question that is blank or the same as
    its title, which the post shows once, as the title."""
    post = build_post(db, week_id, with_checks=False)

    def question(q) -> tuple:
        asked = guarded(q.question.strip("\n")) if q.question.strip() and q.question != q.title else q.title.strip()
        return q.slug, q.title.strip(), asked, guarded(q.answer.strip("\n")), q.status, sorted(q.tags)

    sections = [
        (s.kind, s.level, s.title.strip(), guarded(s.body.strip("\n")), [question(q) for q in s.questions],
         [(l.posted_on, l.category, l.title, l.url) for l in s.links])
        for s in post.sections
    ]
    return post.number, post.title.strip(), post.course, post.start_date, post.end_date, sections


@pytest.mark.parametrize("fmt", FORMATS)
def test_demo_week_round_trips(demo_db, fresh_db, fmt):
    first = export_week(demo_db, find_week(demo_db, 4).id, fmt, with_checks=False)
    target = fresh_db()
    second = export_week(target, import_text(target, first, fmt), fmt, with_checks=False)
    assert second == first


@pytest.mark.parametrize("fmt", FORMATS)
def test_import_keeps_ids_tags_and_links_of_the_demo(demo_db, fresh_db, fmt):
    from studylog.journal.weeks import week_detail

    source = week_detail(demo_db, find_week(demo_db, 4).id)
    target = fresh_db()
    copy = week_detail(target, import_text(target, export_week(demo_db, source.week.id, fmt, with_checks=False), fmt))
    assert [q.slug for q in copy.questions] == [q.slug for q in source.questions]
    assert list(copy.tags.values()) == list(source.tags.values())
    assert [(s.kind, s.level, s.title, s.body) for s in copy.sections] == [(s.kind, s.level, s.title, s.body) for s in source.sections]
    assert [(q.title, q.question, q.answer) for q in copy.questions] == [
        (q.title, q.question, q.answer) for q in source.questions]  # the seed's 192*1*1*64 as typed, not 192\*1
    assert [(l.posted_on, l.category, l.title) for l in copy.links] == [(l.posted_on, l.category, l.title) for l in source.links]
    assert (copy.week.course, copy.week.start_date, copy.week.end_date) == (source.week.course, source.week.start_date, source.week.end_date)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(spec=weeks())
def test_generated_weeks_round_trip(fresh_db, spec):
    source = fresh_db()
    week_id = store_week(source, spec)
    for fmt in FORMATS:
        first = export_week(source, week_id, fmt, with_checks=False)
        target = fresh_db()
        copy_id = import_text(target, first, fmt)
        assert held(target, copy_id) == held(source, week_id), fmt
        assert export_week(target, copy_id, fmt, with_checks=False) == first
        target.close()
    source.close()

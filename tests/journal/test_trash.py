"""Undo of deletes on a real SQLite file: a deleted week, section, question or link comes back with every row
under it, as it was, whatever tables the schema has grown since."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timezone

import pytest

from studylog.errors import NotFound, StudylogError
from studylog.journal import links, questions, sections, trash, weeks
from studylog.journal.search import search
from studylog.store.models import Card, CheckRun, ReviewLog

IGNORED = ("trash", "alembic_version")  # the trash itself; FTS internals are checked through search instead


def every_row(db) -> dict[str, list]:
    """Every row of every ordinary table, read with sqlite3 itself (not studylog's code)."""
    with closing(sqlite3.connect(db.path)) as conn:
        tables = [
            name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%'"
            ) if name not in IGNORED
        ]
        return {table: sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"'))) for table in tables}


def test_a_deleted_week_comes_back_with_everything_under_it(demo_db):
    before = every_row(demo_db)
    week = weeks.find_week(demo_db, 4)
    deleted = weeks.delete_week(demo_db, week.id)
    assert deleted.label == "week 4 of 네이버 부스트캠프 AI Tech 6기: 네부캠 ai tech 4주차 회고"
    assert every_row(demo_db)["section"] == [] and every_row(demo_db)["link"] == []
    assert search(demo_db, "피어세션") == []

    restored = trash.undo(demo_db)
    assert (restored.kind, restored.restored_id) == ("week", week.id)
    assert every_row(demo_db) == before  # sections, links, and the questions' week and section again
    assert search(demo_db, "피어세션"), "the restored sections are searchable again"
    assert trash.list_deleted(demo_db) == []


def test_a_deleted_question_keeps_its_card_reviews_and_check_results(demo_db):
    question = questions.get_question(demo_db, "inception-v1-params")
    when = datetime(2024, 3, 4, 9, tzinfo=timezone.utc)
    with demo_db.session() as s:
        card = Card(question_id=question.id, due=when)
        s.add(card)
        s.flush()
        s.add_all([ReviewLog(card_id=card.id, rating=r, reviewed_at=when, answer=f"{r}") for r in (1, 3, 3)])
        s.add(CheckRun(check_id="inception-3a-weights", question_slug=question.slug, cache_key="k", status="passed"))
    before = every_row(demo_db)

    deleted = questions.delete_question(demo_db, question.id)
    assert {"question": 1, "questiontag": 3, "card": 1, "reviewlog": 3}.items() <= deleted.contents.items()
    assert every_row(demo_db)["reviewlog"] == []
    trash.undo(demo_db)
    assert every_row(demo_db) == before


def test_a_section_comes_back_at_its_place_and_its_questions_point_at_it_again(demo_db):
    week = weeks.find_week(demo_db, 4)
    detail = weeks.week_detail(demo_db, week.id)
    peer = next(s for s in detail.sections if s.title == "피어세션")
    raised_there = sorted(q.slug for q in detail.questions_of(peer))
    assert raised_there, "the demo's peer session raised its questions"
    before = every_row(demo_db)

    sections.delete_section(demo_db, peer.id)
    assert all(q.section_id is None for q in weeks.week_detail(demo_db, week.id).questions)
    trash.undo(demo_db)
    again = weeks.week_detail(demo_db, week.id)
    assert [s.title for s in again.sections] == [s.title for s in detail.sections]
    assert sorted(q.slug for q in again.questions_of(next(s for s in again.sections if s.title == "피어세션"))) == raised_there
    assert every_row(demo_db) == before


def test_undo_takes_the_newest_first_and_any_entry_by_id(db):
    week = weeks.create_week(db, 1, title="one")
    first = sections.add_section(db, week.id, "first")
    link = links.add_link(db, week.id, "a link")
    gone_section = sections.delete_section(db, first.id)
    gone_link = links.delete_link(db, link.id)
    assert [d.id for d in trash.list_deleted(db)] == [gone_link.id, gone_section.id]

    assert trash.undo(db, gone_section.id).kind == "section"  # an older one, by id
    assert trash.undo(db).kind == "link"
    assert [s.title for s in weeks.week_detail(db, week.id).sections] == ["first"]
    assert [l.title for l in weeks.week_detail(db, week.id).links] == ["a link"]
    with pytest.raises(NotFound, match="nothing to undo"):
        trash.undo(db)
    with pytest.raises(NotFound, match="no deleted item 99"):
        trash.undo(db, 99)


def test_an_id_taken_meanwhile_gives_the_restored_rows_new_ids(db):
    week = weeks.create_week(db, 1)
    sections.add_section(db, week.id, "kept", body="본문")
    weeks.delete_week(db, week.id)
    other = weeks.create_week(db, 2, title="new")  # SQLite hands out the freed id again
    assert other.id == week.id

    restored = trash.undo(db)
    assert restored.restored_id != week.id
    detail = weeks.week_detail(db, restored.restored_id)
    assert (detail.week.number, [(s.title, s.body) for s in detail.sections]) == (1, [("kept", "본문")])
    assert weeks.week_detail(db, other.id).sections == []


def test_a_restore_that_would_collide_is_refused_in_one_line_and_kept(db):
    week = weeks.create_week(db, 5, course="AI Tech")
    weeks.delete_week(db, week.id)
    weeks.create_week(db, 5, course="AI Tech", title="the new week 5")
    with pytest.raises(StudylogError) as refused:
        trash.undo(db)
    assert "another week has its number in that course" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert len(trash.list_deleted(db)) == 1, "a refused undo keeps the item in the trash"


def test_a_section_of_a_deleted_week_waits_for_its_week(db):
    week = weeks.create_week(db, 1)
    section = sections.add_section(db, week.id, "s")
    gone_section = sections.delete_section(db, section.id)
    weeks.delete_week(db, week.id)
    with pytest.raises(StudylogError, match="undo that delete first"):
        trash.undo(db, gone_section.id)
    trash.undo(db)  # the week
    trash.undo(db)  # then its section
    assert [s.title for s in weeks.week_detail(db, week.id).sections] == ["s"]


def test_a_table_added_by_a_later_migration_is_covered(db):
    """Undo reads what hangs under a row from the schema's foreign keys, not from a list in its code."""
    with db.session() as s:
        s.connection().exec_driver_sql(
            "CREATE TABLE margin_note (id INTEGER PRIMARY KEY, week_id INTEGER NOT NULL REFERENCES week(id) ON DELETE CASCADE, "
            "section_id INTEGER REFERENCES section(id) ON DELETE SET NULL, text TEXT)"
        )
    week = weeks.create_week(db, 1)
    section = sections.add_section(db, week.id, "goals")
    with db.session() as s:
        s.connection().exec_driver_sql("INSERT INTO margin_note (week_id, section_id, text) VALUES (?, ?, '논문 읽기')", (week.id, section.id))
    before = every_row(db)
    weeks.delete_week(db, week.id)
    assert every_row(db)["margin_note"] == []
    trash.undo(db)
    assert every_row(db) == before


def test_a_failed_delete_puts_nothing_in_the_trash(db):
    with pytest.raises(NotFound):
        weeks.delete_week(db, 42)
    assert trash.list_deleted(db) == []

"""The ledger behind every save: one row's stamp carried from read to save, so a write made elsewhere in
between is reported as a Conflict with both texts, and nothing is overwritten unless asked."""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing

from studylog.journal.questions import add_question, get_question, update_question
from studylog.journal.sections import add_section, get_section, update_section
from studylog.journal.weeks import create_week
from studylog.tui.drafts import DraftKey, Edit, Ledger, merged
from studylog.tui.app import StudylogApp
from pilot_helpers import settle


def test_saves_follow_each_other_and_a_write_elsewhere_is_a_conflict(db):
    section = add_section(db, create_week(db, 1).id, "회고", "처음")
    ledger = Ledger()
    ledger.read("section", section.id, section.updated_at)
    body, title = DraftKey("section", section.id, "body"), DraftKey("section", section.id, "title")
    assert ledger.save(db, Edit(body, "둘째")) is None
    assert ledger.save(db, Edit(title, "새 제목")) is None  # the body's save moved the stamp along

    update_section(db, section.id, body="다른 창")
    conflict = ledger.save(db, Edit(body, "셋째"))
    assert (conflict.theirs, conflict.edit.text) == ("다른 창", "셋째")
    assert get_section(db, section.id).body == "다른 창"
    assert merged(conflict).splitlines()[:4] == ["<<<<<<< yours (not saved)", "셋째", "=======", "다른 창"]

    assert ledger.save(db, Edit(body, "셋째"), overwrite=True) is None
    assert (get_section(db, section.id).title, get_section(db, section.id).body) == ("새 제목", "셋째")


def test_a_question_changed_elsewhere_is_a_conflict_too(db):
    question = add_question(db, "질문", "처음?", "답", slug="q")
    ledger = Ledger()
    ledger.read("question", question.id, question.updated_at)
    update_question(db, question.id, answer="그쪽 답")
    conflict = ledger.save(db, Edit(DraftKey("question", question.id, "answer"), "내 답"))
    assert conflict.theirs == "그쪽 답"
    assert get_question(db, "q").answer == "그쪽 답"


def test_reading_never_waits_for_a_save_stuck_behind_another_writer(db):
    """read() runs on the UI thread: a save waiting out the busy timeout must not freeze it."""
    week = create_week(db, 1)
    first, second = add_section(db, week.id, "하나", "처음"), add_section(db, week.id, "둘")
    ledger = Ledger()
    ledger.read("section", first.id, first.updated_at)
    with closing(sqlite3.connect(db.path, isolation_level=None)) as other, ThreadPoolExecutor(2) as pool:
        other.execute("BEGIN IMMEDIATE")  # another studylog holds the write lock
        body = pool.submit(ledger.save, db, Edit(DraftKey("section", first.id, "body"), "둘째"))
        time.sleep(0.2)  # let the save reach the database and wait there
        title = pool.submit(ledger.save, db, Edit(DraftKey("section", first.id, "title"), "첫째"))
        with ThreadPoolExecutor(1) as ui:
            ui.submit(ledger.read, "section", second.id, second.updated_at).result(timeout=2)
        assert not body.done()
        other.execute("ROLLBACK")
        assert (body.result(timeout=10), title.result(timeout=10)) == (None, None)  # one after the other
    assert (get_section(db, first.id).title, get_section(db, first.id).body) == ("첫째", "둘째")


async def test_a_file_that_is_not_a_database_ends_the_app_with_a_one_line_reason(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    app = StudylogApp(path)
    async with app.run_test() as pilot:
        await settle(pilot)
    assert app.return_code == 4  # the database file cannot be used, as for every command
    assert app.failure.startswith(f"{path} is not an SQLite database")

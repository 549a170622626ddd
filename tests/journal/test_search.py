"""Korean full-text search: trigram FTS for three or more characters, LIKE below that, NFC on both sides."""

from __future__ import annotations

import unicodedata

from studylog.journal import questions, search, sections, weeks


def found(db, query):
    return sorted((hit.kind, hit.title) for hit in search.search(db, query))


def test_the_done_when_queries_on_the_demo(demo_db):
    assert found(demo_db, "정규화") == [("section", "주말 계획")]
    assert found(demo_db, "하강법") == [("section", "주차별 학습 내용 목차.")]
    assert found(demo_db, "멘토") == [("section", "< 목표 >"), ("section", "멘토링")]


def test_hits_carry_a_snippet_with_the_match(demo_db):
    hit = search.search(demo_db, "하강법")[0]
    before, match, after = hit.parts()
    assert match == "하강법" and before + match + after == hit.snippet
    assert hit.where == "week 4 · section · 주차별 학습 내용 목차."


def test_questions_and_symbols_are_searchable(demo_db):
    assert found(demo_db, "192*1*1*64") == [("question", questions.get_question(demo_db, "inception-v1-params").title)]
    assert ("question", questions.get_question(demo_db, "aux-classifier-softmax").title) in found(demo_db, "aux2")


def test_every_term_must_match(demo_db):
    assert found(demo_db, "멘토 유튜브") == [("section", "< 목표 >")]
    assert found(demo_db, "멘토 존재하지않는말") == []
    assert found(demo_db, "   ") == []


def test_index_follows_edits_and_deletes(db):
    week = weeks.create_week(db, 1)
    section = sections.add_section(db, week.id, "메모", "드롭아웃 정리")
    assert found(db, "드롭아웃") == [("section", "메모")]
    sections.update_section(db, section.id, body="배치정규화 정리")
    assert found(db, "드롭아웃") == []
    assert found(db, "배치정규화") == [("section", "메모")]
    weeks.delete_week(db, week.id)
    assert found(db, "배치정규화") == []


def test_decomposed_queries_find_composed_text(demo_db):
    assert found(demo_db, unicodedata.normalize("NFD", "정규화")) == [("section", "주말 계획")]
    assert found(demo_db, unicodedata.normalize("NFD", "멘토")) == found(demo_db, "멘토")


def test_like_wildcards_in_short_queries_are_literal(db):
    week = weeks.create_week(db, 1)
    sections.add_section(db, week.id, "plain", "nothing special")
    sections.add_section(db, week.id, "percent", "100% sure")
    assert found(db, "%") == [("section", "percent")]
    assert found(db, "_") == []

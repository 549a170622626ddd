"""Journal services on a real SQLite file: weeks, sections, links, questions."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from studylog.errors import EditConflict, NotFound, StudylogError
from studylog.journal import links, questions, sections, weeks


def titles(db, week_id):
    return [s.title for s in weeks.week_detail(db, week_id).sections]


def test_week_lifecycle(db):
    week = weeks.create_week(db, 5, title="5주차", course="AI Tech 6기", start_date=date(2023, 12, 4))
    with pytest.raises(StudylogError, match="week 5 already exists"):
        weeks.create_week(db, 5, course="AI Tech 6기")
    weeks.update_week(db, week.id, title="5주차 회고")
    assert weeks.find_week(db, 5).title == "5주차 회고"
    weeks.delete_week(db, week.id)
    with pytest.raises(NotFound, match="no week 5"):
        weeks.find_week(db, 5)


def test_a_week_cannot_end_before_it_starts(db):
    with pytest.raises(StudylogError, match="before start date"):
        weeks.create_week(db, 1, start_date=date(2023, 12, 8), end_date=date(2023, 12, 4))


def test_same_number_in_two_courses_is_the_last_used_ones_else_needs_a_course(db):
    weeks.create_week(db, 1, course="A")
    weeks.create_week(db, 1, course="B")
    assert weeks.find_week(db, 1).course == "B"  # the course used last
    assert weeks.find_week(db, 1, course="A").course == "A"
    weeks.create_week(db, 2, course="C")
    with pytest.raises(StudylogError, match="several courses"):
        weeks.find_week(db, 1)
    assert weeks.find_week(db, 1, course="B").course == "B"


def test_sections_append_move_and_delete_in_order(db):
    week = weeks.create_week(db, 1)
    ids = [sections.add_section(db, week.id, t).id for t in ("a", "b", "c", "d")]
    sections.move_section(db, ids[3], 0)
    assert titles(db, week.id) == ["d", "a", "b", "c"]
    sections.delete_section(db, ids[0])
    assert titles(db, week.id) == ["d", "b", "c"]
    assert [s.position for s in weeks.week_detail(db, week.id).sections] == [0, 1, 2]
    with pytest.raises(StudylogError, match="out of range"):
        sections.move_section(db, ids[1], 7)


def test_a_section_can_be_added_in_place(db):
    week = weeks.create_week(db, 1)
    for t in ("a", "b", "c"):
        sections.add_section(db, week.id, t)
    sections.add_section(db, week.id, "after a", position=1)
    assert titles(db, week.id) == ["a", "after a", "b", "c"]
    with pytest.raises(StudylogError, match="out of range"):
        sections.add_section(db, week.id, "nowhere", position=9)
    assert titles(db, week.id) == ["a", "after a", "b", "c"], "a refused insert leaves nothing behind"


def test_a_stale_edit_is_refused_not_overwritten(db):
    week = weeks.create_week(db, 1)
    section = sections.add_section(db, week.id, "소감", "first")
    read_at = section.updated_at
    sections.update_section(db, section.id, expected_updated_at=read_at, body="from the TUI")
    with pytest.raises(EditConflict, match="changed elsewhere"):
        sections.update_section(db, section.id, expected_updated_at=read_at, body="from a stale editor")
    assert weeks.week_detail(db, week.id).sections[0].body == "from the TUI"


def test_text_is_stored_as_nfc(db):
    week = weeks.create_week(db, 1)
    decomposed = unicodedata.normalize("NFD", "배치정규화")
    sections.add_section(db, week.id, decomposed, decomposed)
    stored = weeks.week_detail(db, week.id).sections[0]
    assert stored.title == stored.body == unicodedata.normalize("NFC", "배치정규화")


def test_links_keep_their_order(db):
    week = weeks.create_week(db, 1)
    first = links.add_link(db, week.id, "[git] commit이해하기", category="et al/Docker&git", posted_on=date(2023, 11, 28))
    second = links.add_link(db, week.id, "[git] 기본 명령어 정리")
    links.move_link(db, second.id, 0)
    links.update_link(db, first.id, url="https://example.invalid/commit")
    detail = weeks.week_detail(db, week.id)
    assert [(l.title, l.url) for l in detail.links] == [
        ("[git] 기본 명령어 정리", ""),
        ("[git] commit이해하기", "https://example.invalid/commit"),
    ]
    links.delete_link(db, second.id)
    assert [l.position for l in weeks.week_detail(db, week.id).links] == [0]


def test_questions_with_tags(db):
    week = weeks.create_week(db, 4)
    q = questions.add_question(db, "Where is the softmax?", week_id=week.id, tags=["Loss", "googlenet", "loss"])
    assert q.slug == "where-is-the-softmax"
    assert questions.question_tags(db, q.id) == ["googlenet", "loss"]
    with pytest.raises(StudylogError, match="already exists"):
        questions.add_question(db, "Where is the softmax?", slug="where-is-the-softmax")
    assert questions.add_question(db, "Where is the softmax?").slug == "where-is-the-softmax-2"  # made from the title: made unique
    questions.delete_question(db, questions.get_question(db, "where-is-the-softmax-2").id)
    questions.update_question(db, q.id, answer="in CrossEntropyLoss", tags=["loss"])
    assert questions.get_question(db, "where-is-the-softmax").answer == "in CrossEntropyLoss"
    assert [r.slug for r in questions.list_questions(db, tag="loss")] == [q.slug]
    assert questions.list_questions(db, tag="googlenet") == []
    assert [r.slug for r in questions.list_questions(db, week_id=weeks.find_week(db, 4).id)] == [q.slug]
    questions.delete_question(db, q.id)
    with pytest.raises(NotFound):
        questions.get_question(db, q.slug)


def test_deleting_a_week_keeps_its_questions(db):
    week = weeks.create_week(db, 4)
    q = questions.add_question(db, "FLOPs vs FLOPS", week_id=week.id)
    weeks.delete_week(db, week.id)
    assert questions.get_question(db, q.slug).week_id is None


def test_demo_week_is_the_seed_post(demo_db):
    detail = weeks.week_detail(demo_db, weeks.find_week(demo_db, 4).id)
    assert detail.week.course == "네이버 부스트캠프 AI Tech 6기"
    assert [s.title for s in detail.sections if s.level == 2] == [
        "피어세션", "스페셜피어세션 진행.", "스페셜 세션(이고잉님의 깃허브 특강)", "멘토링",
    ]
    peer = next(s for s in detail.sections if s.kind == "peer_session")
    asked = detail.questions_of(peer)
    assert [q.slug for q in asked] == ["flops-vs-complexity", "inception-v1-params", "aux-classifier-softmax"]
    inception = asked[1].question
    for formula in ("1*7*7*64 = 3136", "192*1*1*64 = 12288", "192*1*1*96 + 96*3*3*128 = 129024",
                    "192*1*1*16 + 16*5*5*32 =  15872", "192*1*1*32 = 6144"):
        assert formula in inception
    assert "        return x, aux2, aux1 # aux는 Auxiliary Classifier의 약자" in asked[2].answer
    assert len(detail.links) == 5
    assert all("Designed by Tistory" not in s.body and "ABOUT ME" not in s.body for s in detail.sections)


def test_editing_a_week_onto_a_taken_number_or_backwards_dates_is_refused(db):
    weeks.create_week(db, 4)
    five = weeks.create_week(db, 5, start_date=date(2023, 12, 4))
    with pytest.raises(StudylogError, match="week 4 already exists"):
        weeks.update_week(db, five.id, number=4)
    with pytest.raises(StudylogError, match="before start date"):
        weeks.update_week(db, five.id, end_date=date(2023, 12, 1))
    with pytest.raises(StudylogError, match="a week has no field 'colour'"):
        weeks.update_week(db, five.id, colour="red")
    assert [s.week.number for s in weeks.list_weeks(db)] == [4, 5]
    assert weeks.find_week(db, 5).end_date is None


def test_a_course_typed_decomposed_finds_the_week(db):
    weeks.create_week(db, 4, course="부스트캠프")
    assert weeks.find_week(db, 4, course=unicodedata.normalize("NFD", "부스트캠프")).number == 4


def test_tags_are_one_tag_whatever_their_case(db):
    q = questions.add_question(db, "Inception", tags=["GoogLeNet", " googlenet "])
    assert questions.question_tags(db, q.id) == ["googlenet"]
    assert [r.slug for r in questions.list_questions(db, tag="GoogLeNet")] == [q.slug]


def test_an_all_digit_question_id_is_found_by_its_id(db):
    first = questions.add_question(db, "first")
    numbered = questions.add_question(db, "2024")
    assert numbered.slug == "2024"
    assert questions.get_question(db, "2024").id == numbered.id
    assert questions.get_question(db, str(first.id)).id == first.id

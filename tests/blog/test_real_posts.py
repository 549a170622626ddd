"""Real campers' posts (../shared/real-posts, counted by hand in EXPECTED.toml): each imports, its week
found where the post or its file name names it and asked for (--week) otherwise; the questions are
recognised (80 % of all, at most two extra per post); every http(s) URL survives import → export."""

from __future__ import annotations

import re
import shutil
import tomllib
from datetime import date

import pytest

from studylog.blog.export import export_week
from studylog.blog.read import parse_post, read_post_file
from studylog.blog.store_post import store_post
from studylog.journal.weeks import find_week
from studylog.blog.read.front_matter import read_front_matter
from studylog.blog.read.lines import Lines
from studylog.blog.read.week_number import week_dates_in, week_in
from studylog.errors import StudylogError
from shared_inputs import SHARED

POSTS = SHARED / "real-posts"
EXPECTED = tomllib.loads((POSTS / "EXPECTED.toml").read_text()) if (POSTS / "EXPECTED.toml").exists() else {}
NO_WEEK = "pass --week N"

pytestmark = pytest.mark.skipif(not EXPECTED, reason="../shared/real-posts is not beside the checkout")


@pytest.mark.parametrize("key", [k for k, e in EXPECTED.items() if e["week_in_post"]])
def test_a_post_that_names_its_week_is_read_as_that_week(key):
    entry = EXPECTED[key]
    try:
        post = read_post_file(POSTS / entry["file"])
    except StudylogError as exc:
        assert NO_WEEK not in str(exc), f"{key}: the week was not found"
        raise AssertionError(f"{key}: refused: {exc}") from None
    assert post.number == entry["week"]


@pytest.mark.parametrize("key", [k for k, e in EXPECTED.items() if not e["week_in_post"]])
def test_a_post_that_does_not_name_its_week_asks_for_it(key, tmp_path):
    source = POSTS / EXPECTED[key]["file"]
    neutral = tmp_path / ("post" + source.suffix)  # the shared copies' names carry the week; the originals did not
    shutil.copy(source, neutral)
    with pytest.raises(StudylogError, match="pass --week N"):
        read_post_file(neutral)
    assert read_post_file(neutral, week_number=EXPECTED[key]["week"]).number == EXPECTED[key]["week"]


@pytest.mark.parametrize("text, week", [
    ("4주차 회고", 4), ("Week 3 : DL Basic", 3), ("week4 회고록", 4), ("Boostcamp 3weeks", 3), ("[week12] 글", 12),
    ("Week02", 2), ("[네이버 부스트캠프 AI Tech 6기] 4주차 회고", 4), ("Day8 학습기록", None), ("5th cohort", None),
    ("210811 피어세션", None), ("weekly review", None), ("10.3", None),
])
def test_week_forms(text, week):
    assert week_in(text) == week


@pytest.mark.parametrize("text, days", [
    ("[AI BoostCamp 4주차 (23.03.27~23.03.31) 회고]", ((2023, 3, 27), (2023, 3, 31))),
    ("2023.03.27 ~ 03.31", ((2023, 3, 27), (2023, 3, 31))),
    ("2024-05-06 - 2024-05-10 회고", ((2024, 5, 6), (2024, 5, 10))),
    ("23.12.29~24.01.04", ((2023, 12, 29), (2024, 1, 4))),
    ("2023.12.29 ~ 01.02", ((2023, 12, 29), (2024, 1, 2))),  # no year on the last day: the next year's
    ("2023.03.31 ~ 2023.03.27", None),  # reversed
    ("2023.03.01 ~ 2023.04.30", None),  # two months is not a week
    ("v1.2.3-4.5.6", None), ("1.5-2.5 epochs", None), ("10.1-10.5", None), ("2023. 3. 31.", None), ("2023.02.30~03.03", None),
])
def test_week_date_ranges(text, days):
    assert week_dates_in(text) == (tuple(date(*d) for d in days) if days else None)


def test_yaml_and_toml_front_matter_are_read_not_kept():
    yaml_post = "---\ntitle: \"[6기] 4주차 회고\"\ndate: 2023-12-01 19:14:34\ncategories:\n  - Naver_BoostCamp_AI\ntags: [회고, 부캠]\n---\n\n## 피어세션\n\n본문\n"
    post, _ = parse_post(yaml_post, "markdown")
    assert (post.number, post.title, post.course, post.end_date) == (4, "[6기] 4주차 회고", "Naver_BoostCamp_AI", date(2023, 12, 1))
    assert all("title:" not in s.body and "categories" not in s.body for s in post.sections)
    lines = Lines("+++\ntitle = \"Week 5\"\ntags = [\"cnn\"]\n+++\n본문")
    matter = read_front_matter(lines)
    assert (matter.title, matter.tags, list(lines)) == ("Week 5", ("cnn",), ["", "", "", "", "본문"])


def test_broken_front_matter_names_its_line(tmp_path):
    broken = tmp_path / "week3.md"
    broken.write_text("---\ntitle: [unclosed\n---\n\n본문\n", encoding="utf-8")
    with pytest.raises(StudylogError, match=r"week3\.md:\d+: expected YAML front matter"):
        read_post_file(broken)


URL = re.compile(r"https?://[^\s)\]>\"'`]+")


def test_questions_are_recognised_and_urls_survive_export(fresh_db):
    recognised = wanted = 0
    for key, entry in EXPECTED.items():
        post = read_post_file(POSTS / entry["file"], week_number=entry["week"])
        found = len(post.questions)
        assert found <= entry["questions"] + 2, f"{key}: {found} questions, {entry['questions']} counted by hand"
        recognised += min(found, entry["questions"])
        wanted += entry["questions"]
        db = fresh_db()
        store_post(db, post)
        exported = export_week(db, find_week(db, entry["week"], post.course).id, with_checks=False)
        lost = {url for url in URL.findall((POSTS / entry["file"]).read_text()) if url not in exported}
        assert not lost, f"{key}: URLs lost on import → export: {sorted(lost)[:3]}"
    assert recognised >= 0.8 * wanted, f"{recognised} of {wanted} questions recognised"


def test_askers_and_answers_are_kept_apart_from_the_title():
    post, _ = parse_post(
        "# week 9\n\nQ [캠퍼12]님 :  RPN 2k score?\n\nA : 배경인지 Object인지\n\n"
        "1. 질문 : 초기화는 언제?([캠퍼B]님)\n\n    답 : activation과 관련\n\n### 왜 덧셈인가요? ([캠퍼A]님)\n\n- 가중치를 더한다\n",
        "markdown",
    )
    assert [(q.title, q.asker, q.answer) for q in post.questions] == [
        ("RPN 2k score?", "캠퍼12", "배경인지 Object인지"), ("초기화는 언제?", "캠퍼B", "activation과 관련"),
        ("왜 덧셈인가요?", "캠퍼A", "- 가중치를 더한다"),
    ]


@pytest.mark.parametrize("fmt, suffix", [("markdown", ".md"), ("tistory-html", ".html")])
@pytest.mark.parametrize("key", list(EXPECTED))
def test_every_post_round_trips_through_its_own_export(key, fmt, suffix, fresh_db, tmp_path):
    """import → export → import → export: the second export is the first (a fold's closing tags read into an
    answer came out as a stray `</div>` and a literal `\\</details>`, and that export could not be imported)."""
    entry = EXPECTED[key]

    def export(post) -> str:
        db = fresh_db()
        store_post(db, post)
        return export_week(db, find_week(db, post.number, post.course).id, fmt, with_checks=False)

    first = export(read_post_file(POSTS / entry["file"], week_number=entry["week"]))
    exported = tmp_path / f"export{suffix}"
    exported.write_text(first, encoding="utf-8")
    assert export(read_post_file(exported)) == first

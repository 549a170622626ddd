"""`studylog import`: the seed post's plain text, hand-written Markdown and Tistory HTML become weeks;
--dry-run changes nothing; a broken file is refused with its line, and the database stays as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from sqlalchemy.exc import StatementError

from studylog.blog.export import export_week
from studylog.blog.plain_markdown import plain_to_markdown
from blog_visible import visible_markdown
from studylog.blog.read import detect_format, parse_post
from studylog.blog.store_post import store_post
from studylog.cli import cli
from studylog.errors import StudylogError
from studylog.journal.questions import list_questions
from studylog.journal.weeks import find_week, week_detail

SEED = Path(__file__).parent / "data" / "week4-retrospective.txt"  # the seed post as copied from the blog page
CHROME = ("ABOUT ME", "Yesterday", "Total", "카테고리의 다른 글", "[week5]", "댓글", "Designed by Tistory")


def words_shown(markdown: str) -> list[str]:
    """The words a reader sees when the Markdown is rendered (runs of spaces are one space in a browser)."""
    return visible_markdown(markdown).split()


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def snapshot(path: Path) -> tuple:
    """Row counts of every table and the bytes of the database file."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    conn.close()
    return counts, hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_seed_post_imports_with_the_demo_weeks_structure(demo_db):
    result = run("import", SEED, "--week", "40")
    assert result.exit_code == 0, result.output
    demo = week_detail(demo_db, find_week(demo_db, 4).id)
    seed = week_detail(demo_db, find_week(demo_db, 40).id)
    assert [(s.kind, s.level, s.title) for s in seed.sections] == [(s.kind, s.level, s.title) for s in demo.sections]
    assert [q.title for q in seed.questions] == [q.title for q in demo.questions]
    assert [[q.title for q in seed.questions_of(s)] for s in seed.sections] == [[q.title for q in demo.questions_of(s)] for s in demo.sections]
    assert [(l.posted_on, l.category, l.title) for l in seed.links] == [(l.posted_on, l.category, l.title) for l in demo.links]
    # The copied page is plain text, imported as the Markdown that shows it; the demo holds what was typed.
    assert words_shown(seed.sections[0].body) == words_shown(demo.sections[0].body)  # 2023.12.01. 금요일 …
    assert words_shown(seed.questions[0].question) == words_shown(demo.questions[0].question)
    assert words_shown(seed.questions[0].answer) == words_shown(demo.questions[0].answer)
    assert seed.questions[2].answer.startswith("corssentropyloss 안에 softmax가 있다.")
    assert "```python\nclass GoogLeNet(nn.Module):" in seed.questions[2].answer
    assert seed.week.end_date.isoformat() == "2023-12-01" and seed.week.title == "네부캠 ai tech 4주차 회고"
    everything = [s.body for s in seed.sections] + [q.question + q.answer for q in seed.questions]
    assert not any(chrome in text for chrome in CHROME for text in everything)


HAND_WRITTEN = """\
# [week7] 손으로 쓴 회고

2023-12-11 ~ 2023-12-15

짧은 머리말.

## 피어세션

오늘의 질문들.

Q1. 배치 정규화는 왜 쓰나?

<details>
<summary>더보기</summary>

A1. 학습을 *안정*시킨다.

</details>

Q2. 풀링의 역할?

A2. 공간 크기를 줄인다.

```python
nn.MaxPool2d(2)
```

## 공부 내용 링크

- 2023.12.12 - [et al] - [pytorch] 텐서 기초
- [외부 글](https://example.com/x)
"""

TISTORY = """\
<h2 data-ke-size="size26">피어세션</h2>
<p data-ke-size="size16">질문을 <b>정리</b>했다.<br>두 번째 줄</p>
<p data-ke-size="size16">&nbsp;</p>
<p data-ke-size="size16">Q1. 보조분류기의 softmax는?</p>
<div data-ke-type="moreLess" data-text-more="더보기" data-text-less="닫기"><a class="btn-toggle-moreless">더보기</a>
<div class="moreless-content">
<p data-ke-size="size16">A1. CrossEntropyLoss&nbsp;안에 있다.</p>
<pre class="python" data-ke-language="python"><code>loss = nn.CrossEntropyLoss()(logits, y)
</code></pre>
</div>
</div>
<h3 data-ke-size="size23">멘토링</h3>
<p data-ke-size="size16">유익했다!</p>
"""


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html", "text"])
def test_the_format_is_recognised_without_a_file_suffix(demo_db, fmt):
    content = SEED.read_text(encoding="utf-8") if fmt == "text" else export_week(demo_db, find_week(demo_db, 4).id, fmt)
    assert detect_format(Path("post"), content) == fmt
    assert detect_format(Path("post"), {"markdown": HAND_WRITTEN, "tistory-html": TISTORY, "text": content}[fmt]) == fmt


def test_a_hand_written_markdown_post(db, tmp_path):
    (tmp_path / "post.md").write_text(HAND_WRITTEN, encoding="utf-8")
    assert run("import", tmp_path / "post.md").exit_code == 0
    week = week_detail(db, find_week(db, 7).id)
    assert (week.week.title, str(week.week.start_date), str(week.week.end_date)) == ("손으로 쓴 회고", "2023-12-11", "2023-12-15")
    assert [(s.kind, s.title, s.body) for s in week.sections] == [
        ("intro", "", "짧은 머리말."), ("peer_session", "피어세션", "오늘의 질문들."), ("study_links", "공부 내용 링크", ""),
    ]
    assert [(q.title, q.answer, q.status) for q in week.questions] == [
        ("배치 정규화는 왜 쓰나?", "학습을 *안정*시킨다.", "answered"),
        ("풀링의 역할?", "공간 크기를 줄인다.\n\n```python\nnn.MaxPool2d(2)\n```", "answered"),
    ]
    assert [(str(l.posted_on), l.category, l.title, l.url) for l in week.links] == [
        ("2023-12-12", "et al", "[pytorch] 텐서 기초", ""), ("None", "", "외부 글", "https://example.com/x"),
    ]


def test_tistory_html_with_a_week_number_given(db, tmp_path):
    (tmp_path / "post.html").write_text(TISTORY, encoding="utf-8")
    assert run("import", tmp_path / "post.html", "--week", "5").exit_code == 0
    week = week_detail(db, find_week(db, 5).id)
    assert [(s.kind, s.level, s.title, s.body) for s in week.sections] == [
        ("peer_session", 1, "피어세션", "질문을 정리했다.\\\n두 번째 줄"), ("mentoring", 2, "멘토링", "유익했다!"),
    ]
    (question,) = week.questions
    assert question.answer == "CrossEntropyLoss 안에 있다.\n\n```python\nloss = nn.CrossEntropyLoss()(logits, y)\n```"


EDITOR_HTML = """\
<h1>[week9] 글</h1>
<p data-ke-size="size16">editor&nbsp;&nbsp;spaces, typed&#160;no-break&#xA0;spaces, a&#9;tab,\ta  raw\ttab, AT&T, &foo; &#abc &lt;b&gt;</p>
<!-- studylog:question {"id": "r&d", "tags": ["R&D"]} -->
<p data-ke-size="size16">Q1. 질문</p>
<h2>공부 내용 링크</h2>
<ul><li><a href="https://a.b/?x=1&amp;y=2">2023.12.01 - [et al] - 링크</a></li></ul>
"""


def test_html_references_read_as_written_and_editors_nbsp_as_a_space():
    post, _ = parse_post(EDITOR_HTML, "tistory-html")
    shown = "editor  spaces, typed\u00a0no-break\u00a0spaces, a\ttab, a raw tab, AT&T, &foo; &#abc <b>"
    assert post.sections[0].body == plain_to_markdown(shown), "HTML text becomes the Markdown that shows the same"
    (link,) = post.links
    assert (link.title, link.url) == ("링크", "https://a.b/?x=1&y=2")
    (question,) = post.questions
    assert (question.slug, question.tags) == ("r&d", ["R&D"]), "a marker comment keeps its ampersands"


def test_imported_tags_are_stored_as_the_journal_stores_tags(db):
    post, _ = parse_post(EDITOR_HTML.replace('["R&D"]', '["GoogLeNet", " googlenet ", "CNN", ""]'), "tistory-html")
    store_post(db, post)
    (question,) = week_detail(db, find_week(db, 9).id).questions
    assert week_detail(db, question.week_id).tags[question.id] == ["cnn", "googlenet"]
    assert [q.slug for q in list_questions(db, tag="GoogLeNet")] == ["r&d"]


def test_markdown_keeps_references_as_typed():
    post, _ = parse_post("# [week9] 글\n\neditor&nbsp;&nbsp;spaces, typed&#160;no-break, a&#9;tab, AT&T\n", "markdown")
    assert post.sections[0].body == "editor&nbsp;&nbsp;spaces, typed&#160;no-break, a&#9;tab, AT&T"


def test_dry_run_shows_the_week_and_changes_nothing(demo_db, tmp_path):
    post = tmp_path / "week4.md"
    post.write_text(export_week(demo_db, find_week(demo_db, 4).id), encoding="utf-8")
    demo_db.close()
    before = snapshot(demo_db.path)
    result = run("import", post, "--week", "12", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would create week 12 (네이버 부스트캠프 AI Tech 6기) '네부캠 ai tech 4주차 회고': 12 sections, 3 questions, 5 links" in result.output
    assert "question id 'flops-vs-complexity' is taken; would import it as 'flops-vs-complexity-2'" in result.output
    assert "  - [peer_session] 피어세션" in result.output
    assert snapshot(demo_db.path) == before


def test_importing_a_taken_week_is_refused_and_another_number_renames_ids(demo_db, tmp_path):
    post = tmp_path / "week4.md"
    post.write_text(export_week(demo_db, find_week(demo_db, 4).id), encoding="utf-8")
    demo_db.close()
    before = snapshot(demo_db.path)
    refused = run("import", post)
    assert refused.exit_code == 1 and "week 4 of course '네이버 부스트캠프 AI Tech 6기' already exists" in refused.output
    assert snapshot(demo_db.path) == before
    assert run("import", post, "--week", "12").exit_code == 0
    assert [q.slug for q in week_detail(demo_db, find_week(demo_db, 12).id).questions] == [
        "flops-vs-complexity-2", "inception-v1-params-2", "aux-classifier-softmax-2",
    ]


GOOD_START = "<!-- studylog:week {\"course\": \"\", \"number\": 8} -->\n\n# [week8] 망가진 글\n\n"
BROKEN = [
    ("unclosed-fold.md", GOOD_START + "Q1. 질문\n\n<details>\n<summary>더보기</summary>\n\nA1. 답\n", 7, "the fold (더보기) opened here is never closed"),
    ("unclosed-code.md", GOOD_START + "본문\n\n```python\nx = 1\n", 7, "the code block opened here is never closed; expected a closing ```"),
    ("bad-marker.md", GOOD_START + "<!-- studylog:section {kind: \"intro\"} -->\n", 5, "expected a JSON object after 'studylog:section'"),
    ("bad-kind.md", GOOD_START + "<!-- studylog:section {\"kind\": \"diary\", \"level\": 1} -->\n", 5, "expected a section kind"),
    ("lost-question.md", GOOD_START + "<!-- studylog:question {\"id\": \"q\"} -->\n\n## 제목\n", 7, "expected a 'Q1. …' paragraph after the question marker"),
    ("extra-close.md", GOOD_START + "본문\n\n</details>\n", 7, "this closes a fold (더보기) that was never opened"),
    ("no-number.md", "# 번호 없는 제목\n\n본문\n", 1, "found no week number in the title, front matter or file name (such as '[week4]', '4주차', 'Week 4', 'week4'); pass --week N"),
    ("unclosed-pre.html", "<h1>[week8] 글</h1>\n<p>본문</p>\n<pre><code>x = 1\n", 3, "the code block (<pre>) opened here is never closed"),
]


@pytest.mark.parametrize("name, content, line, expected", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_post_names_the_line_and_leaves_the_database_as_it_was(demo_db, tmp_path, name, content, line, expected):
    post = tmp_path / name
    post.write_text(content, encoding="utf-8")
    demo_db.close()
    before = snapshot(demo_db.path)
    result = run("import", post)
    assert result.exit_code == 1
    assert f"Error: {post}:{line}: {expected}" in result.output
    assert snapshot(demo_db.path) == before


def test_a_post_saved_decomposed_is_read_as_nfc_and_its_taken_week_refused(demo_db, tmp_path):
    post = tmp_path / "week4-nfd.md"
    post.write_text(unicodedata.normalize("NFD", export_week(demo_db, find_week(demo_db, 4).id)), encoding="utf-8")
    demo_db.close()
    before = snapshot(demo_db.path)
    refused = run("import", post)
    assert refused.exit_code == 1 and isinstance(refused.exception, SystemExit)  # a message, not a traceback
    assert "week 4 of course '네이버 부스트캠프 AI Tech 6기' already exists" in refused.output
    assert snapshot(demo_db.path) == before
    assert run("import", post, "--week", "12").exit_code == 0
    source, copy = (week_detail(demo_db, find_week(demo_db, n).id) for n in (4, 12))
    assert [(s.title, s.body) for s in copy.sections] == [(s.title, s.body) for s in source.sections]


def test_a_clash_the_checks_miss_is_refused_by_name_and_nothing_is_stored(demo_db):
    post, _ = parse_post(export_week(demo_db, find_week(demo_db, 4).id), "markdown")
    post.course = unicodedata.normalize("NFD", post.course)  # a Post built by hand, not by the reader
    demo_db.close()
    before = snapshot(demo_db.path)
    with pytest.raises(StudylogError, match=r"cannot import week 4 .*: it has the same week\.course, week\.number as a row already stored"):
        store_post(demo_db, post)
    assert snapshot(demo_db.path) == before


def test_a_failure_midway_through_the_writes_leaves_nothing_behind(db):
    post, _ = parse_post(HAND_WRITTEN, "markdown")
    post.links[-1].title = ["not", "text"]  # cannot be stored, and links are written last
    db.close()
    before = snapshot(db.path)
    with pytest.raises(StatementError):
        store_post(db, post)
    assert snapshot(db.path) == before


def test_a_file_that_is_not_utf8_is_refused_with_its_line(db, tmp_path):
    post = tmp_path / "latin1.md"
    post.write_bytes("# [week3] 제목\n\n".encode() + b"caf\xe9\n")
    result = run("import", post)
    assert result.exit_code == 1 and f"{post}:3: expected UTF-8 text, found byte 0x" in result.output


CAMPER_FORMS = """\
# [week9] 피어세션

## 토의 내용

Q [캠퍼12]님 :  RPN 2k score?

A : 배경인지 Object인지 구분하기 위해 2개로 진행

Q: background를 augment하면 되는지

초기 학습에서는 background가 detect된다.

A: yolo에는 object loss가 있다.

질문 : 초기화는 언제 하나?

답 : activation과 관련이 있다.

Q1) 덧셈인가요?

답변: 가중치를 더한다.
"""


def test_the_question_forms_campers_write():
    post, _ = parse_post(CAMPER_FORMS, "markdown")
    assert [(q.title, q.answer) for q in post.questions] == [
        ("RPN 2k score?", "배경인지 Object인지 구분하기 위해 2개로 진행"),
        ("background를 augment하면 되는지", "yolo에는 object loss가 있다."),
        ("초기화는 언제 하나?", "activation과 관련이 있다."),
        ("덧셈인가요?", "가중치를 더한다."),
    ]
    assert post.questions[1].question == "초기 학습에서는 background가 detect된다."


def test_a_refused_import_creates_no_database(tmp_path):
    post = tmp_path / "notes.md"
    post.write_text("no week named here\n", encoding="utf-8")
    target = tmp_path / "new.db"
    result = run("--db", target, "import", post)
    assert result.exit_code == 1 and "pass --week N" in result.output
    assert list(tmp_path.iterdir()) == [post]  # no database file, no -wal, no backup
    assert run("--db", target, "import", post, "--week", 2).exit_code == 0 and target.exists()


def test_a_table_of_contents_asks_nothing():
    post, _ = parse_post("# Week 3\n\n# Contents\n\n- 나는 CNN과 ViT의 차이를 설명할 수 있는가?\n- 왜 정규화하나요?\n\n"
                         "# Studies\n\n## 왜 정규화하나요?\n\n입력 분포를 맞춘다.\n", "markdown")
    assert [(q.title, q.answer) for q in post.questions] == [("왜 정규화하나요?", "입력 분포를 맞춘다.")]
    assert "나는 CNN과 ViT의 차이" in post.sections[0].body  # the contents stay as typed

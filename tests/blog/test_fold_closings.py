"""A daily fold's closing tags (`</div>`, `</details>`, indented inside the last list item or after a
heading) belong to the fold they close, not to the question asked last inside it, and a heading inside the
fold starts no section that would split it; the export imports again as itself."""

from __future__ import annotations

import pytest

from studylog.blog.export import export_week
from studylog.blog.read import parse_post
from studylog.blog.read.enclosing import outer_closing, wrapped
from studylog.blog.read.lines import Lines
from studylog.blog.read.tree import parse
from studylog.blog.store_post import store_post
from studylog.journal.weeks import find_week

DAY = '<details>\n  <summary><b> Day04 </b></summary>\n  <div markdown="1">\n\n'
CLOSED_IN_ITEM = DAY + "- transpose() vs permute()\n\n  - transpose(): 두 차원만 맞교환\n\n  </div>\n  </details>\n"
DIV_IN_ITEM = DAY + "- 증류에서 오류를 줄일 방법이 있는지\n\n  </div>\n</details>\n"
ANSWER_THEN_CLOSE = DAY + "- 왜 ReLU를 쓰나요?\n\n  기울기가 사라지지 않는다\n  </div></details>\n"
HEADING = DAY + "### 왜 ReLU를 쓰나요?\n\n기울기가 사라지지 않는다\n\n  </div>\n</details>\n\n다음 날 이야기\n"
HEADING_LIST = DAY + "### 왜 ReLU를 쓰나요?\n\n- 기울기가 사라지지 않는다\n\n  </div>\n  </details>\n\n다음 날 이야기\n"
SUB_ITEM = DAY + "- 토론\n  - 왜 ReLU를 쓰나요?\n\n    기울기\n\n    </div>\n    </details>\n"
OWN_FOLD = DAY + "- 왜 ReLU를 쓰나요?\n\n  <details><summary>더보기</summary>\n\n  기울기\n\n  </details>\n\n  </div>\n  </details>\n"
SHAPES = {
    "closed in the item": (CLOSED_IN_ITEM, "transpose() vs permute()", "- transpose(): 두 차원만 맞교환"),
    "</div> in the item": (DIV_IN_ITEM, "증류에서 오류를 줄일 방법이 있는지", ""),
    "right after the answer": (ANSWER_THEN_CLOSE, "왜 ReLU를 쓰나요?", "기울기가 사라지지 않는다"),
    "after a heading": (HEADING, "왜 ReLU를 쓰나요?", "기울기가 사라지지 않는다"),
    "inside a list after a heading": (HEADING_LIST, "왜 ReLU를 쓰나요?", "- 기울기가 사라지지 않는다"),
    "in a sub-item": (SUB_ITEM, "왜 ReLU를 쓰나요?", "기울기"),
    "around the answer's own fold": (OWN_FOLD, "왜 ReLU를 쓰나요?", "<details><summary>더보기</summary>\n\n기울기\n\n</details>"),
}


def post_text(body: str) -> str:
    return f"# 2주차 회고\n\n## Peer Session\n\n{body}\n## Weekly Review\n\n좋았다\n"


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_answer_ends_where_the_fold_around_it_closes(shape):
    body, title, answer = SHAPES[shape]
    post, _ = parse_post(post_text(body), "markdown")
    assert [(q.title, q.answer) for q in post.questions] == [(title, answer)]
    peer = post.sections[0]
    assert peer.body.count("</details>") == peer.body.count("<details>")  # the fold stays whole in the body


def test_text_after_the_fold_stays_in_the_body():
    post, _ = parse_post(post_text(HEADING), "markdown")
    assert post.sections[0].body.endswith("</details>\n\n다음 날 이야기")


SECTION_IN_FOLD = DAY + "### 피어세션 정리\n\n- 내용\n\n  </div>\n</details>\n"


def test_a_heading_inside_a_fold_stays_in_the_body():
    post, _ = parse_post(post_text(SECTION_IN_FOLD), "markdown")
    assert [s.title for s in post.sections] == ["Peer Session", "Weekly Review"]
    assert post.sections[0].body == SECTION_IN_FOLD.strip("\n")


def test_a_div_never_closed_keeps_no_heading_from_its_section():
    post, _ = parse_post(post_text('<div align="center">\n\n### 정리\n\n내용\n'), "markdown")
    assert [s.title for s in post.sections] == ["Peer Session", "정리", "Weekly Review"]


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
@pytest.mark.parametrize("shape", [*SHAPES, "section in the fold"])
def test_the_export_imports_again_as_itself(shape, fmt, fresh_db):
    def export(post) -> str:
        db = fresh_db()
        store_post(db, post)
        return export_week(db, find_week(db, post.number, post.course).id, fmt, with_checks=False)

    body = SECTION_IN_FOLD if shape == "section in the fold" else SHAPES[shape][0]
    first = export(parse_post(post_text(body), "markdown")[0])
    assert export(parse_post(first, fmt)[0]) == first


@pytest.mark.parametrize("text, line", [
    ("- a\n\n  </div>\n  </details>\n", 4),  # 0-based: the indented `</div>` inside the item
    ("<div>\n\n- a\n\n</div>\n\n</details>\n", 8),  # a <div> opened and closed here is its own
    ("<details><div>\n\n- a\n\n</details>\n\n</div></details>\n", 8),  # closing what was left open inside it
    ("- a\n\n  <details>\n\n  b\n\n  </details>\n\n</div></details>\n", 10),  # the item's own fold
])
def test_outer_closing_finds_the_first_tag_closing_what_was_opened_outside(text, line):
    """The blocks of text read inside a fold opened on the two lines before it."""
    blocks = parse(Lines(f"<details><div>\n\n{text}"))[1:]
    assert outer_closing(blocks) == line


def test_wrapped_marks_the_blocks_between_tags_that_pair_up():
    text = "<details><div>\n\n# a\n\n</div></details>\n\n# b\n\n<div>\n\n# c\n\n- d\n\n  <details>\n\n  </details>\n"
    blocks = parse(Lines(text))
    assert [(b.text or b.content.strip(), inside) for b, inside in zip(blocks, wrapped(blocks))] == [
        ("<details><div>", False), ("a", True), ("</div></details>", True), ("b", False),
        ("<div>", False), ("c", False), ("d", False),  # the last <div> never closes: it wraps nothing
    ]

"""Bodies are Markdown as typed: export writes them through, and the literal guard escapes only what a
renderer would turn into markup nobody meant (192*1*1*64, __init__, <pad>), never math, code or URLs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from studylog.blog.export import render_post
from studylog.blog.read import parse_post
from studylog.blog.guard import guard, guarded, unguarded
from studylog.blog.post import Post, PostQuestion, PostSection
from blog_strategies import one_line, text
from blog_visible import GFM_LIKE, as_shown, shows, visible_markdown, visible_text

MATH_RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(dollarmath_plugin)
TYPED = "가지1 : 192*1*1*64 = 12288, 3*3*64*64, a*b*c\n\n`model.__init__`과 __init__\n\n$\\sqrt{d_k}$ 로 나눈다\n\n$$\\mathbb{Z}_{+}$$"


def post_with(body: str = "", question: str = "", answer: str = "", title: str = "섹션") -> Post:
    q = PostQuestion(title="질문", question=question, answer=answer, slug="q", status="open")
    return Post(number=4, title="회고", sections=[PostSection(kind="peer_session", title=title, body=body, questions=[q])])


def rendered(markdown: str) -> tuple[str, list[str]]:
    """What a math-aware renderer shows: the visible text, and the content of every math token."""
    tokens = MATH_RENDERER.parse(markdown)
    math = [t.content.strip() for t in tokens if t.type == "math_block"]
    math += [c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type.startswith("math")]
    return visible_markdown(markdown, MATH_RENDERER), math


@pytest.mark.parametrize("where", ["body", "question", "answer"])
def test_formulas_math_and_dunders_render_as_the_author_meant(where):
    markdown = render_post(post_with(**{where: TYPED}), "markdown")
    shown, math = rendered(markdown)
    assert "192*1*1*64 = 12288, 3*3*64*64, a*b*c" in shown
    assert "model.__init__" in shown and "과 __init__" in shown
    assert "\\sqrt{d_k}" in math and "\\mathbb{Z}_{+}" in math


def test_markdown_reaches_the_blog_unchanged():
    body = (
        "- [노트](https://example.com/a_b) and ![그림](https://i.imgur.com/x.png)\n  - nested\n\n"
        "1. 첫째\n   ```python\n   x = 1\n   ```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> 인용 ~~취소~~ **굵게**"
    )
    markdown = render_post(post_with(body=body), "markdown")
    assert body in markdown
    html = render_post(post_with(body=body), "tistory-html")
    for fragment in ('<a href="https://example.com/a_b">노트</a>', '<img src="https://i.imgur.com/x.png" alt="그림"',
                     "<table>", "<blockquote>", "<s>취소</s>", '<pre class="python" data-ke-language="python"'):
        assert fragment in html


@pytest.mark.parametrize("typed, escaped", [
    ("192*1*1*64", "192\\*1\\*1\\*64"), ("x**2", "x\\*\\*2"), ("__init__()", "\\_\\_init\\_\\_()"),
    ("List<int> <br> <details>", "List\\<int> <br> <details>"), ("snake_case *강조* **굵게**이다", "snake_case *강조* **굵게**이다"),
    ("`192*1` $a*b_c$ $$x_1*y$$ [a](https://x/a*b) https://q/__init__ <!-- a*b -->", None),
    ("```\n192*1\n```", None), ("    indented 192*1", None),
    # a </details> that closes no fold of its own text would close the 더보기 fold the post puts it in
    ("a\n</details>", "a\n\\</details>"), ("<details><summary>x</summary>\nb\n</details>", None),
    ("```\n</details>\n```", None),
    # inside raw HTML (after `</div>` up to a blank line) a backslash escapes nothing: the entity does
    ("a\n\n</div>\n</details>", "a\n\n</div>\n&lt;/details>"), ("</div></details>", "</div>&lt;/details>"),
    ("- <p>x</p>\n  </details>", "- <p>x</p>\n  &lt;/details>"), ("</div>\n\n</details>", "</div>\n\n\\</details>"),
])
def test_the_guard_escapes_only_unmeant_markup(typed, escaped):
    assert guarded(typed) == (typed if escaped is None else escaped)


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
@pytest.mark.parametrize("answer", ["a\n\n</div>\n</details>", "a\n\n<p>x</p>\n</details>", "</div></details>", "<div>\n</details>\n</div>"])
def test_a_typed_closing_tag_inside_raw_html_reads_back_as_typed(answer, fmt):
    """A stray </details> after `</div>` went out as `\\</details>`, which raw HTML does not escape: it closed
    the answer's fold, and the post could not be imported."""
    post, _ = parse_post(render_post(post_with(answer=answer), fmt), fmt)
    assert post.questions[0].answer == answer
    assert unguarded(guarded(answer)) == answer


def test_the_guard_says_what_it_escaped_and_is_idempotent():
    result = guard("a\n192*1 and __init__ and <pad>")
    assert [line for line, _ in result.escaped] == [1, 1, 1]
    assert guarded(result.text) == result.text


@settings(max_examples=40, deadline=None)
@given(body=text)
def test_the_guard_never_changes_what_a_renderer_shows_except_unmeant_emphasis(body):
    once = guarded(body)
    assert guarded(once) == once
    assert visible_markdown(once, GFM_LIKE).replace("*", "").replace("_", "") .replace("<", "") == \
        visible_markdown(body, GFM_LIKE).replace("*", "").replace("_", "").replace("<", "") or "<" in body


def test_titles_display_as_typed():
    title = "< 목표 > #1 *중요* a_b"
    post = post_with(title=title)
    for shown in (visible_markdown(render_post(post, "markdown")), visible_text(render_post(post, "tistory-html"))):
        assert shows(shown, title)


def test_a_link_that_is_not_http_is_never_live_in_html():
    html = render_post(post_with(body="[눌러](javascript:alert(1)) [파일](file:///etc/passwd) [웹](https://ok.example)"), "tistory-html")
    assert 'href="javascript:' not in html and 'href="file:' not in html
    assert 'href="https://ok.example"' in html


@settings(max_examples=30, deadline=None)
@given(title=one_line(40))
def test_any_title_displays_as_typed(title):
    post = post_with(title=title)
    if title.strip():
        assert shows(visible_markdown(render_post(post, "markdown")), as_shown(title.strip()))

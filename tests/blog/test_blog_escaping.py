"""Never lose a character: what the user typed displays exactly as typed, in the Markdown rendered by
CommonMark (and with GFM tables and strikethrough on) and in the Tistory HTML."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings

from studylog.blog.export import render_post
from studylog.blog.post import Post, PostQuestion, PostSection
from blog_strategies import one_line, text
from blog_visible import GFM_LIKE, as_shown, expected_visible, has_tabs_only_paragraph, shows, visible_markdown, visible_text

TYPED = [
    "가지1 : 192*1*1*64 = 12288",
    "aux_logits and a_b_c and _a_",
    "<tag> and </details> and <!-- not a comment -->",
    "# not a heading\n## nor this",
    "| a | b |\n|---|---|\n| c | d |",
    "a | b\n--- | ---",
    "1. not a list\n2) nor this\n- nor\n* this\n+ one",
    "    not code, four spaces in",
    "네이버  부스트코스, two spaces, and trailing  ",
    "**not bold** ~~not struck~~ `not code` [not](a link) ![nor](an image)",
    "&amp; &#35; &copy stay as typed",
    "back\\slash and a trailing one\\",
    "text\n===\nnot a heading\n---",
    "> not a quote",
    "[ref]: /not-a-definition",
    "a\n\n\n\nb after three blank lines",
    "(7+7)[커널 매개변수] * 3 (입력 채널 수, RGB) * 64 = 2752",
    "\u3000ideographic space first, and a tab\tinside",
    "\u00a0no-break spaces\u00a0typed, \u00a0 and a\t\ttab run shown as one space\t",
]


def post_with(body: str = "", question: str = "", answer: str = "", title: str = "섹션") -> Post:
    q = PostQuestion(title="질문", question=question, answer=answer, slug="q", status="open")
    return Post(number=4, title="회고", sections=[PostSection(kind="peer_session", title=title, body=body, questions=[q])])


def displays(post: Post) -> list[str]:
    """The post as displayed: Markdown through CommonMark, through a GFM-like renderer, Tistory HTML."""
    markdown = render_post(post, "markdown")
    return [visible_markdown(markdown), visible_markdown(markdown, GFM_LIKE), visible_text(render_post(post, "tistory-html"))]


@pytest.mark.parametrize("typed", TYPED)
def test_typed_text_displays_as_typed(typed):
    expected = expected_visible(typed)
    for shown in displays(post_with(body=typed, question=typed)):
        assert shows(shown, expected)
    for shown in displays(post_with(answer=typed)):
        assert f"A1. {expected}" in shown


def test_code_blocks_stay_code_with_their_language():
    body = "위 코드:\n```python\nx = a_b * 2  # <aux>\n```\n끝"
    markdown = render_post(post_with(body=body), "markdown")
    assert "```python\nx = a_b * 2  # <aux>\n```" in markdown
    html = render_post(post_with(body=body), "tistory-html")
    assert '<pre class="python" data-ke-language="python"' in html and "x = a_b * 2  # &lt;aux&gt;" in html


def test_a_fence_inside_code_gets_a_longer_fence():
    body = "```\n```python inside\n  ```\n```"
    markdown = render_post(post_with(body=body), "markdown")
    assert "````\n```python inside\n  ```\n````" in markdown
    assert shows(visible_markdown(markdown), "```\n```python inside\n  ```\n```")


def test_titles_display_as_typed():
    title = "< 목표 > #1 *중요* a_b"
    for shown in displays(post_with(title=title)):
        assert shows(shown, title)


@settings(max_examples=60, deadline=None)
@given(body=text, question=text, title=one_line(40))
def test_any_text_displays_as_typed(body, question, title):
    assume(not has_tabs_only_paragraph(body) and not has_tabs_only_paragraph(question))
    expected_body, expected_question = expected_visible(body), expected_visible(question)
    for shown in displays(post_with(body=body, question=question, title=title)):
        if expected_body:
            assert shows(shown, expected_body)
        if expected_question and question != "질문":
            assert shows(shown, expected_question)
        if title.strip():
            assert shows(shown, as_shown(title.strip()))

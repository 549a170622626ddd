"""HTML a blog editor wrote (not studylog's export): the week from its first heading, and every address and
formula a reader sees kept in the Markdown it becomes — links, images, bare URLs, `$…$` math."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from studylog.blog.read import parse_post

EDITOR_HTML = """<h2 data-ke-size="size26">부스트캠프 5주차 회고</h2>
<p data-ke-size="size16">이번 주는 <a href="https://pytorch.org/docs/stable/nn.html#torch.nn.Module_x">PyTorch 문서</a>를 봤다.</p>
<figure class="imageblock alignCenter"><span><img src="https://blog.kakaocdn.net/dn/a_b/img.png" alt="구조도" /></span></figure>
<p data-ke-size="size16">어텐션은 $\\sqrt{d_k}$ 로 나눈다, 참고 https://arxiv.org/abs/1706.03762_v5 와 192*1*1*64.</p>
"""
URLS = ["https://pytorch.org/docs/stable/nn.html#torch.nn.Module_x", "https://blog.kakaocdn.net/dn/a_b/img.png",
        "https://arxiv.org/abs/1706.03762_v5"]


def test_the_first_heading_that_names_the_week_titles_the_post():
    post, _ = parse_post(EDITOR_HTML, "tistory-html")
    assert (post.number, post.title) == (5, "부스트캠프 5주차 회고")


def test_addresses_and_math_reach_the_markdown_as_typed():
    post, _ = parse_post(EDITOR_HTML, "tistory-html")
    body = post.sections[0].body
    for url in URLS:
        assert url in body, url  # whole: no backslash inside an address
    assert "$\\sqrt{d_k}$" in body and "192\\*1\\*1\\*64" in body  # math as typed; the product still guarded
    rendered = MarkdownIt("commonmark").use(dollarmath_plugin).render(body)
    assert '<span class="math inline">\\sqrt{d_k}</span>' in rendered and "192*1*1*64" in rendered
    for url in URLS:
        assert f'href="{url}"' in rendered, url  # a live link now

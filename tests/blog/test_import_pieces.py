"""A long Markdown post is parsed a piece at a time (read/chunks.py): cut before top-level headings, the
blocks must be those of the whole post parsed at once, whatever is left open across a cut. And the
large-post benchmark's generator (benchmarks/large_post.py) writes posts the importer reads in full."""

from __future__ import annotations

import sys

import pytest

from shared_inputs import ROOT, SHARED
from studylog.blog.read import chunks, parse_post
from studylog.blog.read.lines import Lines
from studylog.blog.read.tree import parse
from studylog.blog.store_post import store_post

sys.path.insert(0, str(ROOT / "benchmarks"))
from large_post import html_post, markdown_post, text_post  # noqa: E402

OPEN_ACROSS_A_CUT = {
    "fence": "# a\n\n```python\nx = 1\n\n# a comment, not a heading\n\ny = 2\n```\n\n# b\n\ntext\n",
    "math": "# a\n\n$$\nx\n\n# not a heading\n$$\n\n# b\n",
    "comment": "# a\n\n<!--\n\n# inside a comment\n\n-->\n\n# b\n",
    "fold": "# a\n\n- item\n  <details>\n  <summary>더보기</summary>\n\n  answer\n\n  </details>\n\n# b\n\nQ1. 왜?\n\nA1. 그래서\n",
    "list": "# a\n\n- one\n\n  # a heading inside the item\n\n- two\n\n# b\n",
    "quote": "# a\n\n> quoted\n>\n> # heading in a quote\n\n# b\n",
    "setext": "# a\n\ntext\n\n# b\n===\n\n# c\n",
    "reference": "# a\n\n[used before][r]\n\n# b\n\n[r]: https://example.com\n",
    "footnote": "# a\n\nnote[^1]\n\n# b\n\n[^1]: the note?\n",
    "html": "# a\n\n<div>\n\n# inside\n\n</div>\n\n# b\n",
    "table": "# a\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n# b\n\n| p |\n|---|\n| q |\n",
}


def posts() -> dict[str, str]:
    real = {p.name: p.read_text(encoding="utf-8") for p in sorted((SHARED / "real-posts").glob("*.md"))}
    return {**OPEN_ACROSS_A_CUT, **real, "generated": markdown_post(40_000)}


@pytest.mark.parametrize("name", list(posts()))
@pytest.mark.parametrize("piece_lines", [1, 3, 40])
def test_a_post_parsed_in_pieces_has_the_blocks_of_the_whole(name, piece_lines, monkeypatch):
    lines = Lines(posts()[name])
    whole = parse(lines)
    monkeypatch.setattr(chunks, "PIECE_LINES", piece_lines)
    assert parse(lines) == whole


def test_pieces_really_cut_a_post(monkeypatch):
    monkeypatch.setattr(chunks, "PIECE_LINES", 3)
    lines = Lines(OPEN_ACROSS_A_CUT["fence"])
    starts = [start for start, _, _ in chunks.pieces(lines)]
    assert starts == [0, OPEN_ACROSS_A_CUT["fence"].split("\n").index("# b")]  # not before the `#` line inside the fence


def test_the_generated_markdown_post_imports_every_question_form(fresh_db):
    text = markdown_post(30_000)
    weeks = text.count("주차 학습 내용 정리\n")
    post, _ = parse_post(text, "markdown")
    # per week: Q1./A1., Q [캠퍼]님 :/A :, 질문 :/답 :, Q3. with a 더보기 fold, two Further Questions, ### Q2) …란?
    assert (post.number, len(post.questions)) == (4, 7 * weeks)
    # per week: the notes, three days, the peer session, the retrospective with Keep, Problem and Try
    assert len(post.sections) == 9 * weeks
    summary = store_post(fresh_db(), post)
    assert (summary.sections, summary.questions) == (9 * weeks, 7 * weeks)


@pytest.mark.parametrize("make, fmt, per_week", [(html_post, "tistory-html", None), (text_post, "text", 1)])
def test_the_generated_html_and_text_posts_import(make, fmt, per_week, fresh_db):
    post, _ = parse_post(make(30_000), fmt)
    assert post.number == 4 and post.questions
    if per_week:
        assert len(post.questions) == per_week * make(30_000).count("주차 피어세션")
    assert store_post(fresh_db(), post).questions == len(post.questions)


@pytest.mark.parametrize("text", ["", "a", "a\n", "\n\nb\n", "x\ny\nz", "가\n\n나다\n"])
@pytest.mark.parametrize("blank", [0, 1, 2])
def test_lines_read_as_the_split_text(text, blank):
    lines, split = Lines(text), text.split("\n")
    lines.blank(blank)
    split[:blank] = [""] * min(blank, len(split))
    assert list(lines) == split and len(lines) == len(split)
    for start in range(len(split) + 1):
        for end in range(start, len(split) + 2):
            assert lines.joined(start, end) == "\n".join(split[start:end])
    assert lines[1:3] == split[1:3] and lines[-1] == split[-1]
    assert lines.mention("a") == any("a" in line for line in split)


def test_reading_a_post_leaves_the_cycle_collector_as_it_found_it():
    import gc

    from studylog.blog.read.blocks import ReadError

    assert gc.isenabled()
    parse_post(markdown_post(5_000), "markdown")
    with pytest.raises(ReadError):
        parse_post("# [week4] 글\n\n```python\nnever closed\n", "markdown")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_post(markdown_post(5_000), "markdown")
        assert not gc.isenabled()
    finally:
        gc.enable()

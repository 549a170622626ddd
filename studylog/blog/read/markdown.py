"""Read a Markdown post: front matter first, then markdown-it-py's token tree, by studylog's markers
when export wrote it (structured.py), else by its shape (guessed.py)."""

from __future__ import annotations

from studylog.blog.post import Post
from studylog.blog.read.blocks import ReadError
from studylog.blog.read.front_matter import split_front_matter
from studylog.blog.read.guessed import read_guessed
from studylog.blog.post import TITLE
from studylog.blog.read.structured import is_structured, read_structured
from studylog.blog.read.tree import check_folds, parse
from studylog.blog.read.week_number import find_week


def _fence_closed(token, lines: list[str]) -> bool:
    last = lines[token.map[1] - 1].strip() if token.map[1] - 1 < len(lines) else ""
    return token.map[1] - token.map[0] >= 2 and last.startswith(token.markup) and set(last) == {token.markup[0]}


def read_markdown(text: str) -> tuple[Post, int]:
    """The post in Markdown text, and the line of its title (0 when it has none). Raises ReadError."""
    matter, text = split_front_matter(text)
    lines = text.split("\n")
    blocks = parse(text)
    for block in blocks:
        for token in block.tokens:
            if token.type == "fence" and not _fence_closed(token, lines):
                raise ReadError(token.map[0] + 1, f"the code block opened here is never closed; expected a closing {token.markup}")
    check_folds(blocks)
    if is_structured(blocks):
        return read_structured(blocks, lines)
    post, title_line = read_guessed(blocks, lines, matter)
    if match := TITLE.match(post.title):
        post.title = match["title"]
    first_line = next((line for line in lines if line.strip()), "")
    post.number = int(match["number"]) if match else find_week(matter.title, post.title, first_line)
    if matter.categories:
        post.course = matter.categories[0]
    post.end_date = post.end_date or matter.date
    return post, title_line or (2 if matter.title else 0)

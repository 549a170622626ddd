"""Read a Markdown post: front matter first, then markdown-it-py's token tree, by studylog's markers
when export wrote it (structured.py), else by its shape (guessed.py)."""

from __future__ import annotations

from studylog.blog.post import Post
from studylog.blog.read.front_matter import read_front_matter
from studylog.blog.read.guessed import read_guessed
from studylog.blog.read.lines import Lines
from studylog.blog.post import TITLE
from studylog.blog.read.structured import is_structured, read_structured
from studylog.blog.read.tree import parse
from studylog.blog.read.week_number import find_week


def read_markdown(text: str) -> tuple[Post, int]:
    """The post in Markdown text, and the line of its title (0 when it has none). Raises ReadError."""
    lines = Lines(text)
    matter = read_front_matter(lines)
    blocks = parse(lines)
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

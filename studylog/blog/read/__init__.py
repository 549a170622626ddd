"""Reading a post back: Markdown, HTML or the plain text of a copied page, into a Post."""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from pathlib import Path

from studylog.blog.post import Post
from studylog.blog.read.assemble import assemble
from studylog.blog.read.blocks import ReadError
from studylog.blog.read.html import read_html
from studylog.blog.read.markdown import read_markdown
from studylog.blog.read.plain import read_plain
from studylog.blog.read.week_number import find_week, week_dates_in, week_in
from studylog.errors import StudylogError
from studylog.store.text import nfc

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "tistory-html", ".htm": "tistory-html", ".txt": "text"}
HTML_BLOCK = re.compile(r"^\s*<(p|div|h[1-6]|pre|ul|ol|figure|table|html|body)\b", re.IGNORECASE | re.MULTILINE)
MARKDOWN_SIGNS = re.compile(r"^(#{1,6} |```|<details>|<!-- studylog:|---$|\+\+\+$|[-*] \S.*\n[-*] )", re.MULTILINE)
FIRST_LINES = 5  # a copied page's title sits among its first lines, after the blog's name and category
FIRST_CHARACTERS = 16_384  # where those lines are looked for: a 50 MB post is not split whole for them
MARKDOWN_HEADING = re.compile(r"^#{1,6} ", re.MULTILINE)
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: a backslash before ASCII punctuation


def detect_format(path: Path, text: str) -> str:
    """The post's format from its file name, else from its content: HTML blocks without Markdown
    headings are HTML, Markdown headings, fences or studylog markers Markdown, anything else text."""
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    if HTML_BLOCK.search(text) and not MARKDOWN_HEADING.search(text):
        return "tistory-html"
    return "markdown" if MARKDOWN_SIGNS.search(text) else "text"


@contextmanager
def _collector_paused():
    """The cycle collector off while a post is read: reading makes no cycles, and a long post's hundreds
    of thousands of blocks, each scanned by every full collection, made reading a quarter slower."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def parse_post(text: str, fmt: str) -> tuple[Post, int]:
    """The post in text (markdown, tistory-html or text) and the line of its title; raises ReadError.

    The text is read as NFC, as the journal stores it: a post saved on macOS has its Korean decomposed
    (NFD), and its week, ids and tags must compare equal to the stored ones.
    """
    with _collector_paused():
        return _parse(nfc(text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")), fmt)


def _parse(text: str, fmt: str) -> tuple[Post, int]:
    if fmt == "markdown":
        post, title_line = read_markdown(text)
    else:
        post, title_line = assemble({"tistory-html": read_html, "text": read_plain}[fmt](text))
    if post.number is None and fmt == "text":
        post.number = find_week(*[line for line in text[:FIRST_CHARACTERS].split("\n") if line.strip()][:FIRST_LINES])
    if post.start_date is None and (dates := next(filter(None, map(week_dates_in, _opening(post))), None)):
        post.start_date, post.end_date = dates  # `[AI BoostCamp 4주차 (23.03.27~23.03.31) 회고]`
    return post, title_line


def _opening(post: Post) -> list[str]:
    """Where a post names its week's days: the title, the first section's title and its first lines (as read,
    without the Markdown escapes a copied page's text was given: `23.03.27\\~23.03.31`)."""
    first = post.sections[0] if post.sections else None
    body = MARKDOWN_ESCAPE.sub(r"\1", first.body[:FIRST_CHARACTERS]) if first else ""
    lines = [line for line in body.split("\n") if line.strip()]
    return [post.title, first.title if first else "", *lines[:FIRST_LINES]]


def _read_text(path: Path) -> str:
    """The file's UTF-8 text (its bytes let go on return: a 50 MB post need not be held twice)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StudylogError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise StudylogError(f"{path}:{line}: expected UTF-8 text, found byte 0x{raw[exc.start]:02x}") from None


def read_post_file(path: Path, fmt: str = "auto", week_number: int | None = None) -> Post:
    """The post in the file; errors name the file and line."""
    text = _read_text(path)
    if not text.strip():
        raise StudylogError(f"{path}:1: expected a blog post, the file is empty")
    fmt = detect_format(path, text) if fmt == "auto" else fmt
    try:
        post, title_line = parse_post(text, fmt)
    except ReadError as exc:
        raise StudylogError(f"{path}:{exc.line}: {exc.message}") from None
    if week_number is not None:
        post.number = week_number
    if post.number is None:
        post.number = week_in(path.stem)
    if post.number is None:
        raise StudylogError(
            f"{path}:{title_line or 1}: found no week number in the title, front matter or file name"
            " (such as '[week4]', '4주차', 'Week 4', 'week4'); pass --week N"
        )
    return post

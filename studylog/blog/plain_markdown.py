"""Plain text as the Markdown that renders that text: every character a renderer would read as markup
escaped (`192*1*1*64`, `a_b`, `<tag>`, a leading `#`) but math and bare URLs kept, line breaks as backslash breaks, whitespace a
browser would swallow as references; fenced code kept as code. A line that reads as a list item
(`1. 목표`, `- 코테 3문제`) stays a Markdown list item: that is what the writer typed, and goals are
read from list items (journal.goal_items).

For the plain text of a copied page or HTML that import reads.
"""

from __future__ import annotations

import re

from studylog.blog import prose
from studylog.blog.code_fences import Code, as_fenced, split_code
from studylog.blog.guard import MATH

ALWAYS = frozenset("\\`*_[]<|~#$")  # inline syntax, GFM tables and strikethrough, ATX closing #s, math
AT_LINE_START = frozenset(">-+=")  # block quotes, list items, thematic breaks, setext underlines
ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")
URL_CHAR = r"[A-Za-z0-9\-._~:/?#@!$&'*+,;=%\[\]]"  # RFC 3986, without parentheses (kept only when balanced)
KEPT = re.compile(rf"(?P<math>{MATH})|(?P<url>https?://(?:{URL_CHAR}|\({URL_CHAR}*\))*(?:[A-Za-z0-9/#=_~\-]|\({URL_CHAR}*\)))")
LIST_ITEM = re.compile(r"^\s*(\d{1,9}[.)]|[-*+])[ \t]+(?=\S)")
# Runs that escaping leaves as they are: characters none of the rules below touches, anywhere in a line
# (not ALWAYS, AT_LINE_START, `.`, `)`, `&`, whitespace), and spaces between two of anything but whitespace.
KEPT_AS_IS = re.compile(r"(?:[^\s\\`*_\[\]<|~#$>\-+=.)&]|(?<=\S) (?=\S))+")


def _escape_inline(line: str, i: int, char: str) -> str:
    if char in ALWAYS:
        return "\\" + char
    return "\\&" if char == "&" and ENTITY.match(line, i) else char


def _starts_a_block(line: str) -> bool:
    """Whether the line's first character makes it a block: a quote (`>`), a list item (`- `, `+ `), a thematic
    break or setext underline (`---`, `===`); `->` or `-1` is text."""
    first, rest = line[0], line[1:]
    return first == ">" or (first in "-+" and (not rest or rest[0] in " \t")) or not line.strip(" \t" + first)


def _escape_char(line: str, i: int, char: str) -> str:
    if i == 0 and char in AT_LINE_START and _starts_a_block(line):
        return "\\" + char
    if char in ".)" and line[:i].isdigit() and (i + 1 == len(line) or line[i + 1].isspace()):
        return "\\" + char  # 1. would start an ordered list
    return _escape_inline(line, i, char)


def one_line(text: str) -> str:
    """Text for a one-line place (a title): line breaks as spaces, no spaces at the ends."""
    return " ".join(text.split("\n")).strip()


def escape_line(line: str) -> str:
    """One line of plain text as Markdown that renders as exactly that text."""
    return prose.escape_line(line, _escape_char, KEPT_AS_IS)


def escape_inline(text: str) -> str:
    """One line of plain text inside a block that cannot start another (a table cell) as Markdown showing it."""
    return prose.escape_line(text, _escape_inline, KEPT_AS_IS)


def _text_line(line: str) -> str:
    """A line of plain text as Markdown that shows it, its math (`$\\sqrt{d_k}$`) kept as typed and each bare URL
    as an autolink (`<https://…>`), so neither gains backslashes."""
    spans = [(m.start(), m.end(), m.lastgroup) for m in KEPT.finditer(line)]

    def escape_char(text: str, i: int, char: str) -> str:
        span = next((s for s in spans if s[0] <= i < s[1]), None)
        if span is None:
            return _escape_char(text, i, char)
        start, end, kind = span
        return ("<" if kind == "url" and i == start else "") + char + (">" if kind == "url" and i == end - 1 else "")

    urls = any(kind == "url" for _, _, kind in spans)  # a URL's first and last characters gain < and >
    return prose.escape_line(line, escape_char, None if urls else KEPT_AS_IS)


def _line(line: str) -> str:
    item = LIST_ITEM.match(line)
    return item[1] + " " + _text_line(line[item.end():]) if item else _text_line(line)


def _break(line: str, following: str) -> str:
    """What goes between two lines of a paragraph: a hard break, or what lets a list item start."""
    if not LIST_ITEM.match(following):
        return "\\\n"
    return "\n" if LIST_ITEM.match(line) else "\n\n"  # a list's first item may not interrupt a paragraph


def _joined(lines: list[str]) -> str:
    return "".join(line + (_break(line, lines[i + 1]) if i + 1 < len(lines) else "") for i, line in enumerate(lines))


def _prose(text: str) -> str:
    return "\n\n".join(_joined([_line(line) for line in lines]) for lines in prose.paragraphs(text))


def plain_to_markdown(text: str) -> str:
    """Plain text (fenced code kept as code) as Markdown that displays the same."""
    parts = [as_fenced(s.lang, s.content) if isinstance(s, Code) else _prose(s.text) for s in split_code(text)]
    return "\n\n".join(part for part in parts if part)

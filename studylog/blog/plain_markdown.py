"""Plain text as the Markdown that renders exactly that text: every character a renderer would read
as markup escaped (`192*1*1*64`, `a_b`, `<tag>`, a leading `#`, `1.` or `-`), line breaks as backslash
breaks, whitespace a browser would swallow as references; fenced code kept as code.

For text that was never Markdown: titles, the bodies of databases from before bodies were Markdown
(migration 0006), and the plain text of a copied page or HTML that import reads.
"""

from __future__ import annotations

import re

from studylog.blog import prose
from studylog.blog.code_fences import Code, as_fenced, split_code

ALWAYS = frozenset("\\`*_[]<|~#$")  # inline syntax, GFM tables and strikethrough, ATX closing #s, math
AT_LINE_START = frozenset(">-+=")  # block quotes, list items, thematic breaks, setext underlines
ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")


def _escape_char(line: str, i: int, char: str) -> str:
    if char in ALWAYS or (i == 0 and char in AT_LINE_START):
        return "\\" + char
    if char == "&" and ENTITY.match(line, i):
        return "\\&"
    if char in ".)" and line[:i].isdigit() and (i + 1 == len(line) or line[i + 1].isspace()):
        return "\\" + char  # 1. would start an ordered list
    return char


def escape_line(line: str) -> str:
    """One line of plain text as Markdown that renders as exactly that text."""
    return prose.escape_line(line, _escape_char)


def _prose(text: str) -> str:
    return "\n\n".join("\\\n".join(lines) for lines in prose.escaped_paragraphs(text, escape_line))


def plain_to_markdown(text: str) -> str:
    """Plain text (fenced code kept as code) as Markdown that displays the same."""
    parts = [as_fenced(s.lang, s.content) if isinstance(s, Code) else _prose(s.text) for s in split_code(text)]
    return "\n\n".join(part for part in parts if part)

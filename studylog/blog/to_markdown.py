"""Blocks as CommonMark: the user's characters escaped so that every renderer shows them as typed
(`192*1*1*64` stays `192*1*1*64`), folds as <details>, line breaks as backslash breaks.
"""

from __future__ import annotations

import re

from studylog.blog import prose
from studylog.blog.blocks import FOLD_LABEL, Block, Code, Fold, Heading, Items, Lead, Marker, Prose
from studylog.blog.code_fences import as_fenced
from studylog.blog.meta import marker

ALWAYS = frozenset("\\`*_[]<|~#")  # inline syntax, GFM tables and strikethrough, ATX closing #s
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
    """One line of the user's text as Markdown that renders as exactly that text."""
    return prose.escape_line(line, _escape_char)


def _prose(text: str, label: str = "") -> str:
    return "\n\n".join("\\\n".join(lines) for lines in prose.escaped_paragraphs(text, escape_line, label))


def _items(block: Items) -> str:
    lines = []
    for item in block.items:
        text = escape_line(item.text)
        url = item.url.replace("<", "%3C").replace(">", "%3E")
        lines.append(f"- [{text}](<{url}>)" if url else f"- {text}")
    return "\n".join(lines)


def _block(block: Block) -> str:
    match block:
        case Marker(name, data):
            return f"<!--{marker(name, data)}-->"
        case Heading(level, text):
            return "#" * level + " " + escape_line(text)
        case Lead(label, text):
            return _prose(text, label)
        case Prose(text):
            return _prose(text)
        case Code(lang, content):
            return as_fenced(lang, content)
        case Items():
            return _items(block)
        case Fold(blocks):
            inner = render(blocks).rstrip("\n")
            return f"<details>\n<summary>{FOLD_LABEL}</summary>\n\n{inner}\n\n</details>"
    raise TypeError(f"no Markdown for {block!r}")


def render(blocks) -> str:
    """The blocks as one Markdown document."""
    return "".join(text + "\n\n" for text in map(_block, blocks) if text).rstrip("\n") + "\n"

"""Blocks as CommonMark: the user's Markdown written through (already guarded by layout), titles and
list lines escaped as plain text, folds as <details>."""

from __future__ import annotations

import re

from studylog.blog.blocks import FOLD_LABEL, Block, Code, Fold, Heading, Items, Lead, Marker, Prose, Table
from studylog.blog.code_fences import as_fenced
from studylog.blog.guard import closed
from studylog.blog.meta import marker
from studylog.blog.plain_markdown import escape_inline, escape_line

# A first line that would stop being what it is with a label before it: a block of its own kind.
BLOCK_START = re.compile(r"^(?:[ \t]|[#>*+\-|<=_~`$\[!]|\d+[.)](?:[ \t]|$))")


def lead(label: str, text: str, one_line: bool = False) -> str:
    """The label joined to the text's first line when that line is plain paragraph text (always for an
    escaped one-line title), else on its own."""
    if text and (one_line or not BLOCK_START.match(text)):
        return f"{label} {text}"
    return f"{label}\n\n{text}" if text else label


def _items(block: Items) -> str:
    lines = []
    for number, item in enumerate(block.items, 1):
        text = escape_line(item.text)
        url = item.url.replace("<", "%3C").replace(">", "%3E")
        bullet = f"{number}." if block.numbered else "-"
        lines.append(f"{bullet} [{text}](<{url}>)" if url else f"{bullet} {text}")
    return "\n".join(lines)


def _table(block: Table) -> str:
    """A GFM table; `|` in a cell is escaped, so a cell never splits."""
    def row(cells) -> str:
        return "| " + " | ".join(escape_inline(cell) for cell in cells) + " |"
    return "\n".join([row(block.header), "|" + " --- |" * len(block.header), *map(row, block.rows)])


def _block(block: Block) -> str:
    match block:
        case Marker(name, data, source):
            # a text whose code fence export had to close (guard.closed) goes in the marker as typed
            typed = {key: text for key, text in (source or {}).items() if closed(text) != text}
            return f"<!--{marker(name, (data or {}) | {'typed': typed} if typed else data)}-->"
        case Heading(level, text):
            return "#" * level + " " + escape_line(text)
        case Lead(label, text, one_line):
            return lead(label, text, one_line)
        case Prose(text):
            return text
        case Code(lang, content):
            return as_fenced(lang, content)
        case Items():
            return _items(block)
        case Table():
            return _table(block)
        case Fold(blocks):
            inner = render(blocks).rstrip("\n")
            return f"<details>\n<summary>{FOLD_LABEL}</summary>\n\n{inner}\n\n</details>"
    raise TypeError(f"no Markdown for {block!r}")


def render(blocks) -> str:
    """The blocks as one Markdown document."""
    return "".join(text + "\n\n" for text in map(_block, blocks) if text).rstrip("\n") + "\n"

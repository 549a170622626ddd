"""The text of HTML as a browser shows it, with character references kept as written.

studylog writes the whitespace it keeps as references (`&nbsp;`, `&#9;`, `&#160;`), so a reference's
character is taken as written and never collapsed: a typed tab or no-break space comes back as
typed. `&nbsp;` by name is how blog editors write a typed space, so it reads as a space.
"""

from __future__ import annotations

import re
from html import unescape

BREAK = object()  # a <br> among the text pieces
REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")  # as html.unescape finds them
COLLAPSIBLE = re.compile(r"([ \t\n\r\f]+)")


class Referenced(str):
    """Text that a character reference wrote: shown as it is, its whitespace never collapsed."""


def decoded(source: str) -> list[str]:
    """HTML text as pieces: the text between character references as written, each reference's text
    as a Referenced piece (`&nbsp;` as a space)."""
    pieces, last = [], 0
    for match in REFERENCE.finditer(source):
        text = unescape(match[0])
        if text != match[0]:
            text = text.replace("\u00a0", " ") if match[1].startswith("nbsp") else text
            pieces += [source[last : match.start()], Referenced(text)]
            last = match.end()
    return [piece for piece in (*pieces, source[last:]) if piece]


def visible_text(pieces: list) -> str:
    """Pieces of text, Referenced pieces and BREAKs as a browser shows them: runs of whitespace in the
    text as one space, none at a line's ends; Referenced pieces as they are."""
    lines, line, space = [], "", False
    for piece in pieces:
        if piece is BREAK:
            lines.append(line)
            line, space = "", False
            continue
        parts = [piece] if isinstance(piece, Referenced) else COLLAPSIBLE.split(piece)
        for i, part in enumerate(parts):
            if i % 2:  # a run of whitespace (split keeps them at odd places)
                space = space or bool(line)
            elif part:
                line += " " * space + part
                space = False
    lines.append(line)
    return "\n".join(lines).rstrip("\n") if any(pieces) else ""

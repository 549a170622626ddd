"""Folds around blocks: a camper's daily fold (`<details><summary>Day04</summary><div markdown="1">` …
`</div></details>`, often closed indented inside a list item) is one piece of a section's body. Its
closing tags belong to it, not to the last question's answer or heading's text inside it, and a heading
inside it starts no section (the fold would be split between two bodies, and no export of them reads back).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from studylog.blog.read.tree import Node

WRAPPING = re.compile(r"<(/?)(details|div)\b", re.IGNORECASE)  # a fold and the <div> that wraps its body


def _wrapping_tags(nodes: Iterable[Node]) -> Iterator[tuple[str, bool, int]]:
    """(name, closing, 0-based source line) of each `<details>`/`<div>` tag in the nodes' HTML blocks, in order."""
    for node in nodes:
        if node.type == "html_block":
            for match in WRAPPING.finditer(node.content):
                yield match[2].lower(), bool(match[1]), node.start + node.content.count("\n", 0, match.start())
        yield from _wrapping_tags(node.children)


def outer_closing(nodes: Iterable[Node]) -> int | None:
    """The 0-based source line of the first `</details>` or `</div>` among the nodes (and the blocks inside
    them) that closes one they did not open, else None."""
    opened: list[str] = []
    for name, closing, line in _wrapping_tags(nodes):
        if not closing:
            opened.append(name)
        elif name in opened:
            del opened[len(opened) - 1 - opened[::-1].index(name):]  # it closes what it opened, and what was left open inside
        else:
            return line
    return None


def ending_at_outer_closing(nodes: list[Node], end: int) -> int:
    """The line a part made of these nodes ends on: end, or the line of an outer fold's closing tag before it."""
    line = outer_closing(nodes)
    return end if line is None else min(end, line)


def wrapped(nodes: list[Node]) -> list[bool]:
    """For each node, whether it starts inside a `<details>` or `<div>` opened before its first line and closed
    on or after it (a tag never closed wraps nothing: a stray `<div>` does not swallow the rest of a post)."""
    changes: list[tuple[int, int]] = []  # (line, +1 opened / -1 closed) of the tags that pair up
    opened: list[tuple[str, int]] = []
    for name, closing, line in _wrapping_tags(nodes):
        if not closing:
            opened.append((name, line))
        elif any(open_name == name for open_name, _ in opened):
            while opened:  # it closes what it opened, and what was left open inside it
                open_name, at = opened.pop()
                changes += [(at, 1), (line, -1)]
                if open_name == name:
                    break
    changes.sort()
    out, depth, k = [], 0, 0
    for node in nodes:
        while k < len(changes) and changes[k][0] < node.start:
            depth, k = depth + changes[k][1], k + 1
        out.append(depth > 0)
    return out

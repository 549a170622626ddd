"""Where a run of blocks reaches the end of the fold around it: a camper's daily fold
(`<details><summary>Day04</summary><div markdown="1">` … `</div></details>`, often indented inside a
list item) closes with HTML blocks that belong to that fold, not to the last question's answer or
heading's text inside it. A part read from these blocks ends on the line of the first such closing tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from studylog.blog.read.tree import Node

WRAPPING = re.compile(r"<(/?)(details|div)\b", re.IGNORECASE)  # a fold and the <div> that wraps its body


def _html_blocks(nodes: Iterable[Node]) -> Iterable[Node]:
    for node in nodes:
        if node.type == "html_block":
            yield node
        yield from _html_blocks(node.children)


def outer_closing(nodes: Iterable[Node]) -> int | None:
    """The 0-based source line of the first `</details>` or `</div>` among the nodes (and the blocks inside
    them) that closes one they did not open, else None."""
    opened: list[str] = []
    for block in _html_blocks(nodes):
        for match in WRAPPING.finditer(block.content):
            name = match[2].lower()
            if not match[1]:
                opened.append(name)
            elif name in opened:
                del opened[len(opened) - 1 - opened[::-1].index(name):]  # it closes what it opened, and what was left open inside
            else:
                return block.start + block.content.count("\n", 0, match.start())
    return None


def ending_at_outer_closing(nodes: list[Node], end: int) -> int:
    """The line a part made of these nodes ends on: end, or the line of an outer fold's closing tag before it."""
    line = outer_closing(nodes)
    return end if line is None else min(end, line)

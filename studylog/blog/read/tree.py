"""A Markdown post as markdown-it-py sees it: top-level blocks with their source lines, and the
visible text of inline tokens. Readers slice the source by these line maps, so a section keeps the
Markdown as typed rather than text re-assembled from tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from studylog.blog.markdown_html import parser
from studylog.blog.read.blocks import ReadError

BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
DETAILS = re.compile(r"<(/?)details\b", re.IGNORECASE)


@dataclass(frozen=True)
class Node:
    """A top-level block: its tokens (open to close), first line and the line after it (0-based)."""

    tokens: tuple[Token, ...]
    start: int
    end: int

    @property
    def type(self) -> str:
        return self.tokens[0].type.removesuffix("_open")

    @property
    def text(self) -> str:
        """The visible text of the block's first inline token (a heading's or paragraph's)."""
        return next((inline_text(t) for t in self.tokens if t.type == "inline"), "")


def nodes(tokens: list[Token], level: int = 0) -> list[Node]:
    """The blocks at `level` of a token list (0: the document's own blocks)."""
    out: list[Node] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.level != level or token.type.endswith("_close") or token.map is None:
            i += 1
            continue
        j = i
        if token.nesting == 1:
            depth = 0
            while True:
                depth += tokens[j].nesting
                if depth == 0:
                    break
                j += 1
        out.append(Node(tuple(tokens[i : j + 1]), token.map[0], token.map[1]))
        i = j + 1
    return out


def children(node: Node) -> list[Node]:
    """The blocks directly inside a container block (list item, blockquote, list)."""
    inner = list(node.tokens[1:-1])
    return nodes(inner, node.tokens[0].level + 1) if inner else []


def parse(text: str) -> list[Node]:
    """The document's top-level blocks."""
    return nodes(parser().parse(text))


def inline_text(token: Token, *, urls: bool = True) -> str:
    """What a reader sees of an inline token: text, code spans with their backticks, math with its
    dollars, a link's text followed by its URL in parentheses when they differ (unless not urls), line
    breaks as newlines; `&nbsp;` as a space, as blog editors write a typed space."""
    out: list[str] = []
    links: list[tuple[str, int]] = []
    for child in token.children or []:
        if child.type in ("text", "text_special"):
            out.append(" " if child.markup == "&nbsp;" else child.content)
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and BR_TAG.fullmatch(child.content)):
            out.append("\n")
        elif child.type == "code_inline":
            out.append(f"{child.markup}{child.content}{child.markup}")
        elif child.type.startswith("math_inline"):
            out.append(f"{child.markup}{child.content}{child.markup}")
        elif child.type == "image":
            out.append(child.content)
        elif child.type == "link_open":
            links.append((str(child.attrs.get("href", "")), len(out)))
        elif child.type == "link_close" and links:
            href, start = links.pop()
            if urls and href and "".join(out[start:]) != href:
                out.append(f" ({href})")
    return "".join(out)


def source(lines: list[str], start: int, end: int) -> str:
    """Lines start..end (0-based, end excluded) without blank lines at either end."""
    return "\n".join(lines[start:end]).strip("\n")


def first_link(token: Token) -> str:
    """The URL of the inline token's first link, '' without one."""
    return next((str(c.attrs.get("href", "")) for c in token.children or [] if c.type == "link_open"), "")


def check_folds(blocks: list[Node]) -> None:
    """Folds (<details>) anywhere, indented or inside list items, must close, and close only what
    opened; raises ReadError naming the line."""
    opened: list[int] = []
    for block in blocks:
        for token in block.tokens:
            if token.type != "html_block":
                continue
            for match in DETAILS.finditer(token.content):
                if match[1] and not opened:
                    raise ReadError(token.map[0] + 1, "this closes a fold (더보기) that was never opened")
                opened = opened[:-1] if match[1] else opened + [token.map[0] + 1]
    if opened:
        raise ReadError(opened[-1], "the fold (더보기) opened here is never closed; expected </details>")

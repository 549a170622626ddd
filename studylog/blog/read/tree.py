"""A Markdown post as markdown-it-py sees it: its blocks with their source lines, the visible text of
their first inline token, and the blocks inside lists and quotes. Readers slice the source by these
line maps, so a section keeps the Markdown as typed rather than text re-assembled from tokens.

The tokens are turned into these light nodes a piece at a time (chunks.py) and let go: a 50 MB post's
tokens would take over a gigabyte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it.token import Token

from studylog.blog.read.blocks import ReadError
from studylog.blog.read.chunks import groups, pieces
from studylog.blog.read.lines import Lines

BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
DETAILS = re.compile(r"<(/?)details\b", re.IGNORECASE)
CONTAINERS = frozenset({"bullet_list", "ordered_list", "list_item", "blockquote"})


@dataclass(frozen=True, slots=True)
class Node:
    """A block: its type (`paragraph`, `heading`, `html_block`, ...), tag (`h2`), first line and the line
    after it (0-based), the visible text of its first inline token (a heading's, a paragraph's, a list's
    first item's), the source of an HTML block, and the blocks directly inside a list, item or quote.
    A list item also has its text without URLs (`plain`, None when it holds no text) and its first link."""

    type: str
    tag: str
    start: int
    end: int
    text: str = ""
    content: str = ""
    children: tuple[Node, ...] = ()
    plain: str | None = None
    link: str = ""


class _Reader:
    """Turns one piece's tokens into nodes; checks code blocks close and collects HTML blocks for the folds."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.html: list[tuple[int, str]] = []  # (1-based line, source) of every HTML block, in order
        self.texts: dict[int, str] = {}  # visible text by inline token: a list, its item and paragraph share it
        self.kinds: dict[str, str] = {}

    def node(self, tokens: list[Token], i: int, j: int, offset: int) -> Node:
        token = tokens[i]
        kind = self.kinds.setdefault(token.type, token.type.removesuffix("_open"))  # one string per kind, not per node
        inner: tuple[Node, ...] = ()
        if kind in CONTAINERS:
            inner = tuple(self.node(tokens, a, b, offset) for a, b in groups(tokens, i + 1, j, token.level + 1))
        else:
            for k in range(i, j + 1):
                self.see(tokens[k], offset)
        inline = next((tokens[k] for k in range(i, j + 1) if tokens[k].type == "inline"), None)
        if inline is not None and id(inline) not in self.texts:
            self.texts[id(inline)] = inline_text(inline)
        item = kind == "list_item" and inline is not None
        return Node(
            kind, token.tag, token.map[0] + offset, token.map[1] + offset, self.texts[id(inline)] if inline else "",
            token.content if kind == "html_block" else "", inner,
            inline_text(inline, urls=False) if item else None, first_link(inline) if item else "",
        )

    def see(self, token: Token, offset: int) -> None:
        """Note an HTML block; refuse a code block that never closes."""
        if token.type == "html_block":
            self.html.append((token.map[0] + offset + 1, token.content))
        elif token.type == "fence":
            first, end = token.map[0] + offset, token.map[1] + offset
            last = self.lines[end - 1].strip() if end - 1 < len(self.lines) else ""
            if not (end - first >= 2 and last.startswith(token.markup) and set(last) == {token.markup[0]}):
                raise ReadError(first + 1, f"the code block opened here is never closed; expected a closing {token.markup}")


def parse(lines: Lines) -> list[Node]:
    """The document's top-level blocks. Raises ReadError naming the line of a code block or a fold
    (<details>, anywhere, indented or inside list items) that never closes, or a fold closed unopened."""
    reader, out = _Reader(lines), []
    for offset, tokens, blocks in pieces(lines):
        out += [reader.node(tokens, i, j, offset) for i, j in blocks]
        reader.texts.clear()
    check_folds(reader.html)
    return out


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


def source(lines: Lines, start: int, end: int) -> str:
    """Lines start..end (0-based, end excluded) without blank lines at either end."""
    return lines.joined(start, end).strip("\n")


def first_link(token: Token) -> str:
    """The URL of the inline token's first link, '' without one."""
    return next((str(c.attrs.get("href", "")) for c in token.children or [] if c.type == "link_open"), "")


def check_folds(html: list[tuple[int, str]]) -> None:
    """Folds (<details>) in the HTML blocks ((line, source), in order) must close, and close only what
    opened; raises ReadError naming the line."""
    opened: list[int] = []
    for line, content in html:
        for match in DETAILS.finditer(content):
            if match[1] and not opened:
                raise ReadError(line, "this closes a fold (더보기) that was never opened")
            if match[1]:
                opened.pop()
            else:
                opened.append(line)
    if opened:
        raise ReadError(opened[-1], "the fold (더보기) opened here is never closed; expected </details>")

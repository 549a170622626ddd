"""A long Markdown post parsed a piece at a time, so that markdown-it-py's tokens (about 25 times the size
of the text) are held for one piece, never for the whole post.

A post is cut only before a `#` heading that follows a blank line, and only where parsing the piece
with that heading line shows the heading at the top level (every list, quote, fence and HTML block
before it has closed) and every `$$` line in it inside a math or code block (a `$$` block with no
closing line in the piece might find one after the cut). Then the piece parses as it does inside the
whole post. A post that may define link references or footnotes (`]:`, `^[`) is parsed whole: a
definition reaches back to uses before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from studylog.blog.markdown_html import parser
from studylog.blog.read.lines import Lines

PIECE_LINES = 5_000  # some 0.5 MB of Markdown: its tokens take about 15 MB
TRIES = 4  # headings tried as the cut before the rest is parsed whole (a long fence can hide many)
HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
MATH_LINE = re.compile(r"(?:\s*(?:>|[-*+]|\d{1,9}[.)])(?=\s|$))*\s*\$\$")  # after quote and list markers
VERBATIM = frozenset({"math_block", "math_block_label", "fence", "code_block", "html_block"})
DEFINES = ("]:", "^[")


def groups(tokens: list[Token], lo: int, hi: int, level: int) -> Iterator[tuple[int, int]]:
    """(first, last) token indexes of each block at `level` among tokens[lo:hi]: an opening token with
    its closing one, or a single token. Tokens without a source map (a footnote list) are left out."""
    i = lo
    while i < hi:
        token = tokens[i]
        if token.level != level or token.nesting == -1 or token.map is None:
            i += 1
            continue
        j, depth = i, token.nesting
        while depth > 0:
            j += 1
            depth += tokens[j].nesting
        yield i, j
        i = j + 1


def _cut(lines: Lines, first: int) -> int:
    """The first line from first on that may begin a top-level heading; len(lines) if none."""
    for k in range(max(first, 1), len(lines)):
        if not lines[k - 1].strip() and HEADING.match(lines[k]):
            return k
    return len(lines)


def _cut_holds(tokens: list[Token], blocks: list[tuple[int, int]], lines: Lines, start: int, stop: int) -> bool:
    """Whether lines[start:stop] parse alike alone and in the whole post (see the module's docstring)."""
    last = tokens[blocks[-1][0]] if blocks else None
    if last is None or last.type != "heading_open" or last.map[0] != stop - start:
        return False
    if "$$" not in lines.joined(start, stop):
        return True
    verbatim = {k for t in tokens if t.type in VERBATIM and t.map for k in range(*t.map)}
    return not any("$$" in lines[k] and MATH_LINE.match(lines[k]) and k - start not in verbatim for k in range(start, stop))


def _piece(md: MarkdownIt, lines: Lines, start: int, whole: bool) -> tuple[int, list[Token], list[tuple[int, int]]]:
    """(the line after the piece that starts at start, its tokens, its top-level blocks)."""
    at = start + PIECE_LINES
    for _ in range(0 if whole else TRIES):
        stop = _cut(lines, at)
        if stop == len(lines):
            break
        tokens = md.parse(lines.joined(start, stop + 1))
        blocks = list(groups(tokens, 0, len(tokens), 0))
        if _cut_holds(tokens, blocks, lines, start, stop):
            return stop, tokens, blocks[:-1]  # the heading starts the next piece
        at = stop + 1
    tokens = md.parse(lines.joined(start, len(lines)))
    return len(lines), tokens, list(groups(tokens, 0, len(tokens), 0))


def pieces(lines: Lines) -> Iterator[tuple[int, list[Token], list[tuple[int, int]]]]:
    """(first line of the piece, its tokens, its top-level blocks) for each piece of the post, in order;
    the tokens' source maps count from the piece's first line."""
    md, start = parser(), 0
    whole = any(lines.mention(mark) for mark in DEFINES)
    while start < len(lines):
        stop, tokens, blocks = _piece(md, lines, start, whole)
        yield start, tokens, blocks
        start = stop

"""Read Markdown (what `export` writes, or a hand-written post) into blocks, with markdown-it-py:
text as the rendered post shows it, HTML parts (<details> folds, marker comments) through HtmlReader."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from studylog.blog.read.blocks import CodeBlock, Heading, InBlock, ListBlock, ListItem, Paragraph, ReadError
from studylog.blog.read.html import HtmlReader

BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough; entities stay tokens of their own (no text_join),
    so that `&nbsp;` can be told from `&#160;`."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def inline_text(token: Token, *, urls_inline: bool = True) -> tuple[str, str]:
    """(text, first link's URL) of an inline token; with urls_inline a link reads `text (url)`."""
    out: list[str] = []
    first_url = ""
    link_start: list[tuple[str, int]] = []
    for child in token.children or []:
        if child.type == "text_special" and child.info == "entity" and child.markup == "&nbsp;":
            out.append(" ")  # how blog editors write a typed space; `&#160;` stays a no-break space
        elif child.type in ("text", "text_special"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (child.type == "html_inline" and BR_TAG.fullmatch(child.content)):
            out.append("\n")
        elif child.type == "code_inline":
            out.append(f"{child.markup}{child.content}{child.markup}")
        elif child.type == "image":
            out.append(child.content)
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            first_url = first_url or href
            link_start.append((href, len(out)))
        elif child.type == "link_close" and link_start:
            href, start = link_start.pop()
            if urls_inline and href and "".join(out[start:]) != href:
                out.append(f" ({href})")
    return "".join(out), first_url


def _fence_closed(token: Token, lines: list[str]) -> bool:
    last = lines[token.map[1] - 1].strip() if token.map[1] - 1 < len(lines) else ""
    return token.map[1] - token.map[0] >= 2 and last.startswith(token.markup) and set(last) == {token.markup[0]}


def _list(tokens: list[Token], i: int) -> tuple[ListBlock, int]:
    """The list that opens at tokens[i], and the index after it."""
    items: list[ListItem] = []
    depth = 0
    line = tokens[i].map[0] + 1
    while True:
        token = tokens[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                return ListBlock(line, tuple(items)), i + 1
        elif token.type == "list_item_open":
            items.append(ListItem("  " * (depth - 1)))
        elif token.type == "inline" and items:
            text, url = inline_text(token, urls_inline=False)
            previous = items[-1]
            joined = previous.text + ("\n" if previous.text.strip() else "") + text
            items[-1] = ListItem(joined, previous.url or url)
        elif token.type in ("fence", "code_block") and items:
            items[-1] = ListItem(items[-1].text + "\n" + token.content.rstrip("\n"), items[-1].url)
        i += 1


def _table(tokens: list[Token], i: int) -> tuple[Paragraph, int]:
    """The table that opens at tokens[i] as lines of cells joined by ' | ', and the index after it."""
    line = tokens[i].map[0] + 1
    rows: list[list[str]] = []
    while tokens[i].type != "table_close":
        if tokens[i].type == "tr_open":
            rows.append([])
        elif tokens[i].type == "inline":
            rows[-1].append(inline_text(tokens[i])[0])
        i += 1
    return Paragraph(line, "\n".join(" | ".join(row) for row in rows)), i + 1


def read_markdown(text: str) -> list[InBlock]:
    """The blocks of a Markdown post."""
    lines = text.split("\n")
    tokens = _parser().parse(text)
    html = HtmlReader()
    blocks: list[InBlock] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        line = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            blocks.append(Heading(line, int(token.tag[1]), inline_text(tokens[i + 1])[0]))
        elif token.type == "paragraph_open":
            blocks.append(Paragraph(line, inline_text(tokens[i + 1])[0]))
        elif token.type == "fence":
            if not _fence_closed(token, lines):
                raise ReadError(line, f"the code block opened here is never closed; expected a closing {token.markup}")
            blocks.append(CodeBlock(line, (token.info.split() or [""])[0], token.content.removesuffix("\n")))
        elif token.type == "code_block":
            blocks.append(CodeBlock(line, "", token.content.removesuffix("\n")))
        elif token.type == "html_block":
            html.feed_fragment(token.content, line)
            blocks += html.blocks
            html.blocks = []
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            block, i = _list(tokens, i)
            blocks.append(block)
            continue
        elif token.type == "table_open":
            block, i = _table(tokens, i)
            blocks.append(block)
            continue
        i += 1
    return blocks

"""What a browser shows of an HTML post, as text: the yardstick for "never lose a character".

Whitespace collapses the way browsers collapse it (runs of ASCII whitespace to one space, none at
line starts and ends); `<br>` is a line break; blocks are separated by a blank line; a code block
reads ```lang / content / ```. A no-break space reads as a space. Comments are not shown. Also what
the user's text should display as, and what import should give back of it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt

BLOCKS = {"p", "div", "li", "ul", "ol", "details", "summary", "blockquote", "table", "tr", "td", "th",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr"}
BR = object()


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list] = [[]]
        self.code: dict | None = None

    def boundary(self) -> None:
        if self.blocks[-1]:
            self.blocks.append([])

    def handle_starttag(self, tag, attrs):
        if self.code is not None:
            classes = (dict(attrs).get("class") or "").split()
            self.code["lang"] = next((c[len("language-"):] for c in classes if c.startswith("language-")), "")
        elif tag == "br":
            self.blocks[-1].append(BR)
        elif tag == "pre":
            self.boundary()
            self.code = {"lang": "", "text": []}
        elif tag in BLOCKS:
            self.boundary()

    def handle_endtag(self, tag):
        if tag == "pre" and self.code is not None:
            content = "".join(self.code["text"]).removesuffix("\n")
            self.blocks[-1].append(f"```{self.code['lang']}\n{content}\n```")
            self.code = None
            self.boundary()
        elif tag in BLOCKS and self.code is None:
            self.boundary()

    def handle_data(self, data):
        if self.code is not None:
            self.code["text"].append(data)
        else:
            self.blocks[-1].append(data)


def _block_text(pieces: list) -> str | None:
    if len(pieces) == 1 and isinstance(pieces[0], str) and pieces[0].startswith("```"):
        return pieces[0]
    joined = "".join("\n" if p is BR else p.replace("\n", " ") for p in pieces)
    lines = [re.sub(r"[ \t\r\f]+", " ", line).strip(" ") for line in joined.split("\n")]
    text = "\n".join(lines).replace("\u00a0", " ")
    return text if text or BR in pieces else None


def visible_text(html: str) -> str:
    """The text a browser displays for html."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "\n\n".join(t for t in map(_block_text, parser.blocks) if t is not None)


COMMONMARK = MarkdownIt("commonmark")
GFM_LIKE = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def visible_markdown(markdown: str, renderer: MarkdownIt = COMMONMARK) -> str:
    """The text a browser displays for the Markdown, rendered by a CommonMark renderer."""
    return visible_text(renderer.render(markdown))


def _parts(text: str) -> list[tuple[bool, str]]:
    """The user's text as (is code, part): each prose part without the blank lines at its ends, each
    fenced code block as ```lang / content / ``` whatever its fence. Written independently of the
    exporter: a fence is a line of three or more backticks at the line start, closed by the same."""
    parts, lines, i = [], text.split("\n"), 0
    prose: list[str] = []
    while i < len(lines):
        m = re.match(r"^(`{3,})([^`\s]*)\s*$", lines[i])
        close = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip(" \t") == m[1]), None) if m else None
        if m and close is not None:
            parts += [(False, "\n".join(prose).strip("\n")), (True, f"```{m[2]}\n" + "\n".join(lines[i + 1 : close]) + "\n```")]
            prose, i = [], close + 1
        else:
            prose.append(lines[i])
            i += 1
    parts.append((False, "\n".join(prose).strip("\n")))
    return [(code, part) for code, part in parts if part]


def kept_text(text: str) -> str:
    """What import gives back of the user's text: every character, but not the blank lines at the ends
    of a prose part, and code fences as ```."""
    return "\n\n".join(part for _, part in _parts(text))


def as_shown(prose: str) -> str:
    """Prose as a browser shows it: a no-break space as a space, a run of tabs (whitespace a browser
    collapses) as one space and none at a line's ends."""
    return "\n".join(re.sub(r"\t+", " ", line.strip("\t")) for line in prose.split("\n")).replace("\u00a0", " ")


def expected_visible(text: str) -> str:
    """What the user's stored text should display as: each prose part as typed (as_shown), each fenced
    code block as ```lang / content / ```, parts a blank line apart."""
    return "\n\n".join(part if code else as_shown(part) for code, part in _parts(text))


def has_tabs_only_paragraph(text: str) -> bool:
    """Whether a prose paragraph of the text holds nothing but tabs, which a browser does not show at all."""
    paragraphs = (p for code, part in _parts(text) if not code for p in re.split(r"\n\n+", part))
    return any(not p.strip("\n\t") for p in paragraphs)


def shows(document: str, text: str) -> bool:
    """Whether the visible document holds text as whole blocks."""
    return f"\n\n{text}\n\n" in f"\n\n{document}\n\n"


class _Tables(HTMLParser):
    """Every <table> as rows of cell text, and every <ol>'s items as (text, href of its link)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.numbered: list[list[tuple[str, str]]] = []
        self.cell: list[str] | None = None
        self.item: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "ol":
            self.numbered.append([])
        elif tag == "li" and self.numbered:
            self.item = [[], ""]
        elif tag == "a" and self.item is not None:
            self.item[1] = dict(attrs).get("href") or ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "li" and self.item is not None:
            self.numbered[-1].append((re.sub(r"\s+", " ", "".join(self.item[0])).strip(), self.item[1]))
            self.item = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        if self.item is not None:
            self.item[0].append(data)


def tables_and_numbered_lists(html: str) -> tuple[list[list[list[str]]], list[list[tuple[str, str]]]]:
    """The tables a browser shows (rows of cell text, header row first) and the numbered lists ((text, link))."""
    parser = _Tables()
    parser.feed(html)
    parser.close()
    return parser.tables, parser.numbered

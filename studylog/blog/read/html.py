"""Read HTML (Tistory's editor, what `export --format tistory-html` writes, or HTML inside Markdown)
into blocks. Whitespace collapses as a browser collapses it; `<br>` is a line break; character
references are kept as written (see html_text).
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from studylog.blog.meta import read_marker
from studylog.blog.read.blocks import (
    CodeBlock, FoldEnd, FoldStart, Heading, InBlock, ListBlock, ListItem, Marker, Paragraph, ReadError,
)
from studylog.blog.read.html_text import BREAK, decoded, visible_text

HIDDEN = {"script", "style", "head", "title", "summary"}
BLOCKS = {"p", "div", "li", "ul", "ol", "details", "blockquote", "tr", "td", "th", "table", "hr", "figure", "section"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}


class HtmlReader(HTMLParser):
    """Feed it HTML (whole, or fragment by fragment with their first lines); `blocks` collects the result."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[InBlock] = []
        self.line_offset = 0
        self._pieces: list = []
        self._piece_line = 1
        self._hidden: list[str] = []  # a hidden element (the fold's label, scripts) and its nested namesakes
        self._divs: list[bool] = []  # per open <div>: is it a moreLess fold
        self._heading: int | None = None
        self._pre: dict | None = None
        self._items: list[ListItem] | None = None
        self._list_depth = 0
        self._list_line = 0
        self._link: tuple[str, int] | None = None  # href and where its text starts in _pieces
        self._item_url = ""

    def feed_fragment(self, html: str, first_line: int) -> None:
        """Read one piece of HTML that starts on first_line of the document.

        The parser decodes character references; fed every `&` as `&amp;`, it hands over the source
        text instead (data, attribute values and comments), which `decoded` reads.
        """
        self.reset()
        self.line_offset = first_line - 1
        self.feed(html.replace("&", "&amp;"))
        self.close()
        self.flush()

    def _line(self) -> int:
        return self.getpos()[0] + self.line_offset

    def flush(self) -> None:
        """End the running text: a heading, a list item or a paragraph."""
        text, self._pieces = visible_text(self._pieces), []
        if not text:
            return
        if self._heading is not None:
            self.blocks.append(Heading(self._piece_line, self._heading, text))
        elif self._items is not None:
            self._items.append(ListItem(("  " * (self._list_depth - 1)) + text, self._item_url))
        else:
            self.blocks.append(Paragraph(self._piece_line, text))

    def handle_starttag(self, tag, attrs):
        attributes = {name: unescape(value) if value else value for name, value in attrs}
        classes = (attributes.get("class") or "").split()
        if self._hidden:
            self._hidden += [tag] if tag == self._hidden[-1] else []
            return
        if tag in HIDDEN or (tag == "a" and "btn-toggle-moreless" in classes):
            self._hidden.append(tag)
            return
        if self._pre is not None:
            self._pre["fresh"] = False
            lang = next((c.removeprefix("language-") for c in classes if c.startswith("language-")), "")
            self._pre["lang"] = self._pre["lang"] or lang
            return
        if tag == "br":
            self._pieces.append(BREAK)
            return
        if tag == "img" and attributes.get("src"):  # an image's address stays as text, as a link's does
            if not self._pieces:
                self._piece_line = self._line()
            self._pieces.append(f" {attributes.get('alt') or ''} ({attributes['src']})")
            return
        if tag == "a":
            self._link = (attributes.get("href") or "", len(self._pieces))
            self._item_url = self._item_url or self._link[0]
            return
        if tag in BLOCKS or tag in HEADINGS or tag == "pre":
            self.flush()
        if tag in HEADINGS:
            self._heading = HEADINGS[tag]
        elif tag == "pre":
            lang = attributes.get("data-ke-language") or (classes[0] if classes else "")
            self._pre = {"line": self._line(), "lang": lang, "text": [], "fresh": True}
        elif tag == "details" or (tag == "div" and attributes.get("data-ke-type") == "moreLess"):
            self.blocks.append(FoldStart(self._line()))
        elif tag in ("ul", "ol"):
            self._list_depth += 1
            if self._items is None:
                self._items, self._list_line = [], self._line()
        elif tag == "li":
            self._item_url = ""
        if tag == "div":
            self._divs.append(attributes.get("data-ke-type") == "moreLess")

    def handle_endtag(self, tag):
        if self._hidden:
            if tag == self._hidden[-1]:
                self._hidden.pop()
            return
        if tag == "pre" and self._pre is not None:
            text = "".join(self._pre["text"])
            self.blocks.append(CodeBlock(self._pre["line"], self._pre["lang"], text.removesuffix("\n")))
            self._pre = None
        elif self._pre is not None:
            return
        if tag in BLOCKS or tag in HEADINGS:
            self.flush()
        if tag in HEADINGS:
            self._heading = None
        elif tag == "a" and self._link is not None:
            href, start = self._link
            if href and self._items is None and visible_text(self._pieces[start:]) != href:
                self._pieces.append(f" ({href})")
            self._link = None
        elif tag == "details" or (tag == "div" and self._divs and self._divs.pop()):
            self.blocks.append(FoldEnd(self._line()))
        elif tag in ("ul", "ol") and self._list_depth:
            self._list_depth -= 1
            if not self._list_depth and self._items is not None:
                self.blocks.append(ListBlock(self._list_line, tuple(self._items)))
                self._items = None

    def handle_data(self, data):
        if self._hidden:
            return
        if self._pre is not None:
            if self._pre["fresh"]:
                data = data.removeprefix("\n")  # as browsers do right after <pre>
            self._pre["fresh"] = False
            self._pre["text"] += decoded(data)
        else:
            if not self._pieces:
                self._piece_line = self._line()
            self._pieces += decoded(data)

    def handle_comment(self, data):
        try:
            found = read_marker(data.replace("&amp;", "&"))
        except ValueError as exc:
            raise ReadError(self._line(), str(exc)) from None
        if found:
            self.flush()
            self.blocks.append(Marker(self._line(), *found))


def read_html(text: str) -> list[InBlock]:
    """The blocks of an HTML post."""
    reader = HtmlReader()
    reader.feed_fragment(text, 1)
    if reader._pre is not None:
        raise ReadError(reader._pre["line"], "the code block (<pre>) opened here is never closed; expected </pre>")
    return reader.blocks

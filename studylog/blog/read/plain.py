"""Read the plain text of a post copied from a blog page (the seed post) into blocks.

The page chrome is dropped: everything before the `[weekN] …` title line (ABOUT ME, Today/Yesterday/
Total) and everything from the other-posts list on (… 카테고리의 다른 글, 댓글, Designed by Tistory).
Headings are the seed's `* heading`, `- subheading` and `< heading >` lines; 더보기 opens a fold;
Python code is recognised by its first line and kept with its indentation.
"""

from __future__ import annotations

import re

from studylog.blog.read.blocks import (
    CodeBlock, FoldStart, Heading, InBlock, ListBlock, ListItem, Marker, Paragraph,
)

TITLE = re.compile(r"^\s*(?:[•·*-]\s*)?(?P<title>\[week\s*\d+\].*)$", re.IGNORECASE)
POST_DATE = re.compile(r"^\s*(?P<category>.*?)\s*(?P<y>\d{4})\. (?P<m>\d{1,2})\. (?P<d>\d{1,2})\. \d{1,2}:\d{2}\s*$")
CHROME_END = re.compile(r"(카테고리의 다른 글|^\s*댓글\s*\d*\s*$|^\s*Designed by Tistory)")
HEADINGS = ((re.compile(r"^\* (.+)$"), 2), (re.compile(r"^- (.+)$"), 3), (re.compile(r"^(<\s*.+?\s*>)$"), 2))
CODE_START = re.compile(r"^(class \w|def \w|import \w|from [\w.]+ import |@\w)")
LINK_LINE = re.compile(r"^\d{4}\.\d{2}\.\d{2} - ")
FOLD = "더보기"


def typed_spaces(text: str) -> str:
    """A page copied from a browser has each `&nbsp;` as a no-break space, and blog editors write typed
    spaces that way; the copy cannot tell them from no-break spaces typed as such, so all are spaces."""
    return text.replace("\u00a0", " ")


def _post_lines(lines: list[str]) -> tuple[int, list[str]]:
    """(number of the first kept line, the lines) without the page chrome, dedented."""
    start = next((i for i, line in enumerate(lines) if TITLE.match(line)), 0)
    end = next((i for i in range(start + 1, len(lines)) if CHROME_END.search(lines[i])), len(lines))
    kept = [line.rstrip() for line in lines[start:end]]
    indent = min((len(line) - len(line.lstrip(" ")) for line in kept[1:] if line), default=0)
    return start + 1, [kept[0].strip()] + [line[indent:] for line in kept[1:]]


def _code_end(lines: list[str], i: int) -> int:
    """The index after the code block that starts at lines[i] (trailing blank lines left out)."""
    end = j = i + 1
    while j < len(lines) and (not lines[j] or lines[j][0].isspace() or CODE_START.match(lines[j])):
        j += 1
        end = j if lines[j - 1] else end
    return end


def read_plain(text: str) -> list[InBlock]:
    """The blocks of a post's plain text."""
    first, lines = _post_lines(typed_spaces(text).split("\n"))
    blocks: list[InBlock] = []
    title = TITLE.match(lines[0]) if lines else None
    if title:
        blocks.append(Heading(first, 1, title["title"].strip()))
        lines[0] = ""
    paragraph: list[str] = []
    links: list[ListItem] = []

    def flush(at: int) -> None:
        if paragraph:
            blocks.append(Paragraph(at - len(paragraph), "\n".join(paragraph)))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line, number = lines[i], first + i
        if title and i == 1 and (date := POST_DATE.match(line)):
            blocks.append(Marker(number, "week", {"end_date": f"{date['y']}-{int(date['m']):02}-{int(date['d']):02}"}))
        elif LINK_LINE.match(line):
            flush(number)
            links.append(ListItem(line.strip()))
        elif not line.strip():
            flush(number)
        elif links:
            blocks.append(ListBlock(number - 1, tuple(links)))
            links = []
            continue
        elif CODE_START.match(line) and not paragraph:
            end = _code_end(lines, i)
            blocks.append(CodeBlock(number, "python", "\n".join(l.rstrip() for l in lines[i:end])))
            i = end
            continue
        elif line.strip() == FOLD:
            flush(number)
            blocks.append(FoldStart(number, open_ended=True))
        elif not paragraph and (heading := next(((m, lv) for rx, lv in HEADINGS if (m := rx.match(line))), None)):
            blocks.append(Heading(number, heading[1], heading[0][1].strip()))
        else:
            paragraph.append(line)
        i += 1
    flush(first + len(lines))
    if links:
        blocks.append(ListBlock(first + len(lines), tuple(links)))
    return blocks

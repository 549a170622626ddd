"""Read the plain text of a post copied from a blog page (the seed post, any Tistory page) into blocks.

The page chrome is dropped whatever the title looks like: everything before the title (본문 바로가기, the
blog's name, ABOUT ME, Today/Yesterday/Total, the category line) and the byline after it, found as a
`[weekN] …` line, the line above a `by 작성자 2024. 5. 3.` byline, or the skin's `… 본문` heading line; and
everything from the end of the post on (공감, 저작자표시, … 카테고리의 다른 글, 댓글 N, Designed by Tistory).
Headings are the seed's `* heading`, `- subheading` and `< heading >` lines, also right under a paragraph
line (a copied page keeps no blank line between paragraphs), and so is a `Q: …` line; 더보기 opens a fold; Python code is recognised
by its first line and kept with its indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studylog.blog.read.questions import QUESTION
from studylog.blog.read.blocks import (
    CodeBlock, FoldStart, Heading, InBlock, ListBlock, ListItem, Marker, Paragraph,
)

TITLE = re.compile(r"^\s*(?:[•·*-]\s*)?(?P<title>\[week\s*\d+\].*)$", re.IGNORECASE)
POST_DATE = re.compile(r"^\s*(?P<category>.*?)\s*(?P<y>\d{4})\. (?P<m>\d{1,2})\. (?P<d>\d{1,2})\. \d{1,2}:\d{2}\s*$")
BYLINE = re.compile(r"^\s*by\s+\S.*?\s(?P<y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\.?(?:\s+\d{1,2}:\d{2})?\s*$", re.IGNORECASE)
CATEGORY = re.compile(r"^\s*[^\W\d_][^/:]{0,39}/(?:[^/:]{1,40}/){0,2}(?P<course>[^/:\s][^/:]{0,39}?)\s*$")  # Community/AI Boostcamp 5th
SKIN_TITLE = re.compile(r"^\s*(?P<title>\S.*?)\s+본문\s*$")  # a skin's hidden heading: "<title> 본문"
CHROME_END = re.compile(
    r"(카테고리의 다른 글|^\s*댓글\s*\d*\s*$|^\s*Designed by Tistory|^\s*공감\s*\d*\s*$|^\s*저작자표시)"
)
CHROME_START = re.compile(r"^\s*(본문 바로가기|ABOUT ME|Today|Yesterday|Total|-|검색하기|블로그 내 검색|카테고리|전체 글 보기|메뉴|홈|태그|방명록)?\s*$")
TITLE_WITHIN = 20  # lines of page chrome a copied page may start with before its byline
SKIN_WITHIN = 5  # a skin's `… 본문` heading sits right under the blog's name
HEADINGS = ((re.compile(r"^\* (.+)$"), 2), (re.compile(r"^- (.+)$"), 3), (re.compile(r"^(<\s*.+?\s*>)$"), 2))
CODE_START = re.compile(r"^(class \w|def \w|import \w|from [\w.]+ import |@\w)")
LINK_LINE = re.compile(r"^\d{4}\.\d{2}\.\d{2} - ")
FOLD = "더보기"


def typed_spaces(text: str) -> str:
    """A page copied from a browser has each `&nbsp;` as a no-break space, and blog editors write typed
    spaces that way; the copy cannot tell them from no-break spaces typed as such, so all are spaces."""
    return text.replace("\u00a0", " ")


@dataclass(frozen=True)
class Page:
    """Where the post sits in a copied page: its title line's index (None: no title found), the line after the
    title and byline, the post date the byline or the seed's category line gives, and the course the category
    line names (its last part: `Community/AI Boostcamp 5th` above a bylined title, `et al/AI Tech 6 2023. 12. 1.
    19:59` under the seed's)."""

    title: int | None
    body: int
    date: tuple[int, int, int] | None = None
    course: str = ""


def _dated(match: re.Match | None) -> tuple[int, int, int] | None:
    return (int(match["y"]), int(match["m"]), int(match["d"])) if match else None


def _course(line: str) -> str:
    """The course a category line names, its last part: `et al/AI Tech 6` -> `AI Tech 6`; "" for another line."""
    category = CATEGORY.match(line)
    return category["course"] if category else ""


def _locate(lines: list[str]) -> Page:
    """The title: a `[weekN]` line; else the line above a byline; else a skin's `… 본문` line; else none, and the
    post starts after the lines of chrome a page starts with."""
    if (title := next((i for i, line in enumerate(lines) if TITLE.match(line)), None)) is not None:
        dated = POST_DATE.match(lines[title + 1]) if title + 1 < len(lines) else None
        return Page(title, title + 1 + bool(dated), _dated(dated), _course(dated["category"]) if dated else "")
    head = lines[:TITLE_WITHIN]
    if (by := next((i for i, line in enumerate(head) if BYLINE.match(line)), None)) is not None:
        title = next((i for i in range(by - 1, -1, -1) if lines[i].strip()), None)
        above = next((lines[i] for i in range((title or 0) - 1, -1, -1) if lines[i].strip()), "")
        return Page(title, by + 1, _dated(BYLINE.match(lines[by])), _course(above))
    if (skin := next((i for i, line in enumerate(lines[:SKIN_WITHIN]) if SKIN_TITLE.match(line)), None)) is not None:
        return Page(skin, skin + 1)
    return Page(None, next((i for i, line in enumerate(lines) if not CHROME_START.match(line)), 0))


def _post_lines(lines: list[str]) -> tuple[Page, str, int, list[str]]:
    """The page's layout, its title, the number of the first body line, and the body's lines, dedented."""
    page = _locate(lines)
    end = next((i for i in range(page.body, len(lines)) if CHROME_END.search(lines[i])), len(lines))
    kept = [line.rstrip() for line in lines[page.body:end]]
    indent = min((len(line) - len(line.lstrip(" ")) for line in kept if line), default=0)
    title = "" if page.title is None else lines[page.title].strip()
    title = (match := TITLE.match(title) or SKIN_TITLE.match(title)) and match["title"].strip() or title
    return page, title, page.body + 1, [line[indent:] for line in kept]


def _code_end(lines: list[str], i: int) -> int:
    """The index after the code block that starts at lines[i] (trailing blank lines left out)."""
    end = j = i + 1
    while j < len(lines) and (not lines[j] or lines[j][0].isspace() or CODE_START.match(lines[j])):
        j += 1
        end = j if lines[j - 1] else end
    return end


def read_plain(text: str) -> list[InBlock]:
    """The blocks of a post's plain text."""
    page, title, first, lines = _post_lines(typed_spaces(text).split("\n"))
    blocks: list[InBlock] = []
    if title:
        blocks.append(Heading(page.title + 1, 1, title))
    if page.date or page.course:
        dated = {"end_date": "{:04}-{:02}-{:02}".format(*page.date)} if page.date else {}
        blocks.append(Marker(first - 1, "week", dated | ({"course": page.course} if page.course else {})))
    paragraph: list[str] = []
    links: list[ListItem] = []

    def flush(at: int) -> None:
        if paragraph:
            blocks.append(Paragraph(at - len(paragraph), "\n".join(paragraph)))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line, number = lines[i], first + i
        if LINK_LINE.match(line):
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
        elif heading := next(((m, lv) for rx, lv in HEADINGS if (m := rx.match(line))), None):
            flush(number)
            blocks.append(Heading(number, heading[1], heading[0][1].strip()))
        elif QUESTION.match(line) and paragraph:  # `Q: …` right under a line of text starts its own paragraph
            flush(number)
            paragraph.append(line)
        else:
            paragraph.append(line)
        i += 1
    flush(first + len(lines))
    if links:
        blocks.append(ListBlock(first + len(lines), tuple(links)))
    return blocks

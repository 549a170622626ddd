"""A blog post of one week, as both directions see it: the week, its sections, their questions and links.

Also the few one-line formats that export writes and import reads back (title, byline, study link):
the title and dates as the journal formats them everywhere, and the patterns that read them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from studylog.blog.plain_markdown import one_line
from studylog.journal.weeks import date_range, week_title

TITLE = re.compile(r"^\[week\s*(?P<number>\d+)\]\s*(?P<title>.*)$", re.IGNORECASE)
BYLINE = re.compile(
    r"^(?:(?P<start>\d{4}-\d{2}-\d{2})(?: ~ (?P<end>\d{4}-\d{2}-\d{2}))?|~ (?P<end_only>\d{4}-\d{2}-\d{2}))"
    r"(?: · (?P<course>.+))?$"
)
LINK = re.compile(
    r"^(?:(?P<date>\d{4}\.\d{2}\.\d{2}) - )?(?:\[(?P<category>[^\]\n]*)\] - )?(?P<title>.+)$"
)


@dataclass
class PostLink:
    """A study link: the date it was posted, its blog category, title and URL."""

    title: str
    posted_on: date | None = None
    category: str = ""
    url: str = ""


@dataclass
class PostQuestion:
    """A question with its answer; runs are its latest check runs (empty when checks are left out)."""

    title: str
    question: str = ""
    answer: str = ""
    slug: str = ""
    tags: list[str] = field(default_factory=list)
    status: str = ""
    asker: str = ""
    runs: list = field(default_factory=list)


@dataclass
class PostSection:
    """A part of the post: kind, level (1 = `* heading`, 2 = `- subheading`), title and the user's text."""

    kind: str = "note"
    level: int = 1
    title: str = ""
    body: str = ""
    questions: list[PostQuestion] = field(default_factory=list)
    links: list[PostLink] = field(default_factory=list)


@dataclass
class Post:
    """One week as a post."""

    number: int | None = None
    title: str = ""
    course: str = ""
    start_date: date | None = None
    end_date: date | None = None
    sections: list[PostSection] = field(default_factory=list)

    @property
    def questions(self) -> list[PostQuestion]:
        return [q for section in self.sections for q in section.questions]

    @property
    def links(self) -> list[PostLink]:
        return [link for section in self.sections for link in section.links]


def title_line(post: Post) -> str:
    """The post's title as the blog shows it (the journal's week_title): `[week4] 네부캠 ai tech 4주차 회고`."""
    return week_title(post.number, one_line(post.title))


def byline(post: Post) -> str:
    """The line under the title: the week's dates (the journal's date_range) and course, '' when it has neither."""
    return " · ".join(part for part in (date_range(post.start_date, post.end_date), post.course) if part)


def parse_byline(text: str) -> tuple[date | None, date | None, str] | None:
    """(start, end, course) from a byline that names at least one date, else None."""
    match = BYLINE.match(text.strip())
    if not match:
        return None
    try:
        start, end = (date.fromisoformat(d) if d else None for d in (match["start"], match["end"] or match["end_only"]))
    except ValueError:
        return None
    return start, end, match["course"] or ""


def link_line(link: PostLink) -> str:
    """A study link as the seed post lists it: `2023.11.28 - [et al/Docker&git] - [git] 기본 명령어 정리`."""
    when = f"{link.posted_on:%Y.%m.%d} - " if link.posted_on else ""
    where = f"[{link.category}] - " if link.category else ""
    return when + where + link.title


def parse_link_line(text: str, url: str = "") -> PostLink | None:
    """The study link a line of a links list describes, or None when it is not one."""
    match = LINK.match(text)
    if not match:
        return None
    try:
        posted_on = date(*map(int, match["date"].split("."))) if match["date"] else None
    except ValueError:
        return None
    return PostLink(title=match["title"], posted_on=posted_on, category=match["category"] or "", url=url)

"""Hypothesis strategies for weeks a student might write: Korean, Markdown-significant symbols at
line starts and inside words, code blocks, blank lines, empty sections and long texts; and
store_week, which stores one through the journal services."""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from hypothesis import strategies as st

from studylog.journal import links as link_service
from studylog.journal import questions as question_service
from studylog.journal import sections as section_service
from studylog.journal import weeks as week_service
from studylog.journal.sections import SECTION_KINDS
from studylog.store.database import Database

KOREAN = "가나다라마바사아자차카타파하한글회고질문답변뷁똠읽"
SYMBOLS = "*_<>#|`\\[](){}!~-+=.&;:'\"@$%^/?,"
ALPHABET = KOREAN + "abXYZ0179" + SYMBOLS + "    \t\u00a0\u3000×→🙂"
LINE_STARTS = [
    "", "", "", "", "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "    ", "  ", "=", "---", "***",
    "| a | b |", "|---|---|", "<div>", "</details>", "<!-- x -->", "&amp; ", "&#35;", "Q1. ", "A1. ",
    "[x]: /u", "![i](x)", "\\", "<https://a.b>", "192*1*1*64 ", "a_b ",
]
FENCE_LINE = re.compile(r"^(`{3,}|~{3,})")


def one_line(max_size: int = 30) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(ALPHABET), max_size=max_size)


prose_line = st.builds(str.__add__, st.sampled_from(LINE_STARTS), one_line()).filter(lambda l: not FENCE_LINE.match(l))
prose = st.one_of(
    st.lists(st.one_of(prose_line, st.just("")), max_size=6).map("\n".join),
    one_line(2000).filter(lambda t: len(t) > 300),  # a long paragraph
)
code_line = st.one_of(one_line(), st.sampled_from(["", "    indented", "  ```", "\t# tab", "</details>"]))
code = st.builds(
    lambda lang, lines: f"```{lang}\n" + "\n".join(lines) + "\n```",
    st.sampled_from(["", "python", "c++"]),
    st.lists(code_line.filter(lambda l: not re.fullmatch(r"`{3,}[ \t]*", l)), min_size=1, max_size=4),
)
word = st.text(st.sampled_from(KOREAN + "abXYZ0179"), min_size=1, max_size=8)
inline = st.one_of(
    word, word, word,
    st.builds("**{}**".format, word), st.builds("*{}*".format, word), st.builds("~~{}~~".format, word),
    st.builds("`{}`".format, word), st.builds("[{}](https://example.com/{}_x)".format, word, word),
    st.builds("![{}](https://i.imgur.com/{}.png)".format, word, word),
    st.sampled_from(["$\\sqrt{d_k}$", "$x^2 + y_1$", "192*1*1*64", "3*3*64*64", "__init__", "a*b*c", "List<int>",
                     "https://example.com/a_b?x=1&y=2", "snake_case"]),
)
sentence = st.lists(inline, min_size=1, max_size=6).map(" ".join)
paragraph = st.lists(sentence, min_size=1, max_size=3).map("\n".join)
list_item = st.builds(
    lambda text, nested, fenced: "\n".join([text] + [f"  - {n}" for n in nested] + ([f"  ```python\n  {fenced}\n  ```"] if fenced else [])),
    sentence, st.lists(sentence, max_size=2), st.none() | word,
)
markdown_list = st.one_of(
    st.lists(list_item, min_size=1, max_size=3).map(lambda items: "\n".join(f"- {i}" for i in items)),
    st.lists(list_item, min_size=1, max_size=3).map(lambda items: "\n".join(f"{n}. {i}".replace("\n  ", "\n   ") for n, i in enumerate(items, 1))),
)
table = st.builds(lambda a, b, c, d: f"| {a} | {b} |\n|---|---|\n| {c} | {d} |", word, word, sentence, sentence)
block = st.one_of(
    paragraph, paragraph, markdown_list, table, code,
    st.builds("> {}".format, sentence), st.builds("$$\n{}\n$$".format, st.sampled_from(["\\mathbb{Z}_{+}", "a_1 * b_2"])),
    st.builds("### {}".format, sentence),
)
text = st.lists(block, max_size=4).map("\n\n".join)  # a Markdown body as a student types it


@st.composite
def questions(draw) -> dict:
    return {
        "title": draw(one_line(40).filter(str.strip)),  # a question says what it asks (add_question refuses none)
        "question": draw(text), "answer": draw(text),
        "tags": draw(st.lists(st.text(st.sampled_from("abc가나-"), min_size=1, max_size=6), max_size=3)),
    }


@st.composite
def sections(draw) -> dict:
    return {
        "kind": draw(st.sampled_from(SECTION_KINDS)), "level": draw(st.sampled_from([1, 2])),
        "title": draw(one_line(40)), "body": draw(text), "questions": draw(st.lists(questions(), max_size=2)),
    }


links = st.builds(
    lambda title, category, posted_on, url: {"title": "링크 " + title, "category": category, "posted_on": posted_on, "url": url},
    one_line(20).map(lambda t: t.replace("[", "(").replace("]", ")")),
    st.text(st.sampled_from("et al/Docker&git 한"), max_size=12),
    st.none() | st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    st.sampled_from(["", "https://example.com/post/12", "https://blog.example.com/a_b?x=1&y=2"]),
)


@st.composite
def weeks(draw) -> dict:
    start = draw(st.none() | st.dates(date(2020, 1, 1), date(2030, 12, 31)))
    length = draw(st.none() | st.integers(0, 6))
    return {
        "number": draw(st.integers(1, 60)), "title": draw(one_line(40)), "course": draw(one_line(20)),
        "start_date": start, "end_date": start + timedelta(days=length) if start and length is not None else None,
        "sections": draw(st.lists(sections(), max_size=4)),
        "links": draw(st.lists(links, max_size=3)),
        "loose_questions": draw(st.lists(questions(), max_size=1)),
    }


def store_week(db: Database, spec: dict) -> int:
    """Store a generated week (see blog_strategies.weeks) with the journal services; its id."""
    week = week_service.create_week(db, spec["number"], spec["title"], spec["course"], spec["start_date"], spec["end_date"])
    slugs = (f"q{n}" for n in itertools.count())

    def add(q: dict, section_id: int | None) -> None:
        question_service.add_question(
            db, q["title"], q["question"], q["answer"], slug=next(slugs), week_id=week.id, section_id=section_id, tags=q["tags"],
        )

    for s in spec["sections"]:
        section = section_service.add_section(db, week.id, s["title"], s["body"], s["kind"], s["level"])
        for q in s["questions"]:
            add(q, section.id)
    for q in spec["loose_questions"]:
        add(q, None)
    for link in spec["links"]:
        link_service.add_link(db, week.id, link["title"], link["url"], link["category"], link["posted_on"])
    return week.id

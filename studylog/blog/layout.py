"""The seed post's layout as format-neutral blocks: title, byline, sections in order, Q&A with the
answer folded (더보기), study links, and each question's verification.

Both writers (to_markdown, to_html) render these blocks; hidden markers let import read the post
back without guessing. Bodies, questions and answers are Markdown, passed through the literal guard.
"""

from __future__ import annotations

from studylog.blog.blocks import FOLDED_KINDS, Block, Fold, Heading, Item, Items, Lead, Marker, Prose
from studylog.blog.guard import closed, for_post
from studylog.blog.plain_markdown import escape_line, one_line
from studylog.blog.post import Post, PostQuestion, PostSection, byline, link_line, title_line
from studylog.blog.verification import verification_blocks

MAX_LEVEL = 5  # a section of level n is an h(n + 1)


def lay_out(post: Post) -> list[Block]:
    """The post as blocks, top to bottom."""
    week = {"course": post.course, "number": post.number}
    week |= {k: d.isoformat() for k, d in (("start_date", post.start_date), ("end_date", post.end_date)) if d}
    blocks: list[Block] = [Marker("week", week), Heading(1, title_line(post))]
    if byline(post):
        blocks.append(Prose(escape_line(byline(post))))
    numbers = iter(range(1, len(post.questions) + 1))
    for section in post.sections:
        blocks += _section(section, numbers)
    return blocks


def section_level(level: int) -> int:
    """A stored section level as the post writes it (1 to MAX_LEVEL)."""
    return min(max(level, 1), MAX_LEVEL)


def _section(section: PostSection, numbers) -> list[Block]:
    body = for_post(section.body).text
    data = {"kind": section.kind, "level": section_level(section.level)} | ({} if section.title.strip() else {"titled": False})
    blocks: list[Block] = [Marker("section", data, {"body": body})]
    if section.title.strip():
        blocks.append(Heading(1 + section_level(section.level), one_line(section.title)))
    if body.strip():
        blocks += [Fold((Prose(closed(body)),))] if section.kind in FOLDED_KINDS else [Prose(closed(body))]
    for question in section.questions:
        blocks += _question(question, next(numbers))
    if section.links:
        blocks += [Marker("links"), Items(tuple(Item(link_line(link), link.url) for link in section.links))]
    return blocks


def _question(question: PostQuestion, number: int) -> list[Block]:
    marker = {"id": question.slug, "status": question.status, "tags": question.tags}
    if question.asker:
        marker["asker"] = question.asker
    asked = for_post(question.question).text if question.question.strip() and question.question != question.title else ""
    answer = for_post(question.answer).text
    blocks: list[Block] = [
        Marker("question", marker, {"question": asked, "answer": answer}),
        Lead(f"Q{number}.", escape_line(one_line(question.title)), one_line=True),
    ]
    if asked:
        blocks.append(Prose(closed(asked)))
    folded: list[Block] = [Lead(f"A{number}.", closed(answer))]
    if question.runs:
        folded += [Marker("verification"), *verification_blocks(question.runs)]
    return blocks + [Fold(tuple(folded))]

"""The seed post's layout as format-neutral blocks: title, byline, sections in order, Q&A with the
answer folded (더보기), study links, and each question's verification.

Both writers (to_markdown, to_html) render these blocks; hidden markers let import read the post
back without guessing.
"""

from __future__ import annotations

from studylog.blog.blocks import Block, Fold, Heading, Item, Items, Lead, Marker, Prose
from studylog.blog.code_fences import split_code
from studylog.blog.post import Post, PostQuestion, PostSection, byline, link_line, one_line, title_line
from studylog.blog.verification import verification_blocks

FOLDED_KINDS = frozenset({"curriculum"})


def lay_out(post: Post) -> list[Block]:
    """The post as blocks, top to bottom."""
    week = {"course": post.course, "number": post.number}
    week |= {k: d.isoformat() for k, d in (("start_date", post.start_date), ("end_date", post.end_date)) if d}
    blocks: list[Block] = [Marker("week", week), Heading(1, title_line(post))]
    if byline(post):
        blocks.append(Prose(byline(post)))
    numbers = iter(range(1, len(post.questions) + 1))
    for section in post.sections:
        blocks += _section(section, numbers)
    return blocks


def _section(section: PostSection, numbers) -> list[Block]:
    blocks: list[Block] = [Marker("section", {"kind": section.kind, "level": section.level})]
    if section.title.strip():
        blocks.append(Heading(1 + min(max(section.level, 1), 2), one_line(section.title)))
    body = split_code(section.body)
    blocks += [Fold(tuple(body))] if section.kind in FOLDED_KINDS and body else body
    for question in section.questions:
        blocks += _question(question, next(numbers))
    if section.links:
        blocks.append(Items(tuple(Item(link_line(link), link.url) for link in section.links)))
    return blocks


def _question(question: PostQuestion, number: int) -> list[Block]:
    marker = {"id": question.slug, "status": question.status, "tags": question.tags}
    blocks: list[Block] = [Marker("question", marker), Lead(f"Q{number}.", one_line(question.title))]
    if question.question.strip() and question.question != question.title:
        blocks += split_code(question.question)
    folded = _with_lead(f"A{number}.", split_code(question.answer))
    if question.runs:
        folded += [Marker("verification"), *verification_blocks(question.runs)]
    return blocks + [Fold(tuple(folded))]


def _with_lead(label: str, segments: list) -> list[Block]:
    """The label joined to the first paragraph, or on its own when the text starts with code."""
    if segments and isinstance(segments[0], Prose):
        return [Lead(label, segments[0].text), *segments[1:]]
    return [Lead(label, ""), *segments]

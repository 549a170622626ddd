"""Read a Markdown post that studylog did not write, by its shape: headings become sections (levels
kept, kinds from whole titles), each section keeps its Markdown source, and questions are found in
every form campers use (question_forms.py): labelled paragraphs with their answers, question headings
with what follows them, list items (Further Questions, `1. 질문 : … 답 : …`), quotes, 더보기 folds.

Questions that are whole paragraphs or headings move out of the section body into the question (a
paragraph that asks in its first line answers in its others); those inside a list stay in the body as
typed and are also added as questions.
"""

from __future__ import annotations

import re

from studylog.blog.post import Post, PostQuestion, PostSection, parse_byline, parse_link_line
from studylog.blog.read.enclosing import ending_at_outer_closing, outer_closing, wrapped
from studylog.blog.read.front_matter import FrontMatter
from studylog.blog.read.kinds import guess_kind
from studylog.blog.read.lines import Lines
from studylog.blog.read.question_forms import (
    CITED, TOPIC_KINDS, Asked, answer_line, answer_text, labelled_question, reads_as_question, reported_question,
)
from studylog.blog.read.tree import Node, source
from studylog.blog.read.week_number import week_in

QUOTE_MARKER = re.compile(r"^ {0,3}> ?")
ANSWER_FOLD = re.compile(r"^\s*<details[^>]*>\s*(?:\n\s*)?<summary[^>]*>\s*(?:<[^>]+>\s*)*더보기", re.IGNORECASE)
DETAILS = re.compile(r"<(/?)details\b", re.IGNORECASE)
MAX_LEVEL = 5


def _key(title: str) -> str:
    return re.sub(r"[\W_]+", "", title).casefold()


class _Guesser:
    def __init__(self, blocks: list[Node], lines: Lines, matter: FrontMatter) -> None:
        self.blocks, self.lines, self.matter = blocks, lines, matter
        self.post = Post(title=matter.title)
        self.ranges: list[list[tuple[int, int]]] = []  # per section: its kept source ranges
        self.wrapped = wrapped(blocks)  # inside a fold: a heading there is body text (or a question), never a section
        self.levels = sorted({int(b.tag[1]) for b, inside in zip(blocks, self.wrapped) if b.type == "heading" and not inside})
        self.seen: dict[str, PostQuestion] = {}
        self.title_line = 0

    # sections
    def section(self) -> PostSection:
        if not self.post.sections:
            self.new_section(PostSection(kind="intro"))
        return self.post.sections[-1]

    def new_section(self, section: PostSection) -> None:
        self.post.sections.append(section)
        self.ranges.append([])

    def keep(self, start: int, end: int) -> None:
        self.section()
        self.ranges[-1].append((start, end))

    def add_question(self, asked: Asked, question: str = "", answer: str = "") -> None:
        key = _key(asked.title)
        if not key:
            return
        if key in self.seen:
            earlier = self.seen[key]
            earlier.answer = earlier.answer or answer
            earlier.asker = earlier.asker or asked.asker
            return
        q = PostQuestion(title=asked.title, question=question.strip("\n") or asked.title, answer=answer.strip("\n"),
                         asker=asked.asker, tags=list(self.matter.tags))
        q.status = "answered" if q.answer else "open"
        self.seen[key] = q
        self.section().questions.append(q)

    # the walk
    def is_title(self, i: int, block: Node) -> bool:
        if i != self._first or self.matter.title:
            return False
        text = block.text.strip()
        if block.type == "paragraph":
            return "\n" not in text and week_in(text) is not None
        same_level = sum(1 for b in self.blocks if b.type == "heading" and b.tag == block.tag)
        return block.type == "heading" and (week_in(text) is not None or same_level == 1)

    def read(self) -> tuple[Post, int]:
        self._first = 0
        i = 0
        while i < len(self.blocks):
            block = self.blocks[i]
            if self.is_title(i, block):
                self.post.title, self.title_line = block.text.strip(), block.start + 1
                self.levels = [lv for lv in self.levels if block.type != "heading" or lv != int(block.tag[1])] or self.levels
                i += 1
                if i < len(self.blocks) and self.blocks[i].type == "paragraph" and (dates := parse_byline(self.blocks[i].text)):
                    self.post.start_date, self.post.end_date, self.post.course = dates
                    i += 1
            elif block.type == "bullet_list" and self.section().kind == "study_links" and self.links(block):
                i += 1
            elif block.type == "heading":
                i = self.heading(i, block)
            elif block.type == "paragraph" and labelled_question(block.text):
                i = self.labelled(i)
            elif block.type == "paragraph" and self.folded_answer(i):
                i = self.folded_answer(i)
            elif block.type == "paragraph" and self.asking_paragraph(block):
                i += 1
            else:
                self.scan(block)
                self.keep(block.start, block.end)
                i += 1
        return self.finish(), self.title_line

    def heading(self, i: int, block: Node) -> int:
        level = int(block.tag[1])
        labelled = labelled_question(block.text)
        asked = labelled[0] if labelled else reads_as_question(block.text)
        if asked is None and self.wrapped[i]:
            self.keep(block.start, block.end)
            return i + 1
        if asked is None:
            rank = self.levels.index(level) + 1 if level in self.levels else 1
            self.new_section(PostSection(kind=guess_kind(block.text), level=min(rank, MAX_LEVEL), title=block.text.strip()))
            return i + 1
        j = i + 1
        while j < len(self.blocks) and not (self.blocks[j].type == "heading" and int(self.blocks[j].tag[1]) <= level):
            j += 1
        end = self.blocks[j].start if j < len(self.blocks) else len(self.lines)
        if (closing := outer_closing(self.blocks[i + 1 : j])) is not None:  # a heading inside a fold is answered in it;
            end, j = closing, next(k for k in range(i + 1, j) if self.blocks[k].end > closing)  # the closing's block is body
        for inner in self.blocks[i + 1 : j]:
            self.scan_nested(inner)
        self.add_question(asked, answer=source(self.lines, block.end, end))
        return j

    def labelled(self, i: int) -> int:
        """A `Q…:` paragraph: asked until an `A…:` paragraph, answered until the next question or part."""
        asked, rest = labelled_question(self.blocks[i].text)
        first_line_end = self.blocks[i].start + 1
        question_end = answer_start = None
        if (k := answer_line(rest)) is not None:  # `A: …` on a line of the question's own paragraph
            question_end = answer_start = first_line_end + k
        j = i + 1
        fold = None
        while j < len(self.blocks):
            block = self.blocks[j]
            if block.type in ("heading", "hr") or labelled_question(block.text):
                break  # the next part, or the next question (a paragraph, or a list whose first item asks)
            if answer_start is None and (fold := self.fold_range(j, len(self.blocks))) is not None:
                j = fold[1] + 1
                break
            if block.type == "html_block" and not (answer_start is None and ANSWER_FOLD.match(block.content)):
                break
            if answer_start is None and block.type == "paragraph" and (k := answer_line(block.text)) is not None:
                question_end = answer_start = block.start + k
            j += 1
        end = self.blocks[j].start if j < len(self.blocks) else len(self.lines)
        question = source(self.lines, first_line_end, question_end if question_end is not None else end)
        answer = ""
        if answer_start is not None:
            raw = source(self.lines, answer_start, end)
            answer = answer_text(raw) or ""
        elif fold is not None:
            question = source(self.lines, first_line_end, self.blocks[fold[0]].start)
            answer = source(self.lines, self.blocks[fold[0]].end, self.blocks[fold[1]].start)
            answer = answer_text(answer) if answer_text(answer) is not None else answer
        self.add_question(asked, question, answer)  # the source from the second line on holds `rest` already
        return j

    def asking_paragraph(self, block: Node) -> bool:
        """A paragraph whose first line asks (`…할까요?`) is a question, not body text: that line as typed is what
        was asked, the paragraph's other lines the answer. False (the paragraph stays in the body) when it does
        not ask, or asks what an earlier part of the post asked already."""
        asked = reads_as_question(block.text)
        if asked is None or _key(asked.title) in self.seen or not _key(asked.title) or reported_question(block.text):
            return False  # a reported question (`…에 대해 질문했다.`) stays in the body; scan takes it
        self.add_question(asked, source(self.lines, block.start, block.start + 1), source(self.lines, block.start + 1, block.end))
        return True

    def fold_range(self, i: int, j: int) -> tuple[int, int] | None:
        """(opening, closing) block indexes of a 더보기 fold starting at blocks[i], within j."""
        if i >= j or self.blocks[i].type != "html_block" or not ANSWER_FOLD.match(self.blocks[i].content):
            return None
        depth = 0
        for k in range(i, len(self.blocks)):
            if self.blocks[k].type == "html_block":
                for match in DETAILS.finditer(self.blocks[k].content):
                    depth += -1 if match[1] else 1
                if depth <= 0:
                    return i, k
        return None

    def folded_answer(self, i: int) -> int:
        """A paragraph that asks, answered in the 더보기 fold after it: the index after the fold, else 0."""
        asked = reads_as_question(self.blocks[i].text)
        fold = self.fold_range(i + 1, len(self.blocks)) if asked else None
        if fold is None:
            return 0
        self.add_question(asked, answer=source(self.lines, self.blocks[fold[0]].end, self.blocks[fold[1]].start))
        return fold[1] + 1

    def links(self, block: Node) -> bool:
        """A list of study links (`2023.11.28 - [category] - title`, `[title](url)`) as the week's links."""
        found = []
        for item in block.children:
            if item.plain is None:
                return False
            link = parse_link_line(item.plain.strip(), item.link)
            if link is None:
                return False
            found.append(link)
        self.section().links += found
        return True

    def scan(self, block: Node) -> None:
        """Questions inside a block that stays in the body: list items, quotes, a paragraph that asks. A table of
        contents (a curriculum section: `# Contents`, `목차`) only lists the post's own parts: nothing is asked there."""
        if self.section().kind == "curriculum":
            return
        if block.type == "paragraph":
            if reported := reported_question(block.text):
                self.add_question(reported[0], answer=reported[1])
            elif asked := reads_as_question(block.text):
                self.add_question(asked)
        else:
            self.scan_nested(block)

    def scan_nested(self, block: Node) -> None:
        topics = self.section().kind in TOPIC_KINDS
        if block.type in ("bullet_list", "ordered_list"):
            for item in block.children:
                self.list_item(item, topics)
        elif block.type == "blockquote":
            for inner in block.children:
                if inner.type == "paragraph" and (found := labelled_question(inner.text)):
                    self.add_question(found[0], found[1])
                elif inner.type == "paragraph" and (asked := reads_as_question(inner.text)):
                    # `> 왜 …?` and what the quote says after that line: the question and its answer
                    self.add_question(asked, answer=_unquoted(source(self.lines, inner.start + 1, block.end)))
                    return
                else:
                    self.scan_nested(inner)

    def list_item(self, item: Node, topics: bool) -> None:
        inner = item.children
        if not inner or inner[0].type != "paragraph":
            for block in inner:
                self.scan_nested(block)
            return
        head = inner[0]
        if CITED.match(self.lines[item.start]):
            return  # `*__A Paper's Title?__* [[LINK]](…)`: a reference, not a question
        labelled = labelled_question(head.text)
        if not labelled and (reported := reported_question(head.text)):  # `- …에 대해 질문하였다. …라는 답변을 받았다.`
            rest_of_item = _dedent(source(self.lines, inner[1].start, item.end)) if len(inner) > 1 else ""
            self.add_question(reported[0], answer="\n\n".join(filter(None, (reported[1], rest_of_item))))
            return
        asked = labelled[0] if labelled else reads_as_question(head.text, topics=topics)
        if asked is None:
            for block in inner[1:]:
                self.scan_nested(block)
            return
        answer, rest = "", labelled[1] if labelled else ""
        end = ending_at_outer_closing(inner[1:], item.end)  # an indented `</div></details>` closes the fold around the list
        answered = next((b for b in inner[1:] if b.start < end and b.type == "paragraph" and answer_text(b.text) is not None), None)
        if (k := answer_line(rest)) is not None:  # `- Q: …` with `A: …` on the item's next line
            answered_at = head.start + 1 + k
            rest, answer = "\n".join(rest.split("\n")[:k]), answer_text(_dedent(source(self.lines, answered_at, end))) or ""
        elif answered is not None:
            answer = answer_text(_dedent(source(self.lines, answered.start, end))) or ""
        elif len(inner) > 1:
            answer = _dedent(source(self.lines, inner[1].start, end))
        self.add_question(asked, rest, answer)

    def finish(self) -> Post:
        for section, ranges in zip(self.post.sections, self.ranges):
            section.body = "\n\n".join(source(self.lines, s, e) for s, e in _merged(ranges, self.lines)).strip("\n")
        return self.post


def _merged(ranges: list[tuple[int, int]], lines: Lines) -> list[tuple[int, int]]:
    """Adjacent ranges (only blank lines between them) as one, so the source between them is kept as typed."""
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        if out and all(not lines[k].strip() for k in range(out[-1][1], start)):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _unquoted(text: str) -> str:
    """A blockquote's source without its `>` markers (one level)."""
    return "\n".join(QUOTE_MARKER.sub("", line, count=1) for line in text.split("\n")).strip("\n")


def _dedent(text: str) -> str:
    lines = text.split("\n")
    indent = min((len(l) - len(l.lstrip()) for l in lines[1:] if l.strip()), default=0)
    first = lines[0].lstrip()
    return "\n".join([first] + [l[indent:] for l in lines[1:]])


def read_guessed(blocks: list[Node], lines: Lines, matter: FrontMatter) -> tuple[Post, int]:
    """The post the blocks describe, read by shape, and the line of its title (0 when none)."""
    return _Guesser(blocks, lines, matter).read()

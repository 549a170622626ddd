"""Read back a Markdown post that `export` wrote: its markers say what each part is, and each body,
question and answer is the Markdown between them, taken from the source lines as written, less the literal
guard's backslashes (guard.unguarded), so what was typed comes back as typed."""

from __future__ import annotations

import re
from datetime import date

from studylog.blog.guard import unguarded
from studylog.blog.meta import read_marker
from studylog.blog.post import Post, PostQuestion, PostSection, TITLE, byline, parse_link_line
from studylog.blog.read.blocks import ReadError
from studylog.blog.read.lines import Lines
from studylog.blog.read.tree import Node, source
from studylog.journal.sections import SECTION_KINDS

COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$", re.DOTALL)
FOLD_OPEN = re.compile(r"^\s*<details>\s*\n?\s*<summary>[^<]*</summary>\s*$")
FOLD_CLOSE = "</details>"
DETAILS = re.compile(r"<(/?)details\b", re.IGNORECASE)
BOUNDARIES = {"section", "question", "links", "verification"}
MAX_LEVEL = 5


def marker_of(node: Node) -> tuple[str, dict] | None:
    """(name, data) when the block is a studylog marker comment; raises ReadError when it is broken."""
    if node.type != "html_block" or not (match := COMMENT.match(node.content)):
        return None
    try:
        return read_marker(match[1])
    except ValueError as exc:
        raise ReadError(node.start + 1, str(exc)) from None


def is_structured(blocks: list[Node]) -> bool:
    """Whether the post carries studylog's markers (export wrote it)."""
    return any(marker_of(b) for b in blocks if b.type == "html_block")


def _section(line: int, data: dict) -> PostSection:
    kind, level = data.get("kind", "note"), data.get("level", 1)
    if kind not in SECTION_KINDS:
        raise ReadError(line, f"expected a section kind ({', '.join(SECTION_KINDS)}), found {kind!r}")
    if not isinstance(level, int) or not 1 <= level <= MAX_LEVEL:
        raise ReadError(line, f"expected a section level 1 to {MAX_LEVEL}, found {level!r}")
    return PostSection(kind=kind, level=level)


def _unfold(text: str) -> str:
    """A folded body without its <details> wrapper."""
    first, _, rest = text.partition("\n")
    lines = rest.split("\n")
    if FOLD_OPEN.match(first + "\n" + (lines[0] if lines else "")) and lines and lines[-1].strip() == FOLD_CLOSE:
        return "\n".join(lines[1:-1]).strip("\n")
    return text


def _unlabel(text: str, label: str) -> str:
    if text == label or text.startswith(label + "\n"):
        return text[len(label):].lstrip("\n")
    return text[len(label) + 1:] if text.startswith(label + " ") else text


class _Reader:
    def __init__(self, blocks: list[Node], lines: Lines) -> None:
        self.blocks, self.lines, self.post = blocks, lines, Post()
        self.title_line = 0

    def region_end(self, i: int) -> int:
        """Index of the next boundary marker after blocks[i]."""
        j = i + 1
        while j < len(self.blocks) and not ((m := marker_of(self.blocks[j])) and m[0] in BOUNDARIES):
            j += 1
        return j

    def end_line(self, j: int) -> int:
        return self.blocks[j].start if j < len(self.blocks) else len(self.lines)

    def read(self) -> tuple[Post, int]:
        i = 0
        while i < len(self.blocks):
            block = self.blocks[i]
            found = marker_of(block)
            name, data = found or ("", {})
            j = self.region_end(i)
            if name == "week":
                self.week(block.start + 1, data, i, j)
            elif name == "section":
                self.section(block.start + 1, data, i, j)
            elif name == "question":
                self.question(data, i, j)
            elif name == "links":
                self.links(i, j)
            i = j if found else i + 1
        return self.post, self.title_line

    def week(self, line: int, data: dict, i: int, j: int) -> None:
        try:
            self.post.course = str(data.get("course", ""))
            self.post.number = int(data["number"]) if "number" in data else None
            for name in ("start_date", "end_date"):
                if data.get(name):
                    setattr(self.post, name, date.fromisoformat(data[name]))
        except (TypeError, ValueError) as exc:
            raise ReadError(line, f"expected a week marker with a whole number and dates as YYYY-MM-DD ({exc})") from None
        heading = next((b for b in self.blocks[i + 1 : j] if b.type == "heading"), None)
        if heading is not None:
            self.title_line = heading.start + 1
            match = TITLE.match(heading.text)
            self.post.title = match["title"] if match else heading.text

    def section(self, line: int, data: dict, i: int, j: int) -> None:
        section = _section(line, data)
        start = self.blocks[i].end
        inner = self.blocks[i + 1 : j]
        if inner and inner[0].type == "heading" and data.get("titled", True):
            section.title = inner[0].text
            start = inner[0].end
        self.balanced_folds(inner)
        body = source(self.lines, start, self.end_line(j))
        section.body = unguarded(_unfold(body) if section.kind == "curriculum" else body)
        section.body = str(_typed(data).get("body", section.body))
        self.post.sections.append(section)

    def balanced_folds(self, blocks: list[Node]) -> None:
        depth = 0
        for block in blocks:
            if block.type == "html_block":
                for match in DETAILS.finditer(block.content):
                    depth += -1 if match[1] else 1
                    if depth < 0:
                        raise ReadError(block.start + 1, "this closes a fold (더보기) that was never opened")

    def question(self, data: dict, i: int, j: int) -> None:
        if not self.post.sections:
            self.post.sections.append(PostSection(kind="intro"))
        inner = self.blocks[i + 1 : j]
        if not inner or inner[0].type != "paragraph" or not re.match(r"Q\d+\.", inner[0].text):
            raise ReadError((inner[0] if inner else self.blocks[i]).start + 1, "expected a 'Q1. …' paragraph after the question marker")
        label, _, title = inner[0].text.partition(" ")
        fold = next((b for b in inner[1:] if b.type == "html_block" and FOLD_OPEN.match(b.content.rstrip("\n"))), None)
        end = self.end_line(j)
        asked = source(self.lines, inner[0].end, fold.start if fold else end)
        answer = source(self.lines, fold.end, end) if fold else ""
        if answer.endswith(FOLD_CLOSE):
            answer = answer[: -len(FOLD_CLOSE)].rstrip("\n")
        elif fold is not None and not (j < len(self.blocks) and marker_of(self.blocks[j])[0] == "verification"):
            raise ReadError(fold.start + 1, "the fold (더보기) opened here is never closed; expected </details>")
        question = PostQuestion(
            title=title, question=unguarded(asked) or title, answer=unguarded(_unlabel(answer, "A" + label[1:])),
            slug=str(data.get("id", "")), status=str(data.get("status", "")), asker=str(data.get("asker", "")),
            tags=[str(t) for t in data.get("tags", [])],
        )
        typed = _typed(data)
        question.answer = str(typed.get("answer", question.answer))
        question.question = str(typed.get("question") or question.question)
        self.post.sections[-1].questions.append(question)

    def links(self, i: int, j: int) -> None:
        for block in self.blocks[i + 1 : j]:
            if block.type != "bullet_list" or not self.post.sections:
                continue
            for item in block.children:
                link = parse_link_line(item.plain, item.link) if item.plain is not None else None
                if link is not None:
                    self.post.sections[-1].links.append(link)


def _typed(data: dict) -> dict:
    """The texts a marker carries as typed: those whose open code fence export closed (to_markdown)."""
    typed = data.get("typed")
    return typed if isinstance(typed, dict) else {}


def read_structured(blocks: list[Node], lines: Lines) -> tuple[Post, int]:
    """The post that studylog's markers describe, and the line of its title."""
    return _Reader(blocks, lines).read()

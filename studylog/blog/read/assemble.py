"""Build a Post from the blocks a reader found: headings become sections, `Q1.` paragraphs and their
folds become questions (see questions.py), a links list in a study-links section the week's links.

With studylog's markers (a post that `export` wrote) nothing is guessed: kinds, levels and question
ids come from the markers. Without them, kinds are guessed from titles, and a one-line paragraph
right before a fold titles a folded section (the seed's 주차별 학습 내용 목차. + 더보기).
"""

from __future__ import annotations

from datetime import date

from studylog.blog.code_fences import as_fenced
from studylog.blog.post import TITLE, Post, PostQuestion, PostSection, byline, parse_byline, parse_link_line
from studylog.blog.read.blocks import (
    CodeBlock, FoldEnd, FoldStart, Heading, InBlock, ListBlock, Marker, Paragraph, ReadError,
)
from studylog.blog.guard import unguarded
from studylog.blog.plain_markdown import plain_to_markdown
from studylog.blog.read.kinds import guess_kind
from studylog.blog.read.question_forms import TOPIC_KINDS, reads_as_question, reported_question
from studylog.blog.read.week_number import week_in
from studylog.blog.read.questions import QUESTION, OpenQuestion
from studylog.journal.sections import SECTION_KINDS


class _Assembler:
    def __init__(self, structured: bool) -> None:
        self.post = Post()
        self.structured = structured
        self.bodies: list[list[str]] = []
        self.open: OpenQuestion | None = None
        self.folds: list[int] = []  # the lines the open folds start on
        self.title_line = 0
        self.week_marked = self.byline_next = self.title_next = False
        self.pending_question: Marker | None = None
        self.sources: dict[int, dict] = {}  # the Markdown an HTML export's markers carry, by section/question
        self.links_next = False  # the list after an export's `links` marker is the section's study links

    def section(self) -> PostSection:
        if not self.post.sections:
            self.new_section(PostSection(kind="intro"))
        return self.post.sections[-1]

    def new_section(self, section: PostSection) -> None:
        self.close_question()
        self.post.sections.append(section)
        self.bodies.append([])

    def close_question(self) -> None:
        if self.open is not None:
            question, self.open = self.open.finished(), None
            self.section().questions.append(question)

    def add_text(self, text: str, *, paragraph: bool = False) -> None:
        if self.open is not None:
            self.open.add(text, paragraph=paragraph)
        else:
            self.section()
            self.bodies[-1].append(text)

    def take(self, block: InBlock, following: InBlock | None) -> None:
        byline_next, self.byline_next = self.byline_next, False
        title_next, self.title_next = self.title_next, False
        links_next, self.links_next = self.links_next, False
        if self.pending_question and not isinstance(block, Paragraph):
            raise ReadError(block.line, "expected a 'Q1. …' paragraph after the question marker")
        match block:
            case Marker(name="week", data=data):
                self.apply_week(block.line, data)
            case Marker(name="section", data=data):
                self.new_section(_section_from_marker(block.line, data))
                self.sources[id(self.post.sections[-1])] = data
                self.title_next = data.get("titled", True)
            case Marker(name="question"):
                self.close_question()
                self.pending_question = block
            case Marker(name="links"):
                self.links_next = True
            case Marker(name="verification") if self.open is not None:
                self.open.skip_verification()
            case Heading(line, level, text) if not self.title_line and (level == 1 or TITLE.match(text) or self.titles_post(text)):
                self.take_title(line, text)
            case Heading(_, _, text) if title_next:
                self.post.sections[-1].title = text
            case Heading(_, _, text) if self.structured:
                self.add_text(text)  # a heading inside a body that the section marker carries
            case Heading(_, level, text):
                self.new_section(PostSection(kind=guess_kind(text), level=max(1, min(level - 1, 5)), title=text))
            case Paragraph(_, text) if byline_next and self.take_byline(text):
                pass
            case Paragraph(_, text) if not self.structured and not text.strip():
                pass  # an editor's spacer line (<p>&nbsp;</p>), not text
            case Paragraph(line, text) if self.pending_question or (not self.structured and QUESTION.match(text)):
                self.start_question(line, text)
            case Paragraph(_, text) if self.titles_a_fold(text, following):
                self.new_section(PostSection(kind=guess_kind(text, default="curriculum"), title=text))
            case Paragraph(_, text) if not self.structured and self.open is None and self.asking_paragraph(text):
                pass
            case Paragraph(_, text):
                self.add_text(text, paragraph=True)
            case CodeBlock(_, lang, content):
                self.add_text(as_fenced(lang, content))
            case ListBlock() if self.open is None and self.section().kind == "study_links" and (
                links_next or id(self.section()) not in self.sources  # an export's body lists are its text
            ):
                self.take_links(block)
            case ListBlock():
                self.add_text(block.text)
            case FoldStart(line, open_ended):
                self.folds += [] if open_ended else [line]
                if self.open is not None:
                    self.open.fold_opened(None if open_ended else len(self.folds))
            case FoldEnd(line):
                if not self.folds:
                    raise ReadError(line, "this closes a fold (더보기) that was never opened")
                self.folds.pop()
                if self.open is not None and self.open.ended_by_closing(len(self.folds)):
                    self.close_question()

    def titles_a_fold(self, text: str, following: InBlock | None) -> bool:
        return not self.structured and self.open is None and "\n" not in text and isinstance(following, FoldStart)

    def start_question(self, line: int, text: str) -> None:
        marker, self.pending_question = self.pending_question, None
        if not QUESTION.match(text):
            raise ReadError(line, f"expected a 'Q1. …' paragraph after the question marker, found {text[:40]!r}")
        self.close_question()
        self.open = OpenQuestion.start(text, marker.data if marker else {}, self.structured)
        if marker:
            self.sources[id(self.open.question)] = marker.data

    def titles_post(self, text: str) -> bool:
        """A post without markers whose first heading, before any text, names the week (`<h2>5주차 회고</h2>`:
        a blog editor's largest heading in the body) has it as its title."""
        return not self.structured and not self.post.sections and week_in(text) is not None

    def asking_paragraph(self, text: str) -> bool:
        """A paragraph whose first line asks (`…할까요?`, `…란?`) is a question: that line is what was asked, its
        other lines the answer. False (it stays body text) when it does not ask or repeats a question."""
        first, _, rest = text.partition("\n")
        if reported := reported_question(text):  # `…에 대해 질문하였다. …`: a question, and the text stays
            (asked, answer), question, taken = reported, reported[0].title, False
        else:
            asked = reads_as_question(first, topics=self.section().kind in TOPIC_KINDS)
            question, answer, taken = first.strip(), rest.strip("\n"), True
        questions = self.section().questions
        if not asked or not asked.title or any(q.title == asked.title for q in questions):
            return False
        questions.append(PostQuestion(title=asked.title, question=question, answer=answer, asker=asked.asker,
                                      status="answered" if answer.strip() else "open"))
        return taken

    def take_title(self, line: int, text: str) -> None:
        self.title_line, self.byline_next = line, True
        match = TITLE.match(text)
        self.post.title = match["title"] if match else text
        self.post.number = int(match["number"]) if match else (self.post.number or week_in(text))

    def take_byline(self, text: str) -> bool:
        if self.week_marked:
            return text.split() == byline(self.post).split()  # kept spaces come back as no-break spaces
        found = parse_byline(text)
        if found:
            self.post.start_date, self.post.end_date, self.post.course = found
        return found is not None

    def take_links(self, block: ListBlock) -> None:
        for item in block.items:
            link = parse_link_line(item.text, item.url)
            if link is None:
                self.add_text(f"- {item.text}")
            else:
                self.section().links.append(link)

    def apply_week(self, line: int, data: dict) -> None:
        try:
            self.post.course = str(data.get("course", self.post.course))
            self.post.number = int(data["number"]) if "number" in data else self.post.number
            for name in ("start_date", "end_date"):
                if data.get(name):
                    setattr(self.post, name, date.fromisoformat(data[name]))
        except (TypeError, ValueError) as exc:
            raise ReadError(line, f"expected a week marker with a whole number and dates as YYYY-MM-DD ({exc})") from None
        self.week_marked = self.week_marked or "number" in data

    def finish(self) -> Post:
        if self.pending_question:
            raise ReadError(self.pending_question.line, "expected a 'Q1. …' paragraph after the question marker")
        self.close_question()
        if self.folds:
            raise ReadError(self.folds[-1], "the fold (더보기) opened here is never closed; expected </details> or </div>")
        for section, body in zip(self.post.sections, self.bodies):
            given = self.sources.get(id(section), {})
            section.body = unguarded(given["body"]) if "body" in given else plain_to_markdown("\n\n".join(body))
            for question in section.questions:
                given = self.sources.get(id(question), {})
                question.answer = unguarded(given["answer"]) if "answer" in given else plain_to_markdown(question.answer)
                question.question = unguarded(given.get("question") or "") or (
                    question.title if question.question == question.title else plain_to_markdown(question.question)
                )
        return self.post


def _section_from_marker(line: int, data: dict) -> PostSection:
    kind, level = data.get("kind", "note"), data.get("level", 1)
    if kind not in SECTION_KINDS:
        raise ReadError(line, f"expected a section kind ({', '.join(SECTION_KINDS)}), found {kind!r}")
    if not isinstance(level, int) or not 1 <= level <= 5:
        raise ReadError(line, f"expected a section level 1 to 5, found {level!r}")
    return PostSection(kind=kind, level=level)


def assemble(blocks: list[InBlock]) -> tuple[Post, int]:
    """The post the blocks describe, and the line of its title (0 when it has none)."""
    assembler = _Assembler(structured=any(isinstance(b, Marker) and b.name == "section" for b in blocks))
    for i, block in enumerate(blocks):
        assembler.take(block, blocks[i + 1] if i + 1 < len(blocks) else None)
    return assembler.finish(), assembler.title_line

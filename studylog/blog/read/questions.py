"""A question as it is read back: its `Q1.` title line, what was asked, and the answer.

In a post that studylog wrote, the answer is the fold after the question (its `A1.` label dropped)
and a verification block inside it is skipped. In any other post the answer starts at an `A1.`
paragraph, or, when there is none, at the fold the question opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studylog.blog.post import PostQuestion
from studylog.blog.read.question_forms import answer_line

# `Q1.` as export writes it; campers also write `Q:`, `Q1)`, `Q [이름]님 :`, `질문 :` (answers `A:`, `A :`, `답:`, `답변:`).
QUESTION = re.compile(
    r"^(?:Q\d*\.(?: |$)|Q\s*\d*\s*[):：]\s*|Q\s*(?:\[[^\]\n]{1,30}\]|[^\s:\]\n]{1,20})\s*님\s*[:：]\s*|질문\s*\d*\s*[:：]\s*)"
)
ANSWER = re.compile(r"^(?:A\d*\.(?: |$)|A\s*\d*\s*[):：]\s*|답변?\s*[:：]\s*)")


def _unlabelled(label: re.Pattern, text: str) -> list[str]:
    rest = label.sub("", text, count=1)
    return [rest] if rest else []


@dataclass
class OpenQuestion:
    """A question being read; text arrives block by block until something ends it."""

    question: PostQuestion
    structured: bool
    asked: list[str] = field(default_factory=list)
    answer: list[str] | None = None
    fold_depth: int | None = None  # closing the fold at this depth ends the question
    fold_at: int | None = None  # where in `asked` a fold opened: the answer, if no A1. comes
    label_pending: bool = False
    skipping: bool = False

    @classmethod
    def start(cls, text: str, marker: dict, structured: bool) -> OpenQuestion:
        """A question from its `Q1. title` paragraph and its marker's data ({} without one)."""
        title, _, rest = QUESTION.sub("", text, count=1).partition("\n")
        question = PostQuestion(
            title=title.strip(), slug=str(marker.get("id", "")), status=str(marker.get("status", "")),
            asker=str(marker.get("asker", "")),
            tags=[str(t) for t in marker.get("tags", [])],
        )
        opened = cls(question, structured)
        if rest.strip():
            opened.add(rest, paragraph=True)
        return opened

    def add(self, text: str, *, paragraph: bool) -> None:
        """A block's text: asked, or answered once the answer has started (also at an `A:` line inside it)."""
        if self.skipping:
            return
        if self.answer is None and paragraph and not self.structured and (k := answer_line(text, ANSWER)) is not None:
            lines = text.split("\n")
            self.asked += ["\n".join(lines[:k])] if k else []
            self.answer = _unlabelled(ANSWER, "\n".join(lines[k:]))
        elif self.answer is None:
            self.asked.append(text)
        elif self.label_pending and paragraph and ANSWER.match(text):
            self.answer += _unlabelled(ANSWER, text)
        else:
            self.answer.append(text)
        self.label_pending = False

    def fold_opened(self, depth: int | None) -> None:
        """A fold opened at depth (None: one that never closes, as in copied plain text)."""
        if self.answer is not None:
            return
        if self.structured:
            self.answer, self.label_pending = [], True
        elif self.fold_at is None:
            self.fold_at = len(self.asked)
        self.fold_depth = depth

    def ended_by_closing(self, depth: int) -> bool:
        """Whether closing a fold, leaving `depth` folds open, ends this question."""
        return self.fold_depth is not None and depth < self.fold_depth

    def skip_verification(self) -> None:
        """The rest of the answer's fold is the verification block, recomputed rather than imported."""
        self.skipping = self.answer is not None

    def finished(self) -> PostQuestion:
        """The question with its text; without an answer label, the fold's content is the answer."""
        if self.answer is None and self.fold_at is not None:
            self.answer, self.asked = self.asked[self.fold_at :], self.asked[: self.fold_at]
        q = self.question
        q.question = "\n\n".join(self.asked) or q.title
        q.answer = "\n\n".join(self.answer or [])
        q.status = q.status or ("answered" if q.answer else "open")
        return q

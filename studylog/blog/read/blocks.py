"""What every reader turns a post into: a flat list of blocks, each with the line it starts on,
which `assemble` builds the week from. Text here is what a reader of the post sees."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    """A heading; level as in HTML, so 1 is the post's title."""

    line: int
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph's visible text, line breaks as newlines."""

    line: int
    text: str


@dataclass(frozen=True)
class CodeBlock:
    """A code block and its language."""

    line: int
    lang: str
    content: str


@dataclass(frozen=True)
class ListItem:
    """One item of a list; url is its first link's."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class ListBlock:
    """A list, its nested items indented by two spaces each level."""

    line: int
    items: tuple[ListItem, ...]

    @property
    def text(self) -> str:
        """The list as lines of text, links written `text (url)`."""
        return "\n".join(f"- {i.text} ({i.url})" if i.url and i.url != i.text else f"- {i.text}" for i in self.items)


@dataclass(frozen=True)
class FoldStart:
    """A 더보기 fold opens; `open_ended` when the source cannot say where it closes (copied plain text)."""

    line: int
    open_ended: bool = False


@dataclass(frozen=True)
class FoldEnd:
    """The innermost open fold closes."""

    line: int


@dataclass(frozen=True)
class Marker:
    """A studylog marker comment (see studylog.blog.meta)."""

    line: int
    name: str
    data: dict


InBlock = Heading | Paragraph | CodeBlock | ListBlock | FoldStart | FoldEnd | Marker


class ReadError(Exception):
    """The post cannot be read: the line it happened on and what was expected there."""

    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message

"""The blocks a post is laid out in, independent of Markdown or HTML; each writer renders them all.

Prose and Lead text is Markdown (the user's, as typed); Heading and Item text is plain and escaped by
each writer.
"""

from __future__ import annotations

from dataclasses import dataclass

from studylog.blog.code_fences import Code, Prose

__all__ = ["Block", "Code", "Fold", "Heading", "Item", "Items", "Lead", "Marker", "Prose", "Table"]

FOLD_LABEL = "더보기"  # Tistory's "show more" fold, and the <summary> of a Markdown <details>
FOLD_CLOSE_LABEL = "닫기"
FOLDED_KINDS = frozenset({"curriculum"})  # sections the post folds whole (a long curriculum list)


@dataclass(frozen=True)
class Heading:
    """The post's title (level 1) or a section's."""

    level: int  # 1 = the post's title, 2 = a `*` section, 3 = a `-` subsection
    text: str


@dataclass(frozen=True)
class Lead:
    """Markdown led by a fixed label (`Q1.`, `A1.`), kept apart from the user's text."""

    label: str
    text: str
    one_line: bool = False  # an escaped title: always joined to its label, as it can start no block


@dataclass(frozen=True)
class Item:
    """One line of a list (a study link, a verified claim); url makes the line a link."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class Items:
    """A bulleted list, or a numbered one (references cited by number)."""

    items: tuple[Item, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    """A table of plain-text cells (a check's claims, an audited paper table), escaped by each writer."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Fold:
    """Blocks shown only after a click on 더보기."""

    blocks: tuple


@dataclass(frozen=True)
class Marker:
    """A hidden marker (see meta.py) that tells import what the next blocks are; `source` (the Markdown
    of a body, question or answer) is written only into HTML, where import cannot read it back otherwise."""

    name: str
    data: dict | None = None
    source: dict | None = None


Block = Heading | Prose | Lead | Code | Items | Table | Fold | Marker

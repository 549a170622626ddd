"""Split the user's text into prose and fenced code blocks, and write a fence that fits any code.

Section bodies, questions and answers are the user's text: shown exactly as typed, except that a
CommonMark code fence (a line of three or more backticks or tildes, up to a closing line of the
same) stays a code block with its language. A fence that is never closed is prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = re.compile(r"^(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Prose:
    text: str


@dataclass(frozen=True)
class Code:
    lang: str
    content: str


def _closes(line: str, fence: str) -> bool:
    stripped = line.rstrip(" \t")
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def split_code(text: str) -> list[Prose | Code]:
    """The text as prose and code segments, in order; blank prose between code blocks is dropped."""
    lines = text.split("\n")
    segments: list[Prose | Code] = []
    prose: list[str] = []
    i = 0
    while i < len(lines):
        opening = OPENING.match(lines[i])
        if opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            close = next((j for j in range(i + 1, len(lines)) if _closes(lines[j], opening["fence"])), None)
            if close is not None:
                segments.append(Prose("\n".join(prose)))
                prose = []
                info = opening["info"].split()
                segments.append(Code(info[0] if info else "", "\n".join(lines[i + 1 : close])))
                i = close + 1
                continue
        prose.append(lines[i])
        i += 1
    segments.append(Prose("\n".join(prose)))
    return [s for s in segments if not isinstance(s, Prose) or s.text.strip("\n")]


def fence_for(content: str) -> str:
    """A backtick fence longer than any backtick run that could close it (up to 3 spaces in)."""
    runs = [len(m.group(1)) for m in re.finditer(r"^ {0,3}(`+)", content, re.MULTILINE)]
    return "`" * max(3, max(runs, default=0) + 1)


def as_fenced(lang: str, content: str) -> str:
    """Code as the user's text stores it: a fenced block."""
    fence = fence_for(content)
    return f"{fence}{lang}\n{content}\n{fence}" if content else f"{fence}{lang}\n{fence}"

"""What both writers do to the user's prose: paragraphs and line breaks kept, and whitespace that a
renderer would swallow (leading, trailing, runs, tabs) written as character references.

Spaces that would vanish become `&nbsp;`, as blog editors write them, so the post displays them and
import reads them back as spaces; every other kept whitespace character is written by number (a
no-break space the user typed as `&#160;`, a tab as `&#9;`), so import gives back that character.
"""

from __future__ import annotations

import re
from collections.abc import Callable


def paragraphs(text: str) -> list[list[str]]:
    """The text's paragraphs as lists of lines; a paragraph after n > 1 blank lines starts with n - 1 ''."""
    result: list[list[str]] = []
    current: list[str] = []
    blanks = 0
    for line in text.strip("\n").split("\n"):
        if line == "":
            blanks += 1
            continue
        if blanks and current:
            result.append(current)
            current = [""] * (blanks - 1)
        blanks = 0
        current.append(line)
    return result + [current] if current else result


def escaped_paragraphs(text: str, escape: Callable[[str], str], label: str = "") -> list[list[str]]:
    """The text's paragraphs with every line through escape, the first led by label (given as the format writes it)."""
    result = [[escape(line) for line in lines] for lines in paragraphs(text)]
    if label:
        if result:
            result[0][0] = f"{label} {result[0][0]}"
        else:
            result = [[label]]
    return result


def _whitespace_entity(char: str) -> str:
    return "&nbsp;" if char == " " else f"&#{ord(char)};"


def escape_line(line: str, escape_char: Callable[[str, int, str], str], kept: re.Pattern | None = None) -> str:
    """The line with kept whitespace as references and every other character through escape_char(line, i, char).

    A space stays a plain space only between two characters that are not whitespace. `kept` may match
    runs that come out as they are (characters escape_char leaves alone wherever they stand, lone spaces):
    they are copied whole, not a character at a time (a long post's text is millions of characters).
    """
    out = []
    last = len(line) - 1
    i = 0
    while i <= last:
        if kept is not None and (run := kept.match(line, i)):
            out.append(run[0])
            i = run.end()
            continue
        char = line[i]
        if char.isspace():
            lone = char == " " and 0 < i < last and not line[i - 1].isspace() and not line[i + 1].isspace()
            out.append(" " if lone else _whitespace_entity(char))
        else:
            out.append(escape_char(line, i, char))
        i += 1
    return "".join(out)

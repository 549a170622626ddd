"""Text on its way to a terminal: control characters shown, never obeyed.

Imported posts and typed text can hold escape sequences (OSC 52 writes the clipboard, CSI moves the
cursor, a bidi override reorders a line). Everything studylog prints, in the CLI and in the app, goes
through `printable`; an error message goes through `one_line` as well, so it is always one line.
"""

from __future__ import annotations

C0 = range(0x00, 0x20)
C1 = range(0x80, 0xA0)
BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]  # embeddings, overrides, isolates (Trojan Source)


def _shown(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_VISIBLE = {code: _shown(code) for code in (*C0, 0x7F, *C1, *BIDI) if chr(code) not in "\n\t"}
_ONE_LINE = {**_VISIBLE, ord("\n"): "\\n", ord("\t"): " ", 0x2028: "\\u2028", 0x2029: "\\u2029"}


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (0x7F, *C1, *BIDI, 0x2028, 0x2029)}


def json_text(value, indent: int | None = None, sort_keys: bool = False) -> str:
    """value as JSON with Korean kept as is, and every character a terminal would obey as a \\u escape
    (json escapes C0 itself; C1, DEL and bidi controls it leaves raw when ensure_ascii is off)."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys).translate(_JSON_ESCAPES)


def printable(text: str) -> str:
    """`text` with every control character but newline and tab written out (ESC as `\\x1b`)."""
    return text.translate(_VISIBLE)


def one_line(text: str) -> str:
    """`text` as printable, one line: line breaks written out as `\\n`, tabs as spaces, trailing space dropped."""
    return text.rstrip().translate(_ONE_LINE)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """`1 question`, `3 questions`, `0 links`: a count with its noun in the number it takes."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"

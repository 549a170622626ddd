"""The literal guard: escape the few spans of a Markdown body that a renderer would turn into markup
nobody meant, and nothing else.

What it escapes (the seed post lost `192*1*1*64` to emphasis):
- `*` between ASCII letters or digits: `192*1*1*64`, `3*3*64*64`, `a*b*c`, `x**2`;
- the underscores of a dunder name: `__init__`, `__call__`;
- `<word>` that is not an HTML tag a post may use (`List<int>`, `<pad>`): its `<` becomes `\\<`;
- a `</details>` that closes no fold the text opened: in a post it would close the 더보기 fold around it.
  Inside raw HTML (a line after `</div>` or `<p>`, before a blank line) a backslash is no escape, so
  there it is written `&lt;/details>`, as HTML writes a literal `<`.
Never inside fenced or indented code, code spans, `$…$`/`$$…$$` math, link destinations, autolinks,
bare URLs or HTML comments. Escaping twice changes nothing (an escaped `\\*` is not guarded again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALLOWED_TAGS = frozenset(
    "a abbr b br blockquote center code details div em figure figcaption font h1 h2 h3 h4 h5 h6 hr i img kbd "
    "li mark ol p pre s span strike strong sub summary sup table tbody td th thead tr u ul video iframe".split()
)
MATH = r"\$\$.+?\$\$|(?<![\\$])\$(?=\S)[^$\n]*?(?<=\S)\$(?!\d)"  # `$$…$$`, `$…$` (not `$5 and $6`)
# Spans the guard leaves alone, tried left to right at each position.
PROTECTED = re.compile(
    r"(?P<code>(?P<ticks>`+).*?(?<!`)(?P=ticks)(?!`))"
    rf"|(?P<math>{MATH})"
    r"|(?P<dest>\]\([^)\s]*(?:\s+\"[^\"]*\")?\))"
    r"|(?P<auto><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>)"
    r"|(?P<url>https?://[^\s<>)\]]+)"
    r"|(?P<comment><!--.*?-->)"
)
PRODUCT = re.compile(r"[A-Za-z0-9]+(?:\*+[A-Za-z0-9]+)+")  # its `*` runs would open emphasis
DUNDER = re.compile(r"(?<![\\\w])(__+)([A-Za-z][A-Za-z0-9_]*?)(__+)(?!\w)")
STRAY_TAG = re.compile(r"(?<!\\)<(/?)([A-Za-z][A-Za-z0-9_-]*)(?=[\s/>])(?=(?P<rest>[^<>\n]*>)?)")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A line that starts a CommonMark HTML block of kind 6 (it runs to the next blank line); list markers before it.
HTML_BLOCK = re.compile(
    r"^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)*</?(?:address|article|aside|blockquote|center|details|dialog|dd|div|dl|dt|"
    r"fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|tbody|td|"
    r"tfoot|th|thead|tr|ul)(?:[\s/>]|$)",
    re.IGNORECASE,
)
RAW_CLOSING = "&lt;/details"  # a stray </details> inside raw HTML
MATH_FENCE = re.compile(r"^ {0,3}\$\$\s*$")


@dataclass(frozen=True)
class Guarded:
    """The guarded text and the spans it escaped, as (line index, span as typed) pairs: a whole product
    (`192*1*1*64`), a dunder name (`__init__`), a tag (`<pad>`, `</details>`)."""

    text: str
    escaped: tuple[tuple[int, str], ...]


def _guard_plain(part: str, found: list[str], folds: list[int], raw: bool) -> str:
    def product(m: re.Match) -> str:
        found.append(m[0])
        return m[0].replace("*", "\\*")

    def dunder(m: re.Match) -> str:
        found.append(m[0])
        return "\\_" * len(m[1]) + m[2] + "\\_" * len(m[3])

    def tag(m: re.Match) -> str:
        name, closing = m[2].lower(), bool(m[1])
        if name == "details" and closing and folds[0] == 0:
            found.append(m[0] + (m["rest"] or ""))  # closes no fold of this text: it would close the post's own
            return RAW_CLOSING if raw else "\\<" + m[1] + m[2]
        if name == "details":
            folds[0] += -1 if closing else 1
        if name in ALLOWED_TAGS:
            return m[0]
        found.append(m[0] + (m["rest"] or ""))
        return "\\<" + m[1] + m[2]

    return PRODUCT.sub(product, DUNDER.sub(dunder, STRAY_TAG.sub(tag, part)))


def _guard_line(line: str, found: list[str], folds: list[int], in_html: bool) -> str:
    """The line guarded; in_html when an earlier line began the raw HTML block it belongs to. A line that
    itself begins one once guarded is guarded again as raw HTML."""
    depth = folds[0]
    for raw in (in_html, True):
        out, last, folds[0], found_here = [], 0, depth, []
        for m in PROTECTED.finditer(line):
            out += [_guard_plain(line[last : m.start()], found_here, folds, raw), m[0]]
            last = m.end()
        out.append(_guard_plain(line[last:], found_here, folds, raw))
        guarded_line = "".join(out)
        if raw or not HTML_BLOCK.match(guarded_line):
            break
    found += found_here
    return guarded_line


def guard(text: str) -> Guarded:
    """The Markdown text with the literal guard applied, and what it escaped."""
    lines = text.split("\n")
    escaped: list[tuple[int, str]] = []
    fence: str | None = None
    in_math = False
    previous_blank = True
    in_html = False  # inside a raw HTML block (it ends at a blank line)
    folds = [0]  # <details> this text opened and has not closed yet
    for i, line in enumerate(lines):
        opening = FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence) and not line.strip()[len(opening[1]):].strip():
                fence = None
        elif opening:
            fence = opening[1]
        elif MATH_FENCE.match(line):
            in_math = not in_math
        elif in_math or (previous_blank and line.startswith(("    ", "\t"))):
            pass  # display math, or an indented code block
        else:
            found: list[str] = []
            lines[i] = _guard_line(line, found, folds, in_html)
            escaped += [(i, span) for span in found]
            in_html = in_html or bool(HTML_BLOCK.match(lines[i]))
        previous_blank = not line.strip() or (previous_blank and line.startswith(("    ", "\t")))
        in_html = in_html and not previous_blank
    return Guarded("\n".join(lines), tuple(escaped))


GUARD_ESCAPE = re.compile(r"\\(?=[*_<])")  # the only backslashes the guard writes: before `*`, `_` and `<`


def unguarded(text: str) -> str:
    """The text a post's guarded text came from: the guard's backslashes taken out of each line where guarding
    again writes that very line (a backslash the author typed stays). Import uses it, so a body that went out
    in a post comes back as typed (`192*1*1*64`), not with the post's escapes; guard(unguarded(t)) == t."""
    lines = text.split("\n")
    bare = [GUARD_ESCAPE.sub("", line).replace(RAW_CLOSING, "</details") for line in lines]
    again = guard("\n".join(bare)).text.split("\n")
    kept = "\n".join(b if g == line else _unguarded_line(line) for line, b, g in zip(lines, bare, again))
    return kept if guard(kept).text == text else text


def _unguarded_line(line: str) -> str:
    """A line that also holds the author's own backslashes: the guard's taken out one word at a time (a product,
    a dunder name, a tag), kept out when guarding the line writes it back."""
    kept = line
    for word in reversed(list(re.finditer(r"\S+", line))):
        candidate = kept[: word.start()] + GUARD_ESCAPE.sub("", word[0]) + kept[word.end():]
        if candidate != kept and guard(candidate).text == line:
            kept = candidate
    return kept


def for_post(text: str) -> Guarded:
    """A body, question or answer as a post carries it: blank lines at either end dropped, then guarded."""
    return guard(text.strip("\n"))


def closed(text: str) -> str:
    """The text with a code fence it leaves open closed, so what follows it in a post stays outside it."""
    fence: str | None = None
    for line in text.split("\n"):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening[1]
        elif fence is not None and opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence) \
                and not line.strip()[len(opening[1]):].strip():
            fence = None
    return text if fence is None else f"{text}\n{fence}"


def guarded(text: str) -> str:
    """Just the guarded text."""
    return guard(text).text

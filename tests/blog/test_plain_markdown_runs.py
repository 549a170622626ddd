"""Plain text as Markdown copies runs that need no escaping whole (plain_markdown.KEPT_AS_IS): the result
must be what escaping each character gives, for any text, whitespace and markup characters included."""

from __future__ import annotations

from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from studylog.blog import plain_markdown
from studylog.blog.plain_markdown import escape_inline, escape_line, plain_to_markdown

# markup characters, every kind of whitespace str.isspace() knows, digits before `.`/`)`, entities, math, URLs
PIECES = st.sampled_from([
    "a", "Z", "가", "한국어", "9", "12", ".", ")", "1. ", "- ", "> ", "+", "=", "#", "*", "_", "`", "\\", "[", "]", "<", ">",
    "|", "~", "$", "&", "&amp;", "&#9;", "&nbsp;", " ", "  ", "\t", "\u00a0", "\u3000", "\x1c", "\x0b", "\n", "\n\n",
    "$\\sqrt{d_k}$", "$a + b$", "https://example.com/a_b?q=1", "(https://x.y/(z))", "192*1*1*64", "__init__", "```\ncode\n```\n",
])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def per_character(function, text: str) -> str:
    with patch.object(plain_markdown, "KEPT_AS_IS", None):
        return function(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_copying_runs_gives_what_escaping_each_character_gives(text):
    assert plain_to_markdown(text) == per_character(plain_to_markdown, text)
    for line in text.split("\n"):
        assert escape_line(line) == per_character(escape_line, line)
        assert escape_inline(line) == per_character(escape_inline, line)

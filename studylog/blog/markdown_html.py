"""Markdown as the HTML a blog shows, by markdown-it-py with mdit-py-plugins: CommonMark, GFM tables and
strikethrough, `$…$`/`$$…$$` math kept as typed for the blog's MathJax/KaTeX, task lists, footnotes.

The same parser reads posts back (read/markdown.py), so what import sees is what this renders.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin


def _math_inline(self, tokens, idx, options, env) -> str:
    return escape(f"${tokens[idx].content}$", quote=False)


def _math_block(self, tokens, idx, options, env) -> str:
    return "<p>" + escape(f"$${tokens[idx].content.strip()}$$", quote=False) + "</p>\n"


def _fence(self, tokens, idx, options, env) -> str:
    """A code block as Tistory's editor writes one, with its language."""
    token = tokens[idx]
    lang = escape(token.info.split()[0]) if token.info.strip() else ""
    attrs = f' class="{lang}" data-ke-language="{lang}"' if lang else ""
    code_class = f' class="language-{lang}"' if lang else ""
    return f'<pre{attrs} data-ke-type="codeblock"><code{code_class}>{escape(token.content, quote=False)}</code></pre>\n'


def _text_special(self, tokens, idx, options, env) -> str:
    """An escaped character; a whitespace reference (`&#9;`, `&nbsp;`) stays a reference, so a browser keeps it."""
    token = tokens[idx]
    if token.info == "entity" and token.content.isspace():
        return token.markup
    return escape(token.content, quote=False)


def post_syntax() -> MarkdownIt:
    """A new parser of the syntax posts are written in: CommonMark with HTML (<details> folds, marker comments),
    GFM tables and strikethrough, `$…$`/`$$…$$` math. The app's preview (blog/preview.py) starts from it too."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(dollarmath_plugin, double_inline=True)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The one Markdown parser of posts, with task lists and footnotes."""
    md = (
        post_syntax()
        .disable("text_join")  # entities stay tokens of their own, so import tells `&nbsp;` from `&#160;`
        .use(tasklists_plugin)
        .use(footnote_plugin)
    )
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_inline_double", _math_inline)
    md.add_render_rule("math_block", _math_block)
    md.add_render_rule("fence", _fence)
    md.add_render_rule("text_special", _text_special)
    return md


def to_html(text: str) -> str:
    """The Markdown text as an HTML fragment, paragraphs sized as Tistory's editor writes them."""
    return parser().render(text).replace("<p>", '<p data-ke-size="size16">')

"""Blocks as the HTML of Tistory's editor (paste it into the HTML mode): the user's Markdown rendered by
markdown-it-py (markdown_html), the moreLess fold, headings and links escaped as plain text.

Each marker carries the Markdown it stands for (`source`), so import gets the user's text back exactly.
"""

from __future__ import annotations

from html import escape

from studylog.blog import prose
from studylog.blog.blocks import FOLD_CLOSE_LABEL, FOLD_LABEL, Block, Code, Fold, Heading, Items, Lead, Marker, Prose, Table
from studylog.blog.markdown_html import to_html
from studylog.blog.meta import marker
from studylog.blog.to_markdown import lead

HEADING_SIZES = {1: "size26", 2: "size26", 3: "size23", 4: "size20", 5: "size18", 6: "size16"}
HTML_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def escape_line(line: str) -> str:
    """One line of plain text (a title, a link's line) as HTML that displays exactly that text."""
    return prose.escape_line(line, lambda _line, _i, char: HTML_ESCAPES.get(char, char))


def _code(lang: str, content: str) -> str:
    lang_attrs = f' class="{escape(lang)}" data-ke-language="{escape(lang)}"' if lang else ""
    code_class = f' class="language-{escape(lang)}"' if lang else ""
    return f'<pre{lang_attrs} data-ke-type="codeblock"><code{code_class}>{escape(content, quote=False)}\n</code></pre>'


def _items(block: Items) -> str:
    items = []
    for item in block.items:
        text = escape_line(item.text)
        live = item.url.startswith(("http://", "https://"))
        items.append(f'<li><a href="{escape(item.url)}">{text}</a></li>' if live else f"<li>{text}</li>")
    tag, kind = ("ol", "decimal") if block.numbered else ("ul", "disc")
    return f'<{tag} data-ke-list-type="{kind}">\n' + "\n".join(items) + f"\n</{tag}>"


# Inline styles, as the blog keeps no stylesheet of ours: a table scrolls sideways on a phone instead of
# squeezing its columns, in a smaller type, each cell's lines kept together where Korean words would split.
TABLE_WRAPPER = "overflow-x:auto;-webkit-overflow-scrolling:touch;margin:8px 0"
TABLE_STYLE = "border-collapse:collapse;font-size:0.85em;line-height:1.45;word-break:keep-all"
CELL_STYLE = "border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top"


def _table(block: Table) -> str:
    def row(cells, tag: str) -> str:
        return "<tr>" + "".join(f'<{tag} style="{CELL_STYLE}">{escape_line(cell)}</{tag}>' for cell in cells) + "</tr>"
    body = "\n".join(row(cells, "td") for cells in block.rows)
    return (f'<div style="{TABLE_WRAPPER}"><table data-ke-align="alignLeft" style="{TABLE_STYLE}">\n'
            f"<thead>{row(block.header, 'th')}</thead>\n<tbody>\n{body}\n</tbody>\n</table></div>")


def _block(block: Block) -> str:
    match block:
        case Marker(name, data, source):
            return f"<!--{marker(name, {**(data or {}), **(source or {})} or None)}-->"
        case Heading(level, text):
            tag = f"h{level}"
            return f'<{tag} data-ke-size="{HEADING_SIZES[level]}">{escape_line(text)}</{tag}>'
        case Lead(label, text, one_line):
            return to_html(lead(label, text, one_line)).rstrip("\n")
        case Prose(text):
            return to_html(text).rstrip("\n")
        case Code(lang, content):
            return _code(lang, content)
        case Items():
            return _items(block)
        case Table():
            return _table(block)
        case Fold(blocks):
            return (
                f'<div data-ke-type="moreLess" data-text-more="{FOLD_LABEL}" data-text-less="{FOLD_CLOSE_LABEL}">'
                f'<a class="btn-toggle-moreless">{FOLD_LABEL}</a>\n'
                f'<div class="moreless-content">\n{render(blocks).rstrip()}\n</div>\n</div>'
            )
    raise TypeError(f"no HTML for {block!r}")


def render(blocks) -> str:
    """The blocks as one HTML fragment."""
    return "".join(text + "\n" for text in map(_block, blocks) if text)

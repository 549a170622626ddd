"""A section body or a question as the post shows it, for the app's preview: the Markdown export writes
(literal guard applied, a code fence left open closed), what the guard escaped, and a parser for a renderer
that knows neither math nor HTML (Textual's Markdown widget), which shows both as typed instead of dropping them.
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from studylog.blog.blocks import FOLD_LABEL, FOLDED_KINDS
from studylog.blog.guard import closed, for_post
from studylog.blog.markdown_html import post_syntax
from studylog.blog.plain_markdown import escape_line, one_line
from studylog.blog.to_markdown import lead

NOTE_PREFIX = "Escaped so they read literally: "


@dataclass(frozen=True)
class Preview:
    """markdown: the text as export writes it; escaped: each span the guard escaped, once, in typed order;
    folded: what the post shows inside a fold that readers open ("" for nothing: "this" for a curriculum
    section, "the answer" for a question)."""

    markdown: str
    escaped: tuple[str, ...]
    folded: str = ""

    @property
    def note(self) -> str:
        """What the rendered Markdown alone does not say: the fold, and what the guard escaped ("" when neither)."""
        lines = [f"In the post {self.folded} is folded under {FOLD_LABEL}: readers open it to read it."] if self.folded else []
        return "\n".join(lines + ([NOTE_PREFIX + ", ".join(self.escaped)] if self.escaped else []))


def _guarded(text: str) -> tuple[str, tuple[str, ...]]:
    """The text as export writes it (guarded, a code fence left open closed) and the spans escaped, in typed order."""
    guarded, lines = for_post(text), text.strip("\n").split("\n")
    ordered = sorted(guarded.escaped, key=lambda found: (found[0], lines[found[0]].find(found[1])))
    return closed(guarded.text), tuple(span for _line, span in ordered)


def preview(body: str, kind: str = "") -> Preview:
    """The body of a section of this kind as the exported post carries it, and what the literal guard escaped."""
    markdown, escaped = _guarded(body)
    return Preview(markdown, tuple(dict.fromkeys(escaped)), "this" if kind in FOLDED_KINDS else "")


def question_preview(title: str, question: str, answer: str) -> Preview:
    """A question as the exported post carries it (blog.layout): `Q.` and its title, the question in full when it
    says more than the title, then `A.` and the answer, which the post folds."""
    asked, asked_escaped = _guarded(question) if question.strip() and question != title else ("", ())
    answered, answer_escaped = _guarded(answer)
    parts = [lead("**Q.**", escape_line(one_line(title)), one_line=True), asked, lead("**A.**", answered)]
    return Preview("\n\n".join(part for part in parts if part), tuple(dict.fromkeys(asked_escaped + answer_escaped)),
                   "the answer")


def _typed_as_code(state: StateCore) -> None:
    """Math and raw HTML become code showing them as typed: a renderer without math or HTML support keeps them."""
    for token in state.tokens:
        if token.type in ("math_block", "math_block_label"):
            label = f" ({token.info})" if token.type == "math_block_label" else ""
            token.type, token.tag, token.info = "fence", "code", "latex"
            token.content = f"$${token.content}$${label}"
        elif token.type == "html_block":
            token.type, token.tag, token.info = "fence", "code", "html"
        elif token.type == "inline":
            for child in token.children or ():
                if child.type in ("math_inline", "math_inline_double"):
                    child.type, child.content = "code_inline", f"{child.markup}{child.content}{child.markup}"
                elif child.type == "html_inline":
                    child.type = "code_inline"


def preview_parser() -> MarkdownIt:
    """A new parser of the post's syntax (markdown_html.post_syntax) whose math and HTML come out as code."""
    md = post_syntax()
    md.core.ruler.push("typed_as_code", _typed_as_code)
    return md

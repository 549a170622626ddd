"""The app's preview of a section: the Markdown export writes for its body, the spans the literal guard
escaped (each as typed, once), and a parser that shows math and HTML as typed to a renderer without them."""

from __future__ import annotations

import subprocess
import sys

from studylog.blog.export import export_week
from studylog.blog.preview import NOTE_PREFIX, preview, preview_parser, question_preview
from studylog.journal.sections import update_section
from studylog.journal.weeks import find_week, week_detail

BODY = "\n\n가지1 : 192*1*1*64 = 12288, `a*b` 와 List<int>\n$\\sqrt{d_k}$ 로 나눈다, __init__ 에서 다시 192*1*1*64\n\n```python\nx*y\n"


def inline_children(markdown: str) -> list[tuple[str, str]]:
    return [(c.type, c.content) for t in preview_parser().parse(markdown) if t.type == "inline" for c in t.children]


def test_the_preview_is_the_guarded_markdown_with_what_was_escaped_named_once_in_typed_order():
    shown = preview(BODY)
    assert shown.markdown == (
        "가지1 : 192\\*1\\*1\\*64 = 12288, `a*b` 와 List\\<int>\n$\\sqrt{d_k}$ 로 나눈다, \\_\\_init\\_\\_ 에서 다시 "
        "192\\*1\\*1\\*64\n\n```python\nx*y\n```"
    )
    assert shown.escaped == ("192*1*1*64", "<int>", "__init__")
    assert shown.note == NOTE_PREFIX + "192*1*1*64, <int>, __init__"


def test_nothing_escaped_means_no_note():
    shown = preview("- [노트](https://example.com/a_b) **굵게** $a*b$")
    assert shown.escaped == () and shown.note == ""


def test_the_preview_shows_exactly_what_export_writes_for_the_body(demo_db):
    week_id = find_week(demo_db, 4).id
    section = next(s for s in week_detail(demo_db, week_id).sections if s.title == "짧은 소감")
    update_section(demo_db, section.id, body=BODY)
    exported = export_week(demo_db, week_id, "markdown", with_checks=False)
    assert "\n" + preview(BODY).markdown + "\n" in exported


def test_formulas_render_as_typed_and_math_stays_as_typed_code():
    children = inline_children(preview(BODY).markdown)
    text = "".join(content for kind, content in children if kind in ("text", "softbreak"))
    assert "192*1*1*64 = 12288" in text and "List<int>" in text and "__init__" in text
    assert ("code_inline", "$\\sqrt{d_k}$") in children and ("code_inline", "a*b") in children


def test_display_math_and_html_blocks_come_out_as_typed_code():
    typed_math = "$$\n\\mathbb{Z}_{+}\n$$"
    tokens = preview_parser().parse(f"{typed_math}\n\n<details>\n<summary>더보기</summary>\n\n본문 $$x_1$$ <b>굵게</b>\n\n</details>\n")
    fences = [(t.info, t.content) for t in tokens if t.type == "fence"]
    assert fences == [("latex", typed_math), ("html", "<details>\n<summary>더보기</summary>\n"), ("html", "</details>\n")]
    children = [(c.type, c.content) for t in tokens if t.type == "inline" for c in t.children]
    assert ("code_inline", "$$x_1$$") in children and ("code_inline", "<b>") in children and ("text", "굵게") in children
    assert not [t.type for t in tokens if "math" in t.type or "html" in t.type]


def test_a_section_the_post_folds_says_so(demo_db):
    week_id = find_week(demo_db, 4).id
    curriculum = next(s for s in week_detail(demo_db, week_id).sections if s.kind == "curriculum")
    shown = preview(curriculum.body, curriculum.kind)
    exported = export_week(demo_db, week_id, "markdown", with_checks=False)
    assert f"<summary>더보기</summary>\n\n{shown.markdown}\n\n</details>" in exported
    assert shown.note == "In the post this is folded under 더보기: readers open it to read it."
    assert not preview(curriculum.body, "reflection").folded


def test_the_preview_stays_off_the_database_code():
    """The week screen imports it; screens leave SQLAlchemy to the services, and nothing here needs torch or textual."""
    probe = "import sys, studylog.blog.preview; print([m for m in ('sqlalchemy', 'torch', 'textual') if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_question_previews_with_the_text_and_answer_the_post_writes(demo_db):
    week_id = find_week(demo_db, 4).id
    question = next(q for q in week_detail(demo_db, week_id).questions if q.slug == "inception-v1-params")
    shown = question_preview(question.title, question.question, question.answer)
    exported = export_week(demo_db, week_id, "markdown", with_checks=False)
    asked, answered = shown.markdown.split("**A.**", 1)
    assert asked.startswith("**Q.** Inception v1을") and asked.split("\n\n", 1)[1].strip() in exported
    assert answered.strip() in exported and "2.7k는 7\\*1 / 1\\*7 커널" in answered
    assert shown.note.splitlines()[0] == "In the post the answer is folded under 더보기: readers open it to read it."
    assert shown.escaped[:2] == ("1*7*7*64", "192*1*1*64")  # the question's spans first, each once, as typed


def test_a_question_whose_text_is_its_title_shows_it_once():
    shown = question_preview("왜 ReLU를 쓰나?", "왜 ReLU를 쓰나?", "")
    assert shown.markdown == "**Q.** 왜 ReLU를 쓰나?\n\n**A.**" and shown.escaped == ()

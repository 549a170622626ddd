"""`studylog export`: the demo week laid out like the seed post, in Markdown and Tistory HTML, with
each question's verification from stored check runs, and no torch imported."""

from __future__ import annotations

import re
from datetime import date

import pytest
from click.testing import CliRunner

from studylog.blog.export import export_week, render_post
from studylog.blog.from_week import build_post
from studylog.blog.post import Post, byline, parse_byline
from studylog.cli import cli
from studylog.journal.weeks import date_range, find_week, week_detail
from blog_visible import COMMONMARK, GFM_LIKE, shows, tables_and_numbered_lists, visible_markdown, visible_text
from recorded_runs import PAPER, WEIGHTS, record

SEED_ORDER = [
    "주차별 학습 내용 목차.", "짧은 소감", "피어세션", "스페셜피어세션 진행.", "스페셜 세션(이고잉님의 깃허브 특강)",
    "멘토링", "진행한 내용", "주말 계획", "다음주 계획", "< 목표 >", "공부 내용 링크",
]


def demo_post(db, fmt="markdown", with_checks=False) -> str:
    return export_week(db, find_week(db, 4).id, fmt, with_checks=with_checks)


def folds(html: str) -> list[str]:
    """The visible text folded under each 더보기 (a <details> or Tistory's moreLess div)."""
    found = re.findall(r"<details>\s*<summary>더보기</summary>(.*?)</details>", html, re.S)
    found += re.findall(r'<div class="moreless-content">(.*?)</div>\n</div>', html, re.S)
    return [visible_text(f) for f in found]


@pytest.mark.parametrize("fmt", ["markdown", "tistory-html"])
def test_demo_week_reads_like_the_seed_post(demo_db, fmt):
    post = demo_post(demo_db, fmt)
    html = COMMONMARK.render(post) if fmt == "markdown" else post
    shown = visible_text(html)
    assert shown.startswith("[week4] 네부캠 ai tech 4주차 회고\n\n2023-11-27 ~ 2023-12-01 · 네이버 부스트캠프 AI Tech 6기")
    headings = [visible_text(h) for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html)]
    assert headings == SEED_ORDER
    assert "가지1 : 192*1*1*64 = 12288" in shown and "19211" not in shown
    assert shows(shown, "2023.11.28 - [et al/Docker&git] - [git] vscode로 git commit 하는 법")
    folded = folds(html)
    assert len(folded) == 4  # the curriculum and the three answers
    assert folded[0].startswith("1주차 : 파이썬 기초 문법")
    assert [f[:4] for f in folded[1:]] == ["A1. ", "A2. ", "A3. "]
    assert "```python\nclass GoogLeNet(nn.Module):" in folded[3] and "return x, aux2, aux1" in folded[3]
    for question in week_detail(demo_db, find_week(demo_db, 4).id).questions:
        assert shows(shown, f"Q{question.position + 1}. {question.title}")
        assert all(question.title not in fold for fold in folded)


def test_tistory_html_uses_the_editors_fold_and_code_block(demo_db):
    html = demo_post(demo_db, "tistory-html")
    fold = '<div data-ke-type="moreLess" data-text-more="더보기" data-text-less="닫기"><a class="btn-toggle-moreless">더보기</a>'
    assert html.count(fold) == 4 and html.count('<div class="moreless-content">') == 4
    assert '<pre class="python" data-ke-language="python" data-ke-type="codeblock">' in html


def answer2_html(html: str) -> str:
    """The HTML of the second question's fold."""
    return re.findall(r"<details>\s*<summary>더보기</summary>(.*?)</details>", html, re.S)[2]


def test_each_question_shows_its_verification(demo_db):
    record(demo_db, "inception-3a-weights", [WEIGHTS, PAPER])
    record(demo_db, "cross-entropy-includes-softmax", [], current=False)
    html = GFM_LIKE.render(demo_post(demo_db, with_checks=True))
    folded = folds(html)
    answer2 = folded[2]
    today = re.search(r"· (\d{4}-\d{2}-\d{2})", answer2)[1]
    assert shows(answer2, f"검증 inception-3a-weights: passed · cpu (Test CPU) · torch 2.14.1 · torchvision 0.29.1 · {today}")
    tables, numbered = tables_and_numbered_lists(answer2_html(html))
    assert tables == [[
        ["claim", "computed", "expected or printed", "verdict"],
        [WEIGHTS["label"], f"{163328:,}", f"{163328:,}", "✓ holds"],
        [f"{PAPER['label']} [1, Table 1]", f"{163328:,}", "159K", "✗ differs"],
    ]]
    assert numbered == [[("Szegedy et al. 2014", "")]]  # the document, once, under the table
    assert "stale: the check changed since this run" in folded[3] and "검증" not in folded[1]


def test_no_checks_leaves_verification_out(demo_db):
    record(demo_db, "inception-3a-weights", [WEIGHTS])
    assert "검증" in demo_post(demo_db, with_checks=True)
    assert "검증" not in demo_post(demo_db, with_checks=False)
    result = CliRunner().invoke(cli, ["export", "4", "--no-checks"])
    assert result.exit_code == 0 and "검증" not in result.output and result.output == demo_post(demo_db)


def test_building_and_exporting_agree_on_including_checks(demo_db):
    record(demo_db, "inception-3a-weights", [WEIGHTS])
    week_id = find_week(demo_db, 4).id
    assert render_post(build_post(demo_db, week_id)) == export_week(demo_db, week_id)
    assert "검증 inception-3a-weights" in export_week(demo_db, week_id)


def test_export_writes_a_file(demo_db, tmp_path):
    target = tmp_path / "week4.html"
    result = CliRunner().invoke(cli, ["export", "4", "--format", "tistory-html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == demo_post(demo_db, "tistory-html", with_checks=True)


def test_export_into_a_missing_folder_names_the_path(demo_db, tmp_path):
    target = tmp_path / "no-such-folder" / "week4.md"
    result = CliRunner().invoke(cli, ["export", "4", "-o", str(target)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert f"Error: cannot write {target}: No such file or directory" in result.output


def test_exporting_a_missing_week_says_so(demo_db):
    result = CliRunner().invoke(cli, ["export", "9"])
    assert result.exit_code == 1 and "no week 9" in result.output


@pytest.mark.parametrize("start, end", [(date(2023, 11, 27), date(2023, 12, 1)), (date(2023, 11, 27), None), (None, date(2023, 12, 1))])
def test_the_byline_shows_the_journals_date_range_and_reads_back(start, end):
    post = Post(number=4, title="회고", course="부스트캠프", start_date=start, end_date=end)
    assert byline(post) == f"{date_range(start, end)} · 부스트캠프"
    assert parse_byline(byline(post)) == (start, end, "부스트캠프")


def test_the_demo_question_exports_as_the_readme_shows(demo_db):
    """The README's excerpt of question 2, up to its verification (which depends on the machine), is the export's."""
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    excerpt = readme.split("The demo's second question, exported after", 1)[1].split("```markdown\n", 1)[1].split("```", 1)[0]
    shown = excerpt.split("<!-- studylog:verification -->")[0]
    lines = [line for line in shown.splitlines() if line and "…" not in line]
    exported = demo_post(demo_db).splitlines()
    assert len(lines) >= 4 and all(line in exported for line in lines), [l for l in lines if l not in exported]
    assert "가지1 : 192\\*1\\*1\\*64 = 12288" in lines

"""Fuzzed posts through `studylog import` (the public entry point, whatever reads the post behind it):
Markdown, HTML, plain text, invalid UTF-8, NUL, CRLF and deep nesting. No traceback ever; a refused post
leaves the database byte for byte as it was.

The number of posts is STUDYLOG_FUZZ_POSTS (default 25, a few seconds; the issue's 10,000 takes a
while: `STUDYLOG_FUZZ_POSTS=10000 pytest tests/blog/test_import_fuzz.py`).
"""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studylog.cli import cli
from studylog.store.database import open_database

POSTS = int(os.environ.get("STUDYLOG_FUZZ_POSTS", "25"))

words = st.text(st.characters(codec="utf-8"), max_size=24)  # any code point: controls, NUL, surrogates excluded
korean = st.text(st.sampled_from("가나다라마바사아자차카타파하주차회고질문답변 \t"), max_size=12)
week_numbers = st.one_of(st.integers(0, 300), st.integers(0, 300), st.integers(2**62, 2**70),
                         st.sampled_from([-1, 9999, 10_000, 10**40]))
titles = st.builds("[week{}] {}".format, week_numbers, st.one_of(words, korean))
MARKDOWN_STARTS = [
    "", "# ", "## ", "### ", "#### ", "- ", "* ", "+ ", "1. ", "2) ", "> ", "    ", "\t", "Q1. ", "A1. ", "Q. ",
    "A. ", "Q: ", "Q 이름님 : ", "질문: ", "답변: ", "```", "```python", "~~~", "<details>", "</details>",
    "<summary>더보기</summary>", "---", "***", "| a | b |", "|---|---|", "[x]: /u ", "![i](", "<https://a.b>",
    '<!-- studylog:section {"kind": "goals", "level": 1} -->', "<!-- studylog:", "<!-- studylog:question {",
    "2023.11.28 - [et al/git] - ", "title: ", "date: ", "tags: [", "$$", "\\",
]
HTML_PIECES = [
    "<p>", "</p>", "<br>", "<h2>", "</h2>", "<h3 data-ke-size=\"size23\">", "<ul><li>", "</li></ul>", "<ol>", "</ol>",
    '<div data-ke-type="moreLess" data-text-more="더보기" data-text-less="닫기">', '<a class="btn-toggle-moreless">더보기</a>',
    '<div class="moreless-content">', "</div>", "<pre><code>", "</code></pre>", "<table><tr><td>", "</td></tr></table>",
    "&amp;", "&nbsp;", "&#0;", "&#x1b;", "&#xd800;", "&bogus;", "<script>alert(1)</script>", "<!--", "-->",
    "<![CDATA[", "<figure><img src=x>", "<blockquote>", "</blockquote>", "<html><body>", "</body></html>",
]
FRONT_MATTER = [
    "title: {}", 'title: "[week4] x"\ndate: 2023-12-01', "title: [", "week: 99999999999999999999", "tags: {}",
    "date: 2023-13-45", "- a\n- b", "title: !!python/object:os.system x", ": : :", "{}",
]
DEEP = [("> ", ""), ("- ", ""), ("<div>", "</div>"), ("<details>", "</details>"), ("[", "](u)"), ("*", "*"),
        ("<ul><li>", "</li></ul>"), ("<blockquote>", "</blockquote>")]

markdown_line = st.builds(str.__add__, st.sampled_from(MARKDOWN_STARTS), st.one_of(words, korean))
html_line = st.builds(str.__add__, st.sampled_from(HTML_PIECES), st.one_of(words, korean))
front_matter = st.builds(lambda body, filler: "---\n" + body.format(filler) + "\n---", st.sampled_from(FRONT_MATTER), words)
indented_list = st.integers(2, 400).map(lambda n: "\n".join("  " * i + "- x" for i in range(n)))
deep = st.one_of(
    st.builds(lambda pair, n: pair[0] * n + "깊다" + pair[1] * n, st.sampled_from(DEEP), st.integers(50, 3000)),
    indented_list,
)
lines = st.lists(st.one_of(markdown_line, markdown_line, html_line, words, korean, deep), min_size=1, max_size=30)


@st.composite
def posts(draw) -> tuple[bytes, str, list[str]]:
    """(the file's bytes, its name, the options given: --format, and --week half the time)."""
    parts = []
    if draw(st.integers(0, 3)) == 0:
        parts.append(draw(front_matter))
    if draw(st.integers(0, 5)):
        parts.append(draw(st.sampled_from(["# ", "# ", "", "<h1>", "<title>"])) + draw(titles))
    parts += draw(lines)
    text = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"])).join(parts)
    data = draw(st.sampled_from([b"", b"\xef\xbb\xbf"])) + text.encode("utf-8", "surrogatepass")
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):  # invalid UTF-8 or NUL bytes somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\x80\x80", b"\xf4\x90"])) + data[at:]
    name = "post" + draw(st.sampled_from([".md", ".markdown", ".html", ".htm", ".txt", ""]))
    options = ["--format", draw(st.sampled_from(["auto", "auto", "markdown", "tistory-html", "text"]))]
    if draw(st.booleans()):
        options += ["--week", str(draw(st.integers(0, 9999)))]
    return data, name, options


def test_fuzzed_posts_import_or_are_refused_cleanly(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    db_path = folder / "fuzz.db"
    open_database(db_path).close()
    outcomes = {"imported": 0, "refused": 0}

    @settings(max_examples=POSTS, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(posts())
    def import_one(post):
        data, name, options = post
        path = Path(folder, name)
        path.write_bytes(data)
        before = db_path.read_bytes()
        result = CliRunner().invoke(cli, ["--db", str(db_path), "import", str(path), *options])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{type(result.exception).__name__}: {result.exception} for {data[:300]!r}"
        )
        if result.exit_code == 0:
            outcomes["imported"] += 1
        else:
            outcomes["refused"] += 1
            assert result.exit_code == 1, result.output
            error = result.output.splitlines()[-1]
            assert error.startswith("Error: ") and result.output.count("\n") == 1, result.output
            assert db_path.read_bytes() == before, f"a refused post changed the database: {error}"

    import_one()
    print(f"\n{POSTS} fuzzed posts: {outcomes['imported']} imported, {outcomes['refused']} refused, 0 tracebacks")

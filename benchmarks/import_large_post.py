"""`studylog import` of a large generated post (benchmarks/large_post.py) at 1/4, 1/2 and full size, beside
its peers in the same run: reading the file, parsing it alone (markdown-it-py, as studylog configures it,
for Markdown; html.parser for Tistory HTML; splitting lines for plain text), and indexing its paragraphs
in an SQLite FTS5 trigram table, the search index every imported section and question goes into.

Every step is a whole process (studylog on a fresh --db under a temporary folder); its wall time and peak
RSS (the child's own ru_maxrss, from wait4) are printed with the time per MB, which stays flat when the
work is linear in the post's size. Target for the full-size Markdown post: under 10 s and 500 MB.

    .venv/bin/python benchmarks/import_large_post.py [--mb 50] [--formats markdown,tistory-html,text]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STUDYLOG = [sys.executable, "-c", "from studylog.cli import main; main()"]
TARGET_S, TARGET_MB = 10.0, 500.0
POSTS = {"markdown": ("markdown_post", ".md"), "tistory-html": ("html_post", ".html"), "text": ("text_post", ".txt")}
# Written by a process of its own: Linux counts a child's peak RSS from its parent's at fork (kept over exec),
# so this process must stay small for the children's peaks to be theirs.
WRITE = "import sys; sys.path.insert(0, sys.argv[1]); import large_post; open(sys.argv[4], 'w', encoding='utf-8').write(getattr(large_post, sys.argv[2])(int(sys.argv[3])))"
READ = "import sys; open(sys.argv[1], encoding='utf-8').read()"
PARSE = {
    "markdown": "import sys; from studylog.blog.markdown_html import parser; parser().parse(open(sys.argv[1], encoding='utf-8').read())",
    "tistory-html": "import sys; from html.parser import HTMLParser; p = HTMLParser(); p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()",
    "text": "import sys; open(sys.argv[1], encoding='utf-8').read().split('\\n')",
}
PARSER_NAME = {"markdown": "markdown-it-py parse", "tistory-html": "html.parser feed", "text": "split lines"}
# The search index's share: the file's paragraphs into an FTS5 trigram table, as studylog's triggers index
# section and question text (migrations/versions/0002_search.py), in one transaction.
INDEX = """import sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram')")
with db:
    db.executemany("INSERT INTO t(body) VALUES (?)", ((p,) for p in open(sys.argv[1], encoding='utf-8').read().split('\\n\\n')))
"""


def measured(command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stdout) of one process, which must exit 0."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command[-4:])} exited {process.returncode}:\n{err.read().decode()[-2000:]}")
        return elapsed, usage.ru_maxrss / 1024, out.read().decode()  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="full size of the post in MB (default 50)")
    parser.add_argument("--formats", default="markdown,tistory-html,text", help="comma-separated: " + ", ".join(POSTS))
    args = parser.parse_args()
    formats = args.formats.split(",")
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    print(f"\n{'format':<13} {'MB':>6}  {'process':<27} {'wall s':>7} {'s/MB':>6} {'peak MB':>8}")
    full: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for fmt in formats:
            generator, suffix = POSTS[fmt]
            for fraction in (0.25, 0.5, 1.0):
                path = Path(folder) / f"post-{fraction}{suffix}"
                subprocess.run([sys.executable, "-c", WRITE, str(Path(__file__).parent), generator, str(int(args.mb * fraction * 1e6)), str(path)], check=True)
                mb = path.stat().st_size / 1e6
                db = Path(folder) / f"{fmt}-{fraction}.db"
                rows = [
                    ("read the file", [sys.executable, "-c", READ, str(path)]),
                    (PARSER_NAME[fmt], [sys.executable, "-c", PARSE[fmt], str(path)]),
                    ("SQLite FTS5 trigram insert", [sys.executable, "-c", INDEX, str(path), str(db) + ".fts"]),
                    ("studylog import", [*STUDYLOG, "--db", str(db), "import", str(path)]),
                ]
                for name, command in rows:
                    wall, peak, out = measured(command)
                    print(f"{fmt:<13} {mb:>6.1f}  {name:<27} {wall:>7.2f} {wall / mb:>6.2f} {peak:>8.0f}")
                print(f"{'':<21}{out.strip()}")
                full[fmt] = (wall, peak)
                path.unlink()
    if "markdown" in full:
        wall, peak = full["markdown"]
        met = wall < TARGET_S and peak < TARGET_MB
        print(f"\nMarkdown at {args.mb:g} MB: {wall:.1f} s, {peak:.0f} MB (target < {TARGET_S:g} s and < {TARGET_MB:g} MB): "
              f"{'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()

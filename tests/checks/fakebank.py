"""A question folder written by a test: question files, their check modules and reference files; and
whether a process a check started is still there."""

from __future__ import annotations

import textwrap
from pathlib import Path

QUESTION = """+++
id = "{slug}"
title = "{slug}"
+++

## Question
{slug}?

## Answer
see the checks
"""


def write_question(folder: Path, slug: str, checks: str) -> Path:
    """Write `<slug>.md` and its checks module `<slug>.py`; returns the module's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{slug}.md").write_text(QUESTION.format(slug=slug), encoding="utf-8")
    module = folder / f"{slug}.py"
    module.write_text(textwrap.dedent(checks), encoding="utf-8")
    return module


# A cited table with one cell, as references/*.toml are written; format(params=...) fills the cell.
TINY_REFERENCE = """
    [meta]
    title = "Tiny"
    authors = ["Ada Lovelace"]
    year = 2020
    url = "https://example.org/tiny"
    [tables.t1]
    source = "Table 1"
    [tables.t1.rows.a]
    params = "{params}"
"""


def write_reference(folder: Path, name: str, toml: str) -> Path:
    """Write `references/<name>.toml` inside the question folder."""
    path = folder / "references" / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(toml), encoding="utf-8")
    return path


def alive(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie (dead, only waiting to be reaped); Linux's /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"

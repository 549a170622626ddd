"""A post's front matter: YAML between `---` lines (Jekyll, Chirpy, Hugo) or TOML between `+++` lines,
read with PyYAML / tomllib. Its title, date, tags and categories are used; it is never kept as text."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime

from studylog.blog.read.blocks import ReadError
from studylog.blog.read.lines import Lines

FENCES = {"---": "yaml", "+++": "toml"}


@dataclass(frozen=True)
class FrontMatter:
    """What a post's front matter says; `lines` is how many lines it took (0 without one)."""

    title: str = ""
    date: date | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    lines: int = 0
    data: dict = field(default_factory=dict)


def _names(value) -> tuple[str, ...]:
    """Tags or categories as strings, from a list, a nested list or one space-separated string."""
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list):
        return tuple(str(item).strip() for item in value if item not in (None, "", []) and not isinstance(item, (list, dict)))
    return (str(value),) if value not in (None, "") else ()


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    try:
        return date(*map(int, match.groups())) if match else None
    except ValueError:
        return None


def read_front_matter(lines: Lines) -> FrontMatter:
    """The front matter at the top of a post's lines, which are left blank in place (so that line numbers
    stay those of the file, and a long post is not copied). Raises ReadError naming the line of broken
    front matter."""
    kind = FENCES.get(lines[0].rstrip()) if lines else None
    if kind is None:
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == lines[0].rstrip()), None)
    if end is None:
        return FrontMatter()  # a lone `---` is a thematic break, not front matter
    source = "\n".join(lines[1:end])
    try:
        if kind == "yaml":
            import yaml

            data = yaml.safe_load(source) or {}
        else:
            data = tomllib.loads(source)
    except Exception as exc:  # yaml.YAMLError, tomllib.TOMLDecodeError: both say where
        mark = getattr(exc, "problem_mark", None)
        line = 2 + (mark.line if mark else 0)
        raise ReadError(line, f"expected {kind.upper()} front matter: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise ReadError(2, f"expected {kind.upper()} front matter of `name: value` lines")
    lines.blank(end + 1)
    return FrontMatter(
        title=str(data.get("title") or "").strip(), date=_date(data.get("date")),
        tags=_names(data.get("tags")), categories=_names(data.get("categories")), lines=end + 1, data=data,
    )

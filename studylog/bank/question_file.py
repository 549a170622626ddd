"""A pack's question files: TOML front matter between `+++` lines, then `## Question` and `## Answer` in Markdown.

Front matter: `id` and `title` (required), `week`, `tags`, `[[prompts]]` (see quiz/prompts.py).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from studylog.errors import StudylogError
from studylog.store.text import nfc

FENCE = "+++"
QUESTION_HEADING = "## Question"
ANSWER_HEADING = "## Answer"


@dataclass(frozen=True)
class QuestionFile:
    """One question of a bank, as written in its Markdown file."""

    path: Path
    id: str
    title: str
    question: str
    answer: str
    week: int | None = None
    tags: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)


class QuestionFileError(StudylogError):
    """A question file that cannot be read as written; says the file and line."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path


def _error(path: Path, line: int, message: str) -> QuestionFileError:
    return QuestionFileError(path, line, message)


def parse_question_file(path: Path) -> QuestionFile:
    """Parse one question file; errors name the file and line."""
    lines = nfc(path.read_text(encoding="utf-8")).splitlines()
    if not lines or lines[0].strip() != FENCE:
        raise _error(path, 1, f"expected front matter opening with '{FENCE}'")
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        raise _error(path, 1, f"front matter is never closed with '{FENCE}'") from None
    try:
        meta = tomllib.loads("\n".join(lines[1:close]))
    except tomllib.TOMLDecodeError as exc:
        raise _error(path, 2, f"front matter is not valid TOML: {exc}") from None
    for key in ("id", "title"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise _error(path, 2, f"front matter needs a non-empty string '{key}'")
    body = lines[close + 1 :]
    headings = {line.strip(): i for i, line in enumerate(body) if line.strip() in (QUESTION_HEADING, ANSWER_HEADING)}
    if QUESTION_HEADING not in headings or ANSWER_HEADING not in headings:
        raise _error(path, close + 2, f"expected a '{QUESTION_HEADING}' heading followed by an '{ANSWER_HEADING}' heading")
    q_at, a_at = headings[QUESTION_HEADING], headings[ANSWER_HEADING]
    if a_at < q_at:
        raise _error(path, close + 2 + a_at, f"'{ANSWER_HEADING}' must come after '{QUESTION_HEADING}'")
    return QuestionFile(
        path=path,
        id=meta["id"],
        title=meta["title"],
        question="\n".join(body[q_at + 1 : a_at]).strip("\n"),
        answer="\n".join(body[a_at + 1 :]).strip("\n"),
        week=meta.get("week"),
        tags=tuple(meta.get("tags", ())),
        meta=meta,
    )


def iter_question_files(dirs: Iterable[Path], problems: list[QuestionFileError] | None = None) -> Iterator[QuestionFile]:
    """Every question file under the given folders, in path order.

    A file that cannot be parsed raises, unless `problems` is given: then its error (naming the file
    and line) is appended there and the other files are still read.
    """
    for root in dirs:
        for path in sorted(Path(root).rglob("*.md")):
            if path.name.lower() == "readme.md":
                continue
            try:
                yield parse_question_file(path)
            except QuestionFileError as exc:
                if problems is None:
                    raise
                problems.append(exc)

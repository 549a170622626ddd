"""Numeric prompts: the `[[prompts]]` a question file's front matter declares, each tied to a check's claim.

    [[prompts]]
    text = "inception (3a)의 weight 수(bias 제외)는?"
    check = "inception-3a-weights"
    claim = "weights in inception (3a), bias excluded"
    unit = 1024    # what K means in a typed answer (optional, default 1000)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from studylog.bank.question_file import QuestionFile, iter_question_files
from studylog.errors import StudylogError

REQUIRED = ("text", "check", "claim")
KNOWN = {*REQUIRED, "unit"}


@dataclass(frozen=True)
class NumericPrompt:
    """Ask for a number; grade it against the latest recomputed value of a check's claim."""

    text: str
    check: str
    claim: str
    unit: int = 1000


def _prompt(path: Path, index: int, entry) -> NumericPrompt:
    where = f"{path}: prompts[{index}]"
    if not isinstance(entry, dict):
        raise StudylogError(f"{where}: expected a [[prompts]] table")
    if unknown := sorted(set(entry) - KNOWN):
        raise StudylogError(f"{where}: unknown field '{unknown[0]}' (known: {', '.join(sorted(KNOWN))})")
    for name in REQUIRED:
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise StudylogError(f"{where}: needs a non-empty string '{name}'")
    unit = entry.get("unit", 1000)
    if unit not in (1000, 1024):
        raise StudylogError(f"{where}: 'unit' must be 1000 or 1024, not {unit!r}")
    return NumericPrompt(text=entry["text"], check=entry["check"], claim=entry["claim"], unit=unit)


def prompts_of(source: QuestionFile) -> list[NumericPrompt]:
    """The numeric prompts one question file declares; errors name the file and the prompt's field."""
    entries = source.meta.get("prompts", [])
    if not isinstance(entries, list):
        raise StudylogError(f"{source.path}: 'prompts' must be an array of tables ([[prompts]])")
    return [_prompt(source.path, i, entry) for i, entry in enumerate(entries)]


def prompts_by_question(dirs: Iterable[Path]) -> dict[str, list[NumericPrompt]]:
    """Question slug -> its numeric prompts, from every question file under dirs (the first file of a slug wins)."""
    found: dict[str, list[NumericPrompt]] = {}
    for source in iter_question_files(dirs):
        found.setdefault(source.id, prompts_of(source))
    return found

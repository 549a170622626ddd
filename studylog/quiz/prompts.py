"""Numeric prompts: ask for the value of a check's claim, graded against its latest recomputed value.

They live in the database (table questionprompt), added from the app, `studylog question prompt add`,
or a pack's front matter:

    [[prompts]]
    text = "inception (3a)의 weight 수(bias 제외)는?"
    check = "inception-3a-weights"
    claim = "weights in inception (3a), bias excluded"
    unit = 1024    # what K means in a typed answer (optional, default 1000)
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from studylog.errors import StudylogError
from studylog.journal.questions import get_question
from studylog.store.database import Database
from studylog.store.models import Question, QuestionPrompt
from studylog.store.text import nfc

REQUIRED = ("text", "check", "claim")
KNOWN = {*REQUIRED, "unit"}
UNITS = (1000, 1024)


@dataclass(frozen=True)
class NumericPrompt:
    """Ask for a number; grade it against the latest recomputed value of a check's claim."""

    text: str
    check: str
    claim: str
    unit: int = 1000


def parse_prompt(where: str, entry) -> NumericPrompt:
    """One `[[prompts]]` table of a pack's front matter; errors start with `where` and name the field."""
    if not isinstance(entry, dict):
        raise StudylogError(f"{where}: expected a [[prompts]] table")
    if unknown := sorted(set(entry) - KNOWN):
        raise StudylogError(f"{where}: unknown field '{unknown[0]}' (known: {', '.join(sorted(KNOWN))})")
    for name in REQUIRED:
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise StudylogError(f"{where}: needs a non-empty string '{name}'")
    return NumericPrompt(text=entry["text"], check=entry["check"], claim=entry["claim"], unit=checked_unit(where, entry.get("unit", 1000)))


def checked_unit(where: str, unit) -> int:
    """What K means in a typed answer: 1000 or 1024 (GoogLeNet's Table 1 uses 1024)."""
    if unit not in UNITS or isinstance(unit, bool):
        raise StudylogError(f"{where}: 'unit' must be 1000 or 1024, not {unit!r}")
    return int(unit)


def prompts_by_question(db: Database) -> dict[str, list[NumericPrompt]]:
    """Question slug -> its numeric prompts, in their order (questions without prompts are absent)."""
    found: dict[str, list[NumericPrompt]] = {}
    with db.reading() as s:
        rows = s.exec(select(Question.slug, QuestionPrompt).join(Question).order_by(QuestionPrompt.position, QuestionPrompt.id))
        for slug, row in rows:
            found.setdefault(slug, []).append(NumericPrompt(row.text, row.check_id, row.claim, row.unit))
    return found


def store_prompts(s, question_id: int, prompts: list[NumericPrompt]) -> None:
    """Append prompts to a question within the session s, after the ones it has."""
    have = s.exec(select(QuestionPrompt).where(QuestionPrompt.question_id == question_id)).all()
    start = max((p.position for p in have), default=-1) + 1
    for position, prompt in enumerate(prompts, start):
        s.add(QuestionPrompt(question_id=question_id, position=position, text=nfc(prompt.text), check_id=prompt.check,
                             claim=nfc(prompt.claim), unit=prompt.unit))


def add_prompt(db: Database, slug: str, text: str, check: str, claim: str, unit: int = 1000) -> NumericPrompt:
    """Give question `slug` a numeric prompt (one transaction); NotFound names an unknown question,
    StudylogError an empty field or a unit other than 1000 and 1024."""
    question_id = get_question(db, slug).id
    prompt = parse_prompt(f"prompt of {slug}", {"text": text, "check": check, "claim": claim, "unit": unit})
    with db.session() as s:
        store_prompts(s, question_id, [prompt])
    return prompt

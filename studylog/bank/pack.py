"""Packs: folders of questions (Markdown with TOML front matter), their check modules and reference
tables, loaded into a database, which from then on is the only source of truth for the questions.

A pack folder holds `pack.toml` (optional: `name`, `course`, `description`), question files `*.md`
anywhere under it (see question_file.py), check modules `*.py` (found by their `question=`) and
`references/*.toml`. Loading never overwrites what the user edited: each question row keeps a digest
of the text the pack gave it, and a reload updates a row only while its text still has that digest.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import delete, select

from studylog.bank.question_file import QuestionFile, iter_question_files
from studylog.errors import StudylogError
from studylog.journal import ordering
from studylog.journal.questions import normalise_tag, set_tags
from studylog.quiz.prompts import NumericPrompt, parse_prompt, store_prompts
from studylog.store.database import Database
from studylog.store.models import Question, QuestionPrompt, QuestionTag, Week
from studylog.store.text import nfc

PACK_FILE = "pack.toml"


@dataclass(frozen=True)
class PackQuestion:
    """A question of a pack with its prompts, ready to load."""

    source: QuestionFile
    prompts: tuple[NumericPrompt, ...]


@dataclass(frozen=True)
class Pack:
    """A pack as read from its folder: every question file parsed and its prompts checked."""

    folder: Path
    name: str
    course: str
    description: str
    questions: tuple[PackQuestion, ...]


@dataclass
class PackLoad:
    """What load_pack did, by question id: added, updated (unedited, the pack changed), unchanged,
    re-linked to their week (they had none), skipped with why; and the weeks it created."""

    pack: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    relinked: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    weeks_created: list[int] = field(default_factory=list)


def read_pack(folder: Path) -> Pack:
    """Parse a pack folder; StudylogError names the file (and line or field) of anything unreadable."""
    folder = Path(folder)
    if not folder.is_dir():
        raise StudylogError(f"{folder}: no such pack folder")
    meta: dict = {}
    if (folder / PACK_FILE).is_file():
        try:
            meta = tomllib.loads((folder / PACK_FILE).read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise StudylogError(f"{folder / PACK_FILE}: not valid TOML: {exc}") from None
    questions = []
    for source in iter_question_files([folder]):
        entries = source.meta.get("prompts", [])
        if not isinstance(entries, list):
            raise StudylogError(f"{source.path}: 'prompts' must be an array of tables ([[prompts]])")
        prompts = tuple(parse_prompt(f"{source.path}: prompts[{i}]", e) for i, e in enumerate(entries))
        questions.append(PackQuestion(source, prompts))
    return Pack(folder, str(meta.get("name") or folder.name), str(meta.get("course", "")),
                str(meta.get("description", "")), tuple(questions))


def _digest(title: str, question: str, answer: str, tags: Iterable[str], prompts: Iterable[NumericPrompt]) -> str:
    """What a reload compares: the text, tags and prompts (NFC, tags normalised and sorted)."""
    data = [nfc(title), nfc(question), nfc(answer), sorted({normalise_tag(t) for t in tags}),
            [[nfc(p.text), p.check, nfc(p.claim), p.unit] for p in prompts]]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def _pack_digest(item: PackQuestion) -> str:
    q = item.source
    return _digest(q.title, q.question, q.answer, q.tags, item.prompts)


def _row_digest(s, row: Question) -> str:
    tags = s.exec(select(QuestionTag.tag).where(QuestionTag.question_id == row.id)).all()
    prompts = s.exec(select(QuestionPrompt).where(QuestionPrompt.question_id == row.id).order_by(QuestionPrompt.position)).all()
    return _digest(row.title, row.question, row.answer, tags, [NumericPrompt(p.text, p.check_id, p.claim, p.unit) for p in prompts])


def _week(s, course: str, number: int, report: PackLoad) -> Week:
    week = s.exec(select(Week).where(Week.course == course, Week.number == number)).first()
    if week is None:
        week = Week(course=course, number=number)
        s.add(week)
        s.flush()
        report.weeks_created.append(number)
    return week


def _write(s, row: Question, item: PackQuestion, pack: str, digest: str) -> None:
    q = item.source
    row.title, row.question, row.answer = q.title, q.question, q.answer
    row.status, row.pack, row.pack_digest = ("answered" if q.answer.strip() else "open"), pack, digest
    s.add(row)
    s.flush()
    set_tags(s, row.id, q.tags)
    s.exec(delete(QuestionPrompt).where(QuestionPrompt.question_id == row.id))
    store_prompts(s, row.id, list(item.prompts))


def load_pack_into(s, pack: Pack, *, weeks: Iterable[int] | None = None, course: str | None = None) -> PackLoad:
    """load_pack within an open write session `s` (the caller's transaction)."""
    wanted = None if weeks is None else set(weeks)
    course = pack.course if course is None else course
    report = PackLoad(pack.name)
    for item in pack.questions:
        q = item.source
        if wanted is not None and q.week not in wanted:
            continue
        week = _week(s, course, q.week, report) if isinstance(q.week, int) else None
        digest = _pack_digest(item)
        row = s.exec(select(Question).where(Question.slug == q.id)).first()
        if row is None:
            position = ordering.next_position(s, Question, Question.week_id, week.id if week else None)
            _write(s, Question(slug=q.id, week_id=week.id if week else None, position=position), item, pack.name, digest)
            report.added.append(q.id)
            continue
        current = _row_digest(s, row)
        if current == digest:
            row.pack, row.pack_digest = pack.name, digest
            report.unchanged.append(q.id)
        elif row.pack_digest and current == row.pack_digest:
            _write(s, row, item, pack.name, digest)
            report.updated.append(q.id)
        else:
            why = "edited in this database since the pack loaded it" if row.pack_digest else "a question with this id was written here, not loaded from a pack"
            report.skipped.append((q.id, why))
        if row.week_id is None and week is not None and row.pack == pack.name:  # its week was deleted: back to the pack's
            row.week_id, row.section_id = week.id, None
            row.position = ordering.next_position(s, Question, Question.week_id, week.id)
            report.relinked.append(q.id)
        s.add(row)
    return report


def load_pack(db: Database, folder: Path, *, weeks: Iterable[int] | None = None, course: str | None = None) -> PackLoad:
    """Load the questions of the pack in `folder` (only those of `weeks`, when given) into `db`, in one
    transaction, under `course` (default: the pack's own), creating the weeks they name as needed.

    Idempotent: a question already loaded and not edited since is updated to the pack's text (or left
    as is when equal); one the user edited, or one with the same id written in the database, is skipped
    and reported; a question that lost its week (the week was deleted) is re-linked to the pack's week.
    Raises StudylogError, writing nothing, when any file of the pack cannot be read (it names file and
    line or field). Check modules are not copied: they are found in the check folders (config.check_dirs).
    """
    pack = read_pack(folder)
    with db.session() as s:
        return load_pack_into(s, pack, weeks=weeks, course=course)

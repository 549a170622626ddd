"""Writing a database's own questions as a pack folder: question files, the check modules that check them
and the reference files those read, so a study group can share them in git and `studylog pack add` them.

A question is written to `<dir>/week<N>/<id>.md` (front matter: id, week, title, tags, [[prompts]]; then
`## Question` and `## Answer`); each module with a check of it, and the local modules it imports, beside it;
each reference file a module names to `<dir>/references/`. `pack.toml` is written when the folder has none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import select

from studylog.bank.pack import PACK_FILE
from studylog.checks.discovery import discover
from studylog.checks.fingerprint import local_dependencies
from studylog.checks.references import reference_file
from studylog.checks.source_facts import source_facts
from studylog.config import check_dirs
from studylog.errors import StudylogError
from studylog.output_file import replace_whole
from studylog.store.database import Database
from studylog.store.models import Question, QuestionPrompt, QuestionTag, Week


@dataclass
class PackExport:
    """What export_pack wrote: question ids, module and reference file names, and what it left out and why."""

    folder: Path
    questions: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)


def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and TOML files are UTF-8."""
    return json.dumps(text, ensure_ascii=False)


def question_text(row: Question, week: int | None, tags: list[str], prompts: list[QuestionPrompt]) -> str:
    """A question file as the pack loader reads it."""
    lines = ["+++", f"id = {toml_string(row.slug)}"]
    if week is not None:
        lines.append(f"week = {week}")
    lines += [f"title = {toml_string(row.title)}", f"tags = [{', '.join(map(toml_string, tags))}]"]
    for prompt in prompts:
        lines += ["", "[[prompts]]", f"text = {toml_string(prompt.text)}", f"check = {toml_string(prompt.check_id)}",
                  f"claim = {toml_string(prompt.claim)}"] + ([f"unit = {prompt.unit}"] if prompt.unit != 1000 else [])
    return "\n".join([*lines, "+++", "", "## Question", "", row.question, "", "## Answer", "", row.answer, ""])


def _selected(s, week: int | None, tag: str | None) -> list[tuple[Question, Week | None]]:
    query = select(Question, Week).join(Week, Question.week_id == Week.id, isouter=True).order_by(Week.number, Question.position, Question.id)
    rows = s.exec(query).all()
    if week is not None:
        rows = [(q, w) for q, w in rows if w is not None and w.number == week]
    if tag is not None:
        tagged = set(s.exec(select(QuestionTag.question_id).where(QuestionTag.tag == tag)).all())
        rows = [(q, w) for q, w in rows if q.id in tagged]
    return rows


def _copy(source: Path, target: Path) -> bool:
    """Copy whole (replace_whole) unless the target already holds the same bytes; whether it wrote."""
    data = source.read_bytes()
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    replace_whole(target, data)
    return True


def export_pack(db: Database, folder: Path, *, week: int | None = None, tag: str | None = None) -> PackExport:
    """Write the questions written in this database (not those a pack loaded), of `week` / with `tag` when
    given, with their checks and references, into `folder`. Files already there are overwritten only by
    the same question's; nothing else in the folder is touched. Raises StudylogError when nothing matches."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise StudylogError(f"{folder}: exists and is not a folder")
    report = PackExport(folder)
    specs = [spec for spec in discover(check_dirs(db.path)) if not spec.problem]
    with db.reading() as s:
        selected = _selected(s, week, tag)
        if not selected:
            raise StudylogError("no question matches" + (f" week {week}" if week is not None else "") + (f" tag '{tag}'" if tag else ""))
        courses = {w.course for _, w in selected if w is not None}
        for row, w in selected:
            if row.pack:
                report.left_out.append((row.slug, f"loaded from pack '{row.pack}': its own folder has it"))
                continue
            tags = sorted(s.exec(select(QuestionTag.tag).where(QuestionTag.question_id == row.id)).all())
            prompts = s.exec(select(QuestionPrompt).where(QuestionPrompt.question_id == row.id).order_by(QuestionPrompt.position)).all()
            place = folder / (f"week{w.number}" if w is not None else "")
            place.mkdir(parents=True, exist_ok=True)
            replace_whole(place / f"{row.slug}.md", question_text(row, w.number if w else None, tags, prompts).encode("utf-8"))
            report.questions.append(row.slug)
            for module in sorted({spec.module for spec in specs if spec.question_slug == row.slug}):
                for path in local_dependencies(module):
                    if path.parent == module.resolve().parent or path == module.resolve():
                        _copy(path, place / path.name)
                        report.modules.append(path.name)
                facts = source_facts(module)
                for source in sorted(facts.refs_elsewhere.union(*facts.refs_by_function.values())):
                    if (found := reference_file(source, module)) is not None:
                        _copy(found, folder / "references" / found.name)
                        report.references.append(found.name)
    if not report.questions:
        packs = sorted({row.pack for row, _ in selected})
        raise StudylogError(f"no question of your own matches: the {len(selected)} that do were loaded from "
                            f"{', '.join(packs)} (their own folder has them)")
    if not (folder / PACK_FILE).exists():
        course = next(iter(courses)) if len(courses) == 1 else ""
        replace_whole(folder / PACK_FILE, f"name = {toml_string(folder.resolve().name)}\ncourse = {toml_string(course)}\n".encode())
    return report

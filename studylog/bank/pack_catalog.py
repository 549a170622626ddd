"""Packs by name or folder: the bundled one, the folders a user adds, and what a database holds of each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import select

from studylog.bank.pack import PackLoad, _row_digest, load_pack, read_pack
from studylog.bank.pack_files import FilesCopy, copy_pack_files
from studylog.config import bundled_questions_dir
from studylog.errors import StudylogError
from studylog.store.database import Database
from studylog.store.models import Question


@dataclass(frozen=True)
class PackAdd:
    """What `pack add` did: the questions loaded, and the check files copied (None for the bundled pack,
    whose checks are always found where studylog is installed)."""

    load: PackLoad
    files: FilesCopy | None


def bundled_packs() -> dict[str, Path]:
    """Bundled pack name -> folder."""
    folder = bundled_questions_dir()
    return {read_pack(folder).name: folder}


def resolve_pack(ref: str) -> Path:
    """The folder of pack `ref`: a bundled pack's name, or a folder; StudylogError names both when neither."""
    bundled = bundled_packs()
    if ref in bundled:
        return bundled[ref]
    folder = Path(ref).expanduser()
    if folder.is_dir():
        return folder
    raise StudylogError(f"no bundled pack named '{ref}' ({', '.join(bundled)}) and no folder {folder}")


def add_pack(db: Database, ref: str, *, weeks=None, course: str | None = None) -> PackAdd:
    """Load pack `ref` into `db` (see bank.pack.load_pack) and, for a folder, copy its check files beside `db`."""
    folder = resolve_pack(ref)
    load = load_pack(db, folder, weeks=weeks, course=course)
    bundled = folder.resolve() in {f.resolve() for f in bundled_packs().values()}
    return PackAdd(load, None if bundled else copy_pack_files(folder, load.pack, db.path))


def list_packs(db: Database) -> list[dict]:
    """One row per bundled pack and per pack the database holds questions of: its name, folder (when known),
    course, questions in the pack, loaded here, and edited here since loaded."""
    rows: dict[str, dict] = {}
    for name, folder in bundled_packs().items():
        pack = read_pack(folder)
        rows[name] = {"name": name, "folder": str(folder), "course": pack.course, "questions_in_pack": len(pack.questions),
                      "loaded": 0, "edited": 0}
    with db.reading() as s:
        for question in s.exec(select(Question).where(Question.pack != "")).all():
            row = rows.setdefault(question.pack, {"name": question.pack, "folder": "", "course": "", "questions_in_pack": None,
                                                  "loaded": 0, "edited": 0})
            row["loaded"] += 1
            row["edited"] += _row_digest(s, question) != question.pack_digest
    return list(rows.values())

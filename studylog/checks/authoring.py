"""Writing a question's check module from a template, and finding the modules a question's checks live in.

Used by `studylog check ...` and the app's `c`. Never imports torch; a module is written whole or not at
all (a temporary file hard-linked into place), and an existing file is never overwritten.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from studylog.checks.discovery import CheckSpec, discover
from studylog.checks.templates import TEMPLATES, render
from studylog.config import check_dirs, default_check_dir
from studylog.errors import StudylogError
from studylog.output_file import replace_whole

DEFAULT_TEMPLATE = "params"


def checks_of(db_path: Path, key: str) -> list[CheckSpec]:
    """The checks of question `key` (or the check with id `key`), found in the database's check folders."""
    return [s for s in discover(check_dirs(db_path)) if key in (s.question_slug, s.check_id, *s.mentions)]


def modules_of(db_path: Path, key: str) -> list[Path]:
    """The modules holding the checks of question (or check) `key`, each once, in discovery order."""
    return list(dict.fromkeys(spec.module for spec in checks_of(db_path, key)))


def module_stem(slug: str) -> str:
    """A module file name for a question id: ASCII letters, digits and underscores ("bn-params" -> "bn_params")."""
    return re.sub(r"[^0-9A-Za-z]+", "_", slug).strip("_").lower() or "question"


def _free(candidates, taken) -> str:
    return next(c for c in candidates if not taken(c))


def _written_temp(folder: Path, stem: str, source: str) -> str:
    """A temporary file in `folder` holding `source` whole (removed again if writing fails)."""
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(source)
    except BaseException:
        os.unlink(temp)
        raise
    return temp


def _write_new(path: Path, source: str) -> None:
    """Write `source` to `path` whole, failing if `path` exists (a temp file linked into place)."""
    temp = _written_temp(path.parent, path.stem, source)
    try:
        os.link(temp, path)
    finally:
        os.unlink(temp)


def new_check(db_path: Path, slug: str, question_text: str, template: str = DEFAULT_TEMPLATE) -> Path:
    """Write a check module for question `slug` from `template` into `checks/` beside the database; its path.

    Raises StudylogError for an unknown template or a folder that cannot be written (nothing is written).
    The caller makes sure the question exists.
    """
    if template not in TEMPLATES:
        raise StudylogError(f"no template {template!r}; choose one of: {', '.join(TEMPLATES)}")
    folder = default_check_dir(db_path)
    used = {spec.check_id for spec in discover(check_dirs(db_path))}
    check_id = _free((f"{slug}-{template}" + (f"-{n}" if n > 1 else "") for n in range(1, 10_000)), used.__contains__)
    stem = module_stem(slug)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        name = _free((f"{stem}{f'_{n}' if n > 1 else ''}.py" for n in range(1, 10_000)), lambda n: (folder / n).exists())
        path = folder / name
        _write_new(path, render(template, check_id=check_id, question=slug, text=question_text))
    except OSError as exc:
        raise StudylogError(f"cannot write a check module in {folder}: {exc.strerror or exc}") from None
    return path


def save_module(path: Path, text: str, read_text: str) -> Path:
    """Save an edited check module; the path the text went to.

    `read_text` is the module as the editor read it. If the file changed on disk since (another editor),
    it is left alone and the text goes beside it, to `<name>.unsaved` (not a .py, so never run as a check):
    nothing typed is lost and nothing is overwritten unseen. Writes go through a temporary file renamed
    into place, so a module is never half-written. Raises StudylogError when the folder cannot be written.
    """
    try:
        on_disk = path.read_text(encoding="utf-8") if path.exists() else read_text
        target = path if on_disk == read_text else path.with_name(path.name + ".unsaved")
        replace_whole(target, text.encode("utf-8"))
    except OSError as exc:
        raise StudylogError(f"cannot save {path}: {exc.strerror or exc}") from None
    return target

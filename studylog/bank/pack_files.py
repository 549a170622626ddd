"""Copying a pack's check modules and reference files beside a database (`checks/<pack>/`), so its checks run
from the database's own check folder; a file the user edited there is never overwritten.

`checks/<pack>/.pack-files.json` records each file's digest as last copied: on a later add, a file whose
digest still matches is updated to the pack's, one that differs (the user edited it) is kept and reported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from studylog.config import default_check_dir
from studylog.output_file import replace_whole

MANIFEST = ".pack-files.json"


@dataclass
class FilesCopy:
    """Pack files by path relative to the pack folder: copied (new), updated, unchanged, kept (edited here)."""

    folder: Path
    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pack_files(pack_folder: Path) -> list[Path]:
    """The files a pack brings besides its questions: `*.py` modules and `references/*.toml`."""
    skip = {"__pycache__", ".git"}
    found = [p for p in sorted(pack_folder.rglob("*.py")) if not skip & set(p.relative_to(pack_folder).parts)]
    return found + sorted((pack_folder / "references").glob("*.toml"))


def copy_pack_files(pack_folder: Path, pack_name: str, db_path: Path) -> FilesCopy:
    """Copy the pack's modules and references into checks/<pack_name>/ beside the database."""
    target = default_check_dir(db_path) / pack_name
    manifest_path = target / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    report = FilesCopy(target)
    for source in pack_files(pack_folder):
        relative = source.relative_to(pack_folder).as_posix()
        destination = target / relative
        new = _digest(source)
        if not destination.is_file():
            report.copied.append(relative)
        elif _digest(destination) == new:
            report.unchanged.append(relative)
            manifest[relative] = new
            continue
        elif manifest.get(relative) == _digest(destination):
            report.updated.append(relative)
        else:
            report.kept.append(relative)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        replace_whole(destination, source.read_bytes())  # never half a module, whatever stops the copy
        manifest[relative] = new
    target.mkdir(parents=True, exist_ok=True)
    replace_whole(manifest_path, json.dumps(manifest, indent=1, sort_keys=True).encode())
    return report

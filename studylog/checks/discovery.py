"""Finding checks statically: the `@check(..., question=...)` functions in any `.py` module of the check
folders (see config.check_dirs), read with `ast`.

Nothing is imported, so listing checks, telling what is stale and serving a cached verify cost
no torch import. The question a check belongs to is the `question=` it names; the database holds
the question itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from studylog.checks.check_source import BadCheckModule, CheckSpec, checks_in_module, default_question, file_version
from studylog.config import check_dirs
from studylog.errors import StudylogError

SKIPPED_FOLDERS = {"__pycache__", "site-packages", "node_modules", "venv"}
MENTIONED_QUESTION = re.compile(r"""question\s*=\s*["']([^"'\n]+)["']""")
MENTIONED_CHECK = re.compile(r"""@(?:\w+\.)?check\(\s*["']([^"'\n]+)["']""")


def _unused_ids(specs: list[CheckSpec], seen: dict[str, CheckSpec]) -> list[CheckSpec]:
    for spec in specs:
        if spec.check_id in seen:
            first = seen[spec.check_id]
            raise BadCheckModule(spec.module, spec.line, f"check id {spec.check_id!r} is already used at {first.module}:{first.line}")
    return specs


@functools.lru_cache(maxsize=1024)
def _mentions_checks(path: Path, _version: tuple[int, int, int]) -> bool:
    return b"check(" in path.read_bytes()


def check_modules(dirs: Iterable[Path]) -> list[Path]:
    """The `.py` files under the folders that may define checks (they call check(...)), each once, in path
    order; hidden folders, caches and virtual environments are skipped."""
    found: dict[Path, Path] = {}
    for root in dirs:
        for path in sorted(Path(root).rglob("*.py")):
            parts = path.relative_to(root).parts[:-1]
            if any(p.startswith(".") or p in SKIPPED_FOLDERS for p in parts):
                continue
            try:
                if _mentions_checks(path, file_version(path)):
                    found.setdefault(path.resolve(), path)
            except OSError:
                continue
    return list(found.values())


def _unreadable(path: Path, exc: BadCheckModule) -> CheckSpec:
    """A module that cannot be read, as one spec: under the question its text names (if any), findable by
    the check ids it names, so `verify ID` reports it instead of saying there is no such check."""
    text = path.read_text(encoding="utf-8", errors="replace")
    question = next(iter(MENTIONED_QUESTION.findall(text)), "") or default_question(path)
    return CheckSpec(path.name, question, path, "", exc.line, None, problem=str(exc),
                     mentions=tuple(MENTIONED_CHECK.findall(text)))


def discover(dirs: Iterable[Path] | None = None) -> list[CheckSpec]:
    """Every check in the check folders (default: config.check_dirs() without a database's own folder;
    pass check_dirs(db_path) for a database's). A module that cannot be read (or reuses a check id)
    becomes one spec with its `problem`, so it cannot hide the other checks."""
    specs: list[CheckSpec] = []
    seen: dict[str, CheckSpec] = {}
    for module in check_modules(check_dirs() if dirs is None else dirs):
        try:
            found = _unused_ids(checks_in_module(module), seen)
        except BadCheckModule as exc:
            found = [_unreadable(module, exc)]
        seen.update((spec.check_id, spec) for spec in found if not spec.problem)
        specs += found
    return specs


def select(specs: Sequence[CheckSpec], names: Iterable[str]) -> list[CheckSpec]:
    """The checks named by check id or question slug (all of them when no name is given)."""
    names = list(names)

    def named(spec: CheckSpec) -> set[str]:
        return {spec.check_id, spec.question_slug, *spec.mentions}

    unknown = [n for n in names if not any(n in named(s) for s in specs)]
    if unknown:
        known = sorted({s.question_slug for s in specs if s.question_slug})
        raise StudylogError(f"no check or question named {', '.join(map(repr, unknown))} (questions with checks: {', '.join(known) or 'none'})")
    return [s for s in specs if not names or named(s) & set(names)]

"""`ref()`: a value read from a cited reference file in references/, carrying its citation and printed precision.

A file is `references/<source>.toml` with a `[meta]` table (title, authors, year, arxiv, url) and
`[tables.<table>] source = "Table 1"` whose `[tables.<table>.rows."<row>"]` hold the cells as
printed ("159K", "0.39B") or as numbers. Other tables (`[text.budget] value = "1.5B"`) are reached by path.
A file is looked up in the asking module's own pack first (`references/` beside it, or one or two folders
up), then in the bundled references/ and the configured check folders' references/.
"""

from __future__ import annotations

import functools
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from studylog.config import bundled_references_dir, configured_check_dirs

SUFFIX_MULTIPLIERS = {"": 1, "K": 10**3, "M": 10**6, "B": 10**9, "G": 10**9, "T": 10**12}
CITATION_SEPARATOR = " \u2014 "  # between the document and the place in it: "Szegedy et al. 2014, … — Table 1: …"
CITATIONS_JOINER = " \u00b7 "  # between the citations of one claim (its own, and its reference's)
PRINTED_NUMBER = re.compile(r"^\s*([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)\s*([KMBGT]?)\s*$")


class ReferenceLookupError(LookupError):
    """A reference file, table, row or column that does not exist or cannot be read."""


@dataclass(frozen=True)
class Reference:
    """One cited value: as printed, its number and suffix, the printed decimals, and where it comes from."""

    printed: str
    raw: object
    number: int | float | None
    suffix: str
    digits: int
    citation: str

    @property
    def value(self):
        """The value to compare exactly or within a tolerance; a suffixed value ("159K") has no single one."""
        if self.suffix:
            raise ValueError(
                f"{self.citation} is printed as {self.printed!r}: compare it with rounds_to(..., unit=...), "
                "which says what the suffix means"
            )
        return self.number if self.number is not None else self.raw


def reference_dirs() -> list[Path]:
    """The bundled references/, then a `references/` folder inside each configured check folder (config.toml's
    check_paths, $STUDYLOG_CHECK_PATHS)."""
    extra = [d / "references" for d in configured_check_dirs()]
    return [bundled_references_dir(), *extra]


def pack_reference_dirs(module: Path) -> list[Path]:
    """The `references/` folders a check module's own pack may keep: beside it, or one or two folders up
    (a pack's `week5/bn_params.py` reads the pack's `references/`)."""
    folder = Path(module).absolute().parent
    return [d / "references" for d in [folder, *list(folder.parents)[:2]]]


def reference_file(source: str, near: Path | None = None) -> Path | None:
    """The file that holds reference `source`: in the pack of module `near` first (when given), then in
    reference_dirs(); None when no folder has it."""
    dirs = [*(pack_reference_dirs(near) if near else []), *reference_dirs()]
    return next((d / f"{source}.toml" for d in dirs if (d / f"{source}.toml").is_file()), None)


@functools.lru_cache(maxsize=None)
def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ReferenceLookupError(f"{path}: not valid TOML: {exc}") from None


def parse_printed(printed: str) -> tuple[int | float | None, str, int]:
    """("159K") -> (159, "K", 0); ("0.39B") -> (0.39, "B", 2); text that is no number -> (None, "", 0)."""
    match = PRINTED_NUMBER.match(printed)
    if not match:
        return None, "", 0
    text, decimals, suffix = match.groups()
    number = float(text.replace(",", "")) if decimals else int(text.replace(",", ""))
    return number, suffix, len(decimals or "")


def _citation(meta: dict, source: str, where: str) -> str:
    authors = meta.get("authors") or []
    who = f"{authors[0].split()[-1]} et al." if len(authors) > 2 else " & ".join(a.split()[-1] for a in authors)
    parts = [f"{who} {meta.get('year', '')}".strip(), f"\u201c{meta['title']}\u201d" if meta.get("title") else ""]
    parts.append(f"arXiv:{meta['arxiv']}" if meta.get("arxiv") else meta.get("url", ""))
    document = ", ".join(p for p in parts if p) or source
    return f"{document}{CITATION_SEPARATOR}{where}" if where else document


def _locate(data: dict, path: Path, keys: tuple[str, ...]) -> tuple[object, str, str]:
    """The value at `keys`, the place its entry names (`source = "Table 1"`, "" when none) and where the source
    says it is ("Table 1: inception (3a) / params")."""
    tables = data.get("tables", {})
    if keys and keys[0] in tables:
        if len(keys) != 3:
            raise ReferenceLookupError(f"{path}: a table cell is ref(source, table, row, column), got {len(keys)} keys")
        node, label, walk, shown = tables[keys[0]], tables[keys[0]].get("source", ""), ("rows", *keys[1:]), keys[1:]
    else:
        node, label, walk, shown = data, "", keys, keys
    for key in walk:
        if not isinstance(node, dict) or key not in node:
            known = ", ".join(map(repr, node)) if isinstance(node, dict) else "nothing"
            raise ReferenceLookupError(f"{path}: no {key!r} at {' / '.join(keys)} (there is {known})")
        node = node[key]
        if isinstance(node, dict) and isinstance(node.get("source"), str):
            label = node["source"]
    if isinstance(node, dict) and "value" in node:
        node = node["value"]
    return node, label, f"{label}: {' / '.join(shown)}" if label else " / ".join(shown)


def ref(source: str, *keys: str) -> Reference:
    """The cell `ref(source, table, row, column)` of references/<source>.toml, or any value by its key path.

    Raises ReferenceLookupError for a file, table, row or column that does not exist, and for a cell that is not
    cited: the file's [meta] lacks a title or an arxiv id / url, or its table or entry names no `source`.
    """
    caller = sys._getframe(1).f_code.co_filename  # the check module (or its helper) asking: its pack comes first
    path = reference_file(source, Path(caller) if Path(caller).is_file() else None)
    if path is None:
        raise ReferenceLookupError(f"no reference file {source}.toml in {', '.join(map(str, reference_dirs()))}")
    data = _load(path)
    value, place, where = _locate(data, path, keys)
    meta = data.get("meta", {})
    if not place or not meta.get("title") or not (meta.get("arxiv") or meta.get("url")):
        raise ReferenceLookupError(
            f"{path}: {' / '.join(keys)} is not cited: a reference needs [meta] title and arxiv or url, and its table "
            "or entry a source (\"Table 2\", \"Section 3.1\")")
    printed = value if isinstance(value, str) else str(value)
    is_number_or_text = isinstance(value, (str, int, float)) and not isinstance(value, bool)
    number, suffix, digits = parse_printed(printed) if is_number_or_text else (None, "", 0)
    citation = _citation(meta, source, where)
    return Reference(printed=printed, raw=value, number=number, suffix=suffix, digits=digits, citation=citation)

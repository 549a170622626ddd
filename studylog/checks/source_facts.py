"""What the cache key and the zygote's preload need from a Python file, read with `ast` once per version of it:
its digest, what it imports, which of its functions are checks, and which reference files it names.
"""

from __future__ import annotations

import ast
import functools
import hashlib
from dataclasses import dataclass
from pathlib import Path

import studylog
from studylog.checks.check_source import BadCheckModule, file_version, is_check, parse_python

STUDYLOG_ROOT = Path(studylog.__file__).parent


@dataclass(frozen=True)
class SourceFacts:
    """What hashing (and the zygote's preload) needs from one Python file, read once per version of the file."""

    digest: bytes
    imports: frozenset[str]  # every module an import may run, parents included (a.b runs a/__init__.py)
    named_modules: frozenset[str]  # the modules its import statements name: import a.b, from a.b import c -> a.b
    check_functions: frozenset[str]  # top-level functions decorated with @check
    refs_by_function: dict[str, frozenset[str]]  # literal ref("source") calls in each top-level function
    refs_elsewhere: frozenset[str]  # ... and in the rest of the file
    dynamic_ref: bool  # some ref() names its source otherwise than with a literal


def _imports(path: Path, tree: ast.Module) -> tuple[frozenset[str], frozenset[str]]:
    """(every module the file's imports may run, the modules they name); see SourceFacts."""
    package = path.relative_to(STUDYLOG_ROOT.parent).parts[:-1] if path.is_relative_to(STUDYLOG_ROOT) else ()
    named: set[str] = set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join([*package[: len(package) - node.level + 1], node.module or ""]) if node.level else node.module
            named.add(base.strip("."))
            names.update(f"{base.strip('.')}.{alias.name}" for alias in node.names)  # c may be a module a.b.c
    every = frozenset(".".join(n.split(".")[:i]) for n in names | named for i in range(1, n.count(".") + 2))
    return every, frozenset(named)


def _refs(node: ast.AST) -> tuple[set[str], bool]:
    sources, dynamic = set(), False
    for call in ast.walk(node):
        if isinstance(call, ast.Call) and getattr(call.func, "id", getattr(call.func, "attr", None)) == "ref":
            first = call.args[0] if call.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                sources.add(first.value)
            else:
                dynamic = True
    return sources, dynamic


@functools.lru_cache(maxsize=512)
def _facts(path: Path, _version: tuple[int, int, int]) -> SourceFacts:
    try:
        tree = parse_python(path)
    except BadCheckModule:  # a local module with a syntax error: hash its bytes; the check reports the error
        return SourceFacts(hashlib.sha256(path.read_bytes()).digest(), frozenset(), frozenset(), frozenset(), {}, frozenset(), False)
    by_function, elsewhere, dynamic = {}, set(), False
    for node in tree.body:
        sources, unknown = _refs(node)
        dynamic |= unknown
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            by_function[node.name] = frozenset(sources)
        else:
            elsewhere |= sources
    checks = frozenset(n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and is_check(n))
    return SourceFacts(hashlib.sha256(path.read_bytes()).digest(), *_imports(path, tree), checks, by_function,
                       frozenset(elsewhere), dynamic)


def source_facts(path: Path) -> SourceFacts:
    """The facts of a file, recomputed when it changes (a new mtime, size or inode)."""
    return _facts(path, file_version(path))

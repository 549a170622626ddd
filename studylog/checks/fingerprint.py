"""What a check's result depends on, hashed without importing it: the cache key and the staleness test.

code hash = the check's module, the local modules it imports (studylog's own, siblings beside it),
            and every reference file named in a literal `ref("source", ...)` it may run (other
            checks' bodies in its module left out, so auditing one table reruns only its checks);
cache key = code hash + torch and torchvision versions + the device it runs on.
Hashing whole files is the simple honest choice: any edit to a module reruns its checks.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path

from studylog.checks.discovery import CheckSpec, file_version
from studylog.checks.references import pack_reference_dirs, reference_dirs, reference_file
from studylog.checks.source_facts import STUDYLOG_ROOT, source_facts

LIBRARIES = ("torch", "torchvision")


def library_versions() -> dict[str, str]:
    """Installed versions of torch and torchvision, read from package metadata (no import)."""
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def is_sibling(name: str, beside: Path) -> bool:
    """Whether module `name` is a file or package in the folder `beside` (a check module's own helper)."""
    top = name.split(".")[0]
    return (beside / f"{top}.py").is_file() or (beside / top).is_dir()


def _module_file(name: str, beside: Path) -> Path | None:
    """The source file of a local module: studylog's own or a sibling of the check module."""
    parts = name.split(".")
    if parts[0] == "studylog":
        base = STUDYLOG_ROOT.joinpath(*parts[1:])
    elif is_sibling(name, beside):
        base = beside.joinpath(*parts)
    else:
        return None
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@functools.lru_cache(maxsize=256)
def _studylog_closure(path: Path, _version: tuple[int, int, int]) -> tuple[Path, ...]:
    """A studylog module and the studylog modules it imports, directly or not: the same for every check
    module that imports it, so worked out once per version of the file rather than once per check module."""
    return tuple(_walk(path, None))


def _walk(start: Path, beside: Path | None) -> list[Path]:
    """Files reached from `start` through local imports: studylog's own, and siblings of `beside` when given."""
    seen: dict[Path, None] = {}
    todo = [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen[path] = None
        for name in source_facts(path).imports:
            if beside is None and name.split(".")[0] != "studylog":
                continue
            found = _module_file(name, beside or path.parent)
            if found is None:
                continue
            found = found.resolve()
            if beside is not None and found.is_relative_to(STUDYLOG_ROOT):
                seen.update(dict.fromkeys(_studylog_closure(found, file_version(found))))
            else:
                todo.append(found)
    return list(seen)


def local_dependencies(module: Path) -> list[Path]:
    """The module and every local module it imports, directly or not, in a stable order."""
    return sorted(_walk(module.resolve(), module.parent))


def referenced_sources(spec: CheckSpec, modules: list[Path]) -> set[str] | None:
    """The reference sources named in literal `ref("source", ...)` calls that the check may run: in its
    module (other checks' bodies left out) and in its local imports. None if some call names one otherwise."""
    sources: set[str] = set()
    for path in modules:
        facts = source_facts(path)
        if facts.dynamic_ref:
            return None
        skipped = facts.check_functions - {spec.function} if path == spec.module.resolve() else frozenset()
        sources |= facts.refs_elsewhere.union(*(refs for name, refs in facts.refs_by_function.items() if name not in skipped))
    return sources


def _reference_files(sources: set[str] | None, module: Path) -> list[tuple[str, Path | None]]:
    if sources is None:  # a ref() we cannot read statically: depend on every reference file
        dirs = [*pack_reference_dirs(module), *reference_dirs()]
        return [(p.stem, p) for d in dirs if d.is_dir() for p in sorted(d.glob("*.toml"))]
    return [(source, reference_file(source, module)) for source in sorted(sources)]


def code_hashes(specs: list[CheckSpec]) -> dict[str, str]:
    """check id -> the hash of everything in files that the check's result depends on."""
    dependencies = {module: local_dependencies(module) for module in {s.module for s in specs}}
    hashes = {}
    for spec in specs:
        digest = hashlib.sha256(spec.check_id.encode())
        modules = dependencies[spec.module]
        for path in modules:
            digest.update(b"\0module\0" + path.name.encode() + b"\0" + source_facts(path).digest)
        for source, path in _reference_files(referenced_sources(spec, modules), spec.module):
            digest.update(b"\0ref\0" + source.encode() + b"\0" + (path.read_bytes() if path else b"<missing>"))
        hashes[spec.check_id] = digest.hexdigest()
    return hashes


def code_hash(spec: CheckSpec) -> str:
    """The code hash of one check (see code_hashes)."""
    return code_hashes([spec])[spec.check_id]


def cache_key(code: str, versions: dict[str, str], device: str) -> str:
    """The key a result is cached under: same code, same libraries, same device."""
    parts = [code, *(f"{name}={versions[name]}" for name in LIBRARIES), f"device={device}"]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()

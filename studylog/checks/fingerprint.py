"""What a check's result depends on, hashed without importing it: the cache key and the staleness test.

code hash = the check's module, the local modules it imports (studylog's own, siblings beside it),
            and every reference file named in a literal `ref("source", ...)` it may run (other
            checks' bodies in its module left out, so auditing one table reruns only its checks);
cache key = code hash + torch and torchvision versions + the device it runs on.
Hashing whole files is the simple honest choice: any edit to a module reruns its checks.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
from dataclasses import dataclass
from pathlib import Path

import studylog
from studylog.checks.discovery import BadCheckModule, CheckSpec, file_version, is_check, parse_python
from studylog.checks.references import reference_dirs, reference_file

STUDYLOG_ROOT = Path(studylog.__file__).parent
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


def local_dependencies(module: Path) -> list[Path]:
    """The module and every local module it imports, directly or not, in a stable order."""
    seen: dict[Path, None] = {}
    todo = [module.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen[path] = None
        for name in source_facts(path).imports:
            found = _module_file(name, module.parent)
            if found is not None:
                todo.append(found.resolve())
    return sorted(seen)


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


def _reference_files(sources: set[str] | None) -> list[tuple[str, Path | None]]:
    if sources is None:  # a ref() we cannot read statically: depend on every reference file
        return [(p.stem, p) for d in reference_dirs() if d.is_dir() for p in sorted(d.glob("*.toml"))]
    return [(source, reference_file(source)) for source in sorted(sources)]


def code_hashes(specs: list[CheckSpec]) -> dict[str, str]:
    """check id -> the hash of everything in files that the check's result depends on."""
    dependencies = {module: local_dependencies(module) for module in {s.module for s in specs}}
    hashes = {}
    for spec in specs:
        digest = hashlib.sha256(spec.check_id.encode())
        modules = dependencies[spec.module]
        for path in modules:
            digest.update(b"\0module\0" + path.name.encode() + b"\0" + source_facts(path).digest)
        for source, path in _reference_files(referenced_sources(spec, modules)):
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

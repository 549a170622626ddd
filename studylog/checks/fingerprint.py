"""What a check's result depends on, hashed without importing it: the cache key and the staleness test.

code hash = the check's module, the local modules it imports (studylog's own, siblings beside it),
            and every reference file named in a literal `ref("source", ...)` it may run (other
            checks' bodies in its module left out, so auditing one table reruns only its checks);
cache key = code hash + torch and torchvision versions + the device it runs on.
Hashing whole files is the simple honest choice: any edit to a module reruns its checks.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata
from pathlib import Path

import studylog
from studylog.checks.discovery import CheckSpec, checks_in_module, parse_python
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


def _module_file(name: str, beside: Path) -> Path | None:
    """The source file of a local module: studylog's own or a sibling of the check module."""
    parts = name.split(".")
    if parts[0] == "studylog":
        base = STUDYLOG_ROOT.joinpath(*parts[1:])
    elif (beside / f"{parts[0]}.py").is_file() or (beside / parts[0]).is_dir():
        base = beside.joinpath(*parts)
    else:
        return None
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_names(path: Path, tree: ast.Module) -> set[str]:
    """Every module an import in the file may run, parents included (importing a.b runs a/__init__.py)."""
    package = path.relative_to(STUDYLOG_ROOT.parent).parts[:-1] if path.is_relative_to(STUDYLOG_ROOT) else ()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join([*package[: len(package) - node.level + 1], node.module or ""]) if node.level else node.module
            base = base.strip(".")
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return {".".join(n.split(".")[:i]) for n in names for i in range(1, n.count(".") + 2)}


def local_dependencies(module: Path) -> list[Path]:
    """The module and every local module it imports, directly or not, in a stable order."""
    seen: dict[Path, None] = {}
    todo = [module.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen[path] = None
        for name in _imported_names(path, parse_python(path)):
            found = _module_file(name, module.parent)
            if found is not None:
                todo.append(found.resolve())
    return sorted(seen)


def _walk_except(tree: ast.AST, skipped: set[str]):
    """ast.walk, leaving out the top-level functions named in `skipped`."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(child for child in ast.iter_child_nodes(node)
                    if not (node is tree and isinstance(child, ast.FunctionDef) and child.name in skipped))


def referenced_sources(spec: CheckSpec, modules: list[Path]) -> set[str] | None:
    """The reference sources named in literal `ref("source", ...)` calls that the check may run: in its
    module (other checks' bodies left out) and in its local imports. None if some call names one otherwise."""
    others = {s.function for s in checks_in_module(spec.module, spec.question_slug)} - {spec.function}
    sources: set[str] = set()
    for path in modules:
        for node in _walk_except(parse_python(path), others if path == spec.module.resolve() else set()):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "ref":
                if not node.args or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
                    return None
                sources.add(node.args[0].value)
    return sources


def _reference_files(sources: set[str] | None) -> list[tuple[str, Path | None]]:
    if sources is None:  # a ref() we cannot read statically: depend on every reference file
        return [(p.stem, p) for d in reference_dirs() if d.is_dir() for p in sorted(d.glob("*.toml"))]
    return [(source, reference_file(source)) for source in sorted(sources)]


def code_hash(spec: CheckSpec) -> str:
    """The hash of everything in files that the check's result depends on."""
    digest = hashlib.sha256(spec.check_id.encode())
    modules = local_dependencies(spec.module)
    for path in modules:
        digest.update(b"\0module\0" + path.name.encode() + b"\0" + path.read_bytes())
    for source, path in _reference_files(referenced_sources(spec, modules)):
        digest.update(b"\0ref\0" + source.encode() + b"\0" + (path.read_bytes() if path else b"<missing>"))
    return digest.hexdigest()


def cache_key(code: str, versions: dict[str, str], device: str) -> str:
    """The key a result is cached under: same code, same libraries, same device."""
    parts = [code, *(f"{name}={versions[name]}" for name in LIBRARIES), f"device={device}"]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()

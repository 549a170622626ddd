"""Whether a check's result depends on more than its code: it replaced a function, class or method of torch
or torchvision (a helper that monkeypatches `nn.Module.parameters` on import), or one of its local modules
failed while it was being imported (and may have done half its work). Such a result is shown, never cached.

The zygote takes the snapshot once, after importing torch; each check's process compares against it at its end.
"""

from __future__ import annotations

import importlib.abc
import sys
import sysconfig
from pathlib import Path

SHARED = ("torch", "torchvision")
INSTALLED = tuple({str(Path(sysconfig.get_path(name)).resolve()) for name in ("stdlib", "platstdlib", "purelib", "platlib")})
_MISSING = object()
_snapshot: list[tuple[str, object, str, object]] = []  # (owner's name, owner, attribute, value)


def _owners():
    """The shared libraries' modules and the classes they define, whose namespaces a patch would change."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name in SHARED or name.startswith(tuple(f"{s}." for s in SHARED))):
            continue
        yield name, module
        for value in list(vars(module).values()):
            if issubclass(type(value), type) and vars(value).get("__module__") == name:
                yield f"{name}.{value.__qualname__}", value


def _is_code(value) -> bool:
    return callable(value) or issubclass(type(value), (property, staticmethod, classmethod))


def take_snapshot() -> None:
    """Note every function, class and method of the shared libraries' loaded modules (the zygote does, once;
    the checks it forks inherit the note)."""
    _snapshot[:] = [(label, owner, key, value) for label, owner in _owners() for key, value in list(vars(owner).items())
                    if _is_code(value)]


def _shared_code(value, folders: tuple[str, ...]) -> bool:
    """Whether `value` was written by torch or torchvision themselves (they wrap some methods lazily, e.g.
    Optimizer.step on first use): its code's file is in their folders, or, for what has no code, its module."""
    function = getattr(value, "__func__", None) or getattr(value, "fget", None) or value  # methods, properties
    code = getattr(function, "__code__", None)
    if code is not None:
        return str(Path(code.co_filename).resolve()).startswith(folders)
    return str(getattr(value, "__module__", "")).split(".")[0] in SHARED


def replaced() -> list[str]:
    """The noted attributes that code outside torch and torchvision replaced (or removed), as `module.Class.name`."""
    folders = tuple(str(Path(m.__file__).resolve().parent) for m in map(sys.modules.get, SHARED) if m and m.__file__)
    return [f"{label}.{key}" for label, owner, key, value in _snapshot
            if (now := vars(owner).get(key, _MISSING)) is not value and (now is _MISSING or not _shared_code(now, folders))]


def _is_local(name: str, origin: str) -> bool:
    """A module of the user's (a check's helper), not of Python, torch, torchvision or an installed package."""
    if name.split(".")[0] in SHARED:
        return False
    path = str(Path(origin).resolve())
    return not path.startswith(INSTALLED) and not any(part in ("site-packages", "dist-packages") for part in Path(path).parts)


class _Reporting(importlib.abc.Loader):
    """A loader that notes the module it fails to execute, then lets the error go on as before."""

    def __init__(self, loader, failures: list[str]) -> None:
        self._loader, self._failures = loader, failures

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        try:
            self._loader.exec_module(module)
        except BaseException as exc:
            self._failures.append(f"{module.__name__} ({type(exc).__name__}: {exc})")
            raise

    def __getattr__(self, name):
        return getattr(self._loader, name)


class FailedImports(importlib.abc.MetaPathFinder):
    """Put first on sys.meta_path: records each local module (not in the standard library or site-packages)
    whose import raised, even when the check caught the error."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def find_spec(self, name, path=None, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and spec.has_location and _is_local(name, spec.origin):
                    spec.loader = _Reporting(spec.loader, self.failures)
                return spec
        return None

    def install(self) -> FailedImports:
        sys.meta_path.insert(0, self)
        return self

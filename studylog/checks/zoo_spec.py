"""What `studylog count MODEL` names: a torchvision model, a function in the user's file, or module:function.

`path/to/my_model.py:build` imports the file by path (its folder goes on sys.path first, so its own
imports work from any current folder); `my_model:build` and `package.module:build` import by name,
the current folder first. The function, or an nn.Module class, takes no arguments. Every failure
is one StudylogError line naming the model and what to change.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import importlib.util
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from torch import nn
from torchvision.models import WeightsEnum, get_model_weights

from studylog.checks.counting import build_on_meta
from studylog.checks.zoo import build_torchvision, default_inputs, detections_placed_by_shape, families
from studylog.errors import StudylogError

FACTORY_CONTRACT = "the factory must take no arguments and return an nn.Module"
FORMS = "a torchvision model name (resnet50, fcn_resnet50, ...), FILE.py:function or package.module:function"


@dataclass(frozen=True)
class ModelSpec:
    """A model to count: how to build it, its default inputs if it has them, the weights to compare with."""

    build: Callable[[], nn.Module]
    default_inputs: Callable[[], tuple] | None = None
    weights: WeightsEnum | None = None
    keep_every_candidate: bool = False  # selections by value keep every candidate (torchvision detectors)
    while_counting: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext


def load_function(spec: str, what: str = "model factory") -> Callable:
    """The callable that `FILE.py:function` or `module:function` names."""
    where, _, attribute = spec.rpartition(":")
    if not where or not attribute:
        raise StudylogError(f"{what} '{spec}' must name a file or module and a function: FILE.py:function or package.module:function")
    file = Path(where).expanduser()
    if where.endswith(".py") or os.sep in where or "/" in where or file.is_dir():
        module = _import_file(spec, file)
    else:
        if os.getcwd() not in sys.path:
            sys.path.insert(0, os.getcwd())
        try:
            module = importlib.import_module(where)
        except ImportError as exc:
            raise StudylogError(f"cannot load {what} '{spec}': {exc} (a file needs its path: FILE.py:function)") from None
        except Exception as exc:
            raise StudylogError(f"cannot import '{where}' for '{spec}': {type(exc).__name__}: {_line(exc)}") from None
    found = getattr(module, attribute, None)
    if found is None:
        functions = _functions_in(file) if where.endswith(".py") else ""  # a student's file
        raise StudylogError(f"cannot load {what} '{spec}': {where} has no '{attribute}'{functions}")
    if not callable(found):
        raise StudylogError(f"{what} '{spec}' is not callable: {FACTORY_CONTRACT}")
    return found


def _import_file(spec: str, path: Path):
    if path.is_dir():
        raise StudylogError(f"'{path}' for '{spec}' is a folder, not a model file: give the .py file's path")
    if not path.is_file():
        raise StudylogError(f"model file '{path}' for '{spec}' does not exist (looked from {os.getcwd()}): give its path, relative or absolute")
    folder = str(path.resolve().parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)  # the file's own imports of its neighbours
    loader = importlib.util.spec_from_file_location(f"studylog_model_{path.stem}", path)
    module = importlib.util.module_from_spec(loader)
    try:
        loader.loader.exec_module(module)
    except SystemExit as exc:  # a script's `sys.exit()` when run as a module: say so, not exit silently with its code
        raise StudylogError(f"cannot import '{path}' for '{spec}': it calls sys.exit({exc.code!r}) when imported; "
                            "put the script part under `if __name__ == \"__main__\":`") from None
    except Exception as exc:
        raise StudylogError(f"cannot import '{path}' for '{spec}': {type(exc).__name__}: {_line(exc)}") from None
    return module


def _functions_in(path: Path) -> str:
    """` (its functions: build, make_net)`, read without running the file; "" when it cannot be read."""
    try:
        tree = ast.parse(path.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return ""
    names = [node.name for node in tree.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")]
    return f" (its functions: {', '.join(names)})" if names else ""


def _line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [""])[0]


def _from_factory(spec: str, factory: Callable, device: str) -> nn.Module:
    """The factory's model on `device`; a factory that fails or returns something else is named in one line."""
    try:
        model = build_on_meta(factory) if device == "meta" else factory()
    except (Exception, SystemExit) as exc:  # the user's code: say what it raised, in one line
        raise StudylogError(f"model factory '{spec}' raised {type(exc).__name__}: {_line(exc)} ({FACTORY_CONTRACT})") from None
    if not isinstance(model, nn.Module):
        raise StudylogError(f"model factory '{spec}' returned a {type(model).__name__}: {FACTORY_CONTRACT}")
    return model.to(device) if device != "meta" else model


def resolve(spec: str, device: str = "meta") -> ModelSpec:
    """The model `spec` names, to be built on `device` ("meta", or "cpu" for real zero-filled tensors)."""
    if ":" in spec:
        factory = load_function(spec)
        return ModelSpec(lambda: _from_factory(spec, factory, device))
    if spec not in families():
        path = Path(spec).expanduser()
        if path.is_dir():
            raise StudylogError(f"'{spec}' is a folder: give the model's file and the function that returns the model, "
                                "FILE.py:FUNCTION")
        if path.is_file():
            raise StudylogError(f"'{spec}' is a file: name the function in it that returns the model, "
                                f"{spec}:FUNCTION{_functions_in(path)}")
        if spec.endswith(".py"):
            raise StudylogError(f"model file '{spec}' does not exist (looked from {os.getcwd()}); a model in a file "
                                f"is named FILE.py:FUNCTION")
        raise StudylogError(f"unknown model '{spec}': give {FORMS}")
    weights = None if families()[spec] == "quantization" else get_model_weights(spec).DEFAULT
    detector = families()[spec] == "detection"
    return ModelSpec(
        build=lambda: build_torchvision(spec, weights, device),
        default_inputs=lambda: default_inputs(spec, weights, device),
        weights=weights,
        keep_every_candidate=detector and device == "meta",
        while_counting=detections_placed_by_shape if detector and device == "meta" else contextlib.nullcontext,
    )

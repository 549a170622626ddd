"""One `studylog count`: resolve the model, make its inputs, count, and say any failure in one line."""

from __future__ import annotations

import torch
from torch.utils._pytree import tree_map

from studylog.checks.counting import count_call
from studylog.checks.counting_result import ModelCount, describe_inputs
from studylog.checks.counting_meta import DataDependent
from studylog.checks.zoo import metadata_citation, published_gmacs
from studylog.checks.zoo_spec import ModelSpec, load_function, resolve
from studylog.errors import StudylogError

INPUT_HINT = "pass the inputs its forward takes with --input SHAPE[:DTYPE] (repeat for several) or --example FILE.py:function"


def example_call(spec: str, device: str) -> tuple[tuple, dict]:
    """(args, kwargs) from the user's example function, their tensors moved to `device`."""
    made = load_function(spec, "example function")
    try:
        value = made()
    except Exception as exc:
        raise StudylogError(f"example function '{spec}' raised {type(exc).__name__}: {exc}") from None
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], (tuple, list)) and isinstance(value[1], dict):
        args, kwargs = tuple(value[0]), value[1]
    elif isinstance(value, dict):
        args, kwargs = (), value
    elif isinstance(value, (tuple, list)):
        args, kwargs = tuple(value), {}
    elif isinstance(value, torch.Tensor):
        args, kwargs = (value,), {}
    else:
        raise StudylogError(f"example function '{spec}' returned a {type(value).__name__}: return a tensor, a tuple "
                            "of arguments, a dict of keyword arguments, or (args, kwargs)")
    move = lambda leaf: leaf.to(device) if isinstance(leaf, torch.Tensor) else leaf  # noqa: E731
    return tree_map(move, args), tree_map(move, kwargs)


def _call(model: str, spec: ModelSpec, inputs, example: str | None, device: str) -> tuple[tuple, dict]:
    if example:
        return example_call(example, device)
    if inputs:
        return tuple(torch.zeros(shape, dtype=getattr(torch, dtype), device=device) for shape, dtype in inputs), {}
    if spec.default_inputs is None:
        raise StudylogError(f"{model} has no default input: pass --input, e.g. --input 1x3x224x224 or --input 2x16:long")
    return spec.default_inputs(), {}


def _published(spec: ModelSpec, default_inputs: bool) -> dict | None:
    """The weights' num_params and _ops (GMACs) to set beside the count, at their own input only."""
    if spec.weights is None or not default_inputs:
        return None
    meta = spec.weights.meta
    return {"num_params": meta["num_params"], "gmacs": published_gmacs(spec.weights) if "_ops" in meta else None,
            "source": metadata_citation(spec.weights), "upper_bound": spec.keep_every_candidate}


def run_count(model: str, inputs, example: str | None, device: str, depth: int) -> tuple[ModelCount, dict | None]:
    """Count `model` as `studylog count` does; every failure is one StudylogError line."""
    spec = resolve(model, device)
    built = spec.build()  # outside the try below: a factory's own errors are not the inputs'
    args, kwargs = _call(model, spec, inputs, example, device)
    try:
        with spec.while_counting():
            counted = count_call(built, args, kwargs, device=device, depth=depth, keep_every_candidate=spec.keep_every_candidate)
    except DataDependent as exc:
        raise StudylogError(
            f"cannot count {model} on meta: its forward needs a tensor's value: {exc}; count it with --device cpu, "
            "which runs real zero-filled inputs (the branch taken then follows those values)") from None
    except Exception as exc:  # a shape or dtype the model rejects: say so in one line
        shown = ", ".join(describe_inputs(args, kwargs)) or "its inputs"
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise StudylogError(f"cannot count {model} at input {shown}: {first}; {INPUT_HINT}") from None
    return counted, _published(spec, not (inputs or example))

"""Which FLOPs belong to which submodule, from FlopCounterMode's per-module table.

The counter files each operation under every module being called when it ran, named
`Root.path.to.module`. A container that is never called itself (an nn.ModuleList looped over, an
nn.ModuleDict indexed) has no row of its own, so a module's FLOPs are summed over the outermost rows
at or under its path: each operation once, whichever of its children ran it.
"""

from __future__ import annotations

from collections import defaultdict

from torch import nn

from studylog.checks.counting_recurrent import recurrent_macs

FLOPS_PER_MAC = 2


def _parents(name: str, key: str) -> list[str]:
    """The dotted prefixes of `name` strictly between `key` (included) and `name` itself."""
    parts = name.split(".")
    return [p for p in (".".join(parts[:i]) for i in range(1, len(parts))) if len(p) >= len(key)]


def subtree_flops(by_module: dict[str, int], key: str) -> int:
    """FLOPs run by the module named `key` or anything under it, each counted once."""
    under = {name for name in by_module if name == key or name.startswith(key + ".")}
    return sum(by_module[name] for name in under if not any(p in under for p in _parents(name, key)))


def add_recurrent_formula(model: nn.Module, root: str, calls: list, by_module: dict[str, int]) -> int:
    """Bring each recurrent module's FLOPs up to its formula where the counter saw fewer (a fused
    kernel); update `by_module` for it and its counted ancestors, and return the FLOPs added."""
    paths = {id(module): path for path, module in model.named_modules()}
    formula: dict[str, int] = defaultdict(int)
    for module, inputs in calls:
        formula[paths[id(module)]] += FLOPS_PER_MAC * recurrent_macs(module, inputs)
    added = 0
    for path, flops in formula.items():
        key = f"{root}.{path}" if path else root
        missed = flops - subtree_flops(by_module, key)
        if missed <= 0:
            continue
        by_module[key] = by_module.get(key, 0) + missed
        for parent in _parents(key, root):
            if parent in by_module:
                by_module[parent] += missed
        added += missed
    return added

"""What a count found: the totals of one forward and its blocks, as plain data for the CLI and --json."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import torch
from torch.utils._pytree import tree_leaves

from studylog.checks.counting_blocks import FLOPS_PER_MAC


@dataclass(frozen=True)
class BlockCount:
    """A submodule of the counted model (dotted path, depth 1 for a direct child), or the FLOPs outside them."""

    name: str
    params: int
    flops: int
    depth: int = 1

    @property
    def macs(self) -> int:
        return self.flops // FLOPS_PER_MAC


@dataclass(frozen=True)
class ModelCount:
    """What one forward of a model on its inputs costs, and how much it stores.

    `inputs` describes each input tensor ("1x3x224x224", "2x10 int64"); `value_reads` names where a
    forward counted on real tensors read a value (its branches then follow the values counted with).
    """

    inputs: tuple[str, ...]
    params: int
    trainable: int
    weights_without_bias: int
    flops: int
    blocks: tuple[BlockCount, ...]
    device: str = "meta"
    value_reads: tuple[str, ...] = ()

    @property
    def macs(self) -> int:
        return self.flops // FLOPS_PER_MAC

    def as_dict(self) -> dict:
        """Plain data for --json: every count, MACs and FLOPs side by side."""
        blocks = [{**asdict(block), "macs": block.macs} for block in self.blocks]
        return {**asdict(self), "inputs": list(self.inputs), "value_reads": list(self.value_reads),
                "macs": self.macs, "blocks": blocks}


def describe_inputs(args: tuple, kwargs: dict | None) -> tuple[str, ...]:
    """Each input tensor as "1x3x224x224" (float32) or "2x10 int64", keyword ones named."""
    leaves = [("", leaf) for leaf in tree_leaves(args)] + [
        (f"{key}=", leaf) for key, value in (kwargs or {}).items() for leaf in tree_leaves(value)]
    return tuple(
        prefix + "x".join(map(str, leaf.shape)) + ("" if leaf.dtype == torch.float32 else f" {str(leaf.dtype).removeprefix('torch.')}")
        for prefix, leaf in leaves if isinstance(leaf, torch.Tensor)
    )

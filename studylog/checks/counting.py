"""Count a model's parameters and FLOPs on the `meta` device: no weights in memory, no arithmetic.

`torch.utils.flop_counter` counts FLOPs; units stay explicit: one multiply-add (MAC) is 2 FLOPs,
and papers and torchvision's `_ops` count MACs. Counts cover one inference forward (eval, no grad).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass

import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

FLOPS_PER_MAC = 2


def count_params(module: nn.Module, *, bias: bool = True, trainable_only: bool = False) -> int:
    """Parameters of `module`; bias=False leaves out every parameter named `bias`."""
    return sum(
        p.numel()
        for name, p in module.named_parameters()
        if (bias or name.rpartition(".")[2] != "bias") and (p.requires_grad or not trainable_only)
    )


@dataclass(frozen=True)
class BlockCount:
    """One direct child of the counted model (or the FLOPs spent outside every child)."""

    name: str
    params: int
    flops: int

    @property
    def macs(self) -> int:
        return self.flops // FLOPS_PER_MAC


@dataclass(frozen=True)
class ModelCount:
    """What one forward of a model at one input shape costs, and how much it stores."""

    input: tuple[int, ...]
    params: int
    trainable: int
    weights_without_bias: int
    flops: int
    blocks: tuple[BlockCount, ...]

    @property
    def macs(self) -> int:
        return self.flops // FLOPS_PER_MAC

    def as_dict(self) -> dict:
        """Plain data for --json: every count, MACs and FLOPs side by side."""
        blocks = [{**asdict(block), "macs": block.macs} for block in self.blocks]
        return {**asdict(self), "input": list(self.input), "macs": self.macs, "blocks": blocks}


OUTSIDE_BLOCKS = "(outside blocks)"


def count_model(model: nn.Module, input_shape: tuple[int, ...], device: str | torch.device = "meta") -> ModelCount:
    """Count `model` for one input of `input_shape` on `device` (where its parameters already are)."""
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad(), FlopCounterMode(display=False) as counter:
            model(torch.zeros(input_shape, device=device))
    finally:
        model.train(was_training)
    by_module = {name: sum(ops.values()) for name, ops in counter.get_flop_counts().items()}
    total = counter.get_total_flops()
    root = type(model).__name__
    blocks = [BlockCount(name, count_params(child), by_module.get(f"{root}.{name}", 0)) for name, child in model.named_children()]
    if outside := total - sum(block.flops for block in blocks):
        blocks.append(BlockCount(OUTSIDE_BLOCKS, 0, outside))
    return ModelCount(
        input=tuple(input_shape),
        params=count_params(model),
        trainable=count_params(model, trainable_only=True),
        weights_without_bias=count_params(model, bias=False),
        flops=total,
        blocks=tuple(blocks),
    )


def build_on_meta(factory: Callable[[], nn.Module]) -> nn.Module:
    """Build a model whose parameters and buffers live on `meta`, allocating none of them.

    Constructors that compute with tensors (torchvision's RegNets call `.tolist()` on a width
    schedule) cannot run under the meta device; they run on real scratch tensors instead, while
    each parameter and buffer moves to meta as it is registered, before it is initialised.
    """
    try:
        with torch.device("meta"):
            return factory()
    except (NotImplementedError, RuntimeError):  # "Cannot copy out of meta tensor", ".item() on meta"
        with _registered_on_meta():
            return factory()


@contextlib.contextmanager
def _registered_on_meta() -> Iterator[None]:
    register_parameter, register_buffer = nn.Module.register_parameter, nn.Module.register_buffer

    def parameter_on_meta(self, name, param):
        if param is not None:
            param = type(param)(param.to("meta"), requires_grad=param.requires_grad)
        register_parameter(self, name, param)

    def buffer_on_meta(self, name, tensor, persistent=True):
        register_buffer(self, name, None if tensor is None else tensor.to("meta"), persistent)

    nn.Module.register_parameter, nn.Module.register_buffer = parameter_on_meta, buffer_on_meta
    try:
        yield
    finally:
        nn.Module.register_parameter, nn.Module.register_buffer = register_parameter, register_buffer

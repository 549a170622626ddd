"""Count a model's parameters and FLOPs on the `meta` device: no weights in memory, no arithmetic.

`torch.utils.flop_counter` counts FLOPs; units stay explicit: one multiply-add (MAC) is 2 FLOPs,
and papers and torchvision's `_ops` count MACs. Counts cover one inference forward (eval, no grad).
"""

from __future__ import annotations

import contextlib
import re
import traceback
from collections.abc import Callable, Iterator

import torch
from torch import nn
from torch.utils._pytree import tree_map
from torch.utils.flop_counter import FlopCounterMode

from studylog.checks.counting_blocks import add_recurrent_formula, subtree_flops
from studylog.checks.counting_meta import DataDependent, caller_line, forward_on, meta_limitation
from studylog.checks.counting_recurrent import is_recurrent, outputs_by_shape
from studylog.checks.counting_result import BlockCount, ModelCount, describe_inputs


BIAS_NAME = re.compile(r"(?:^|_)bias(?:es)?(?:_|$)", re.IGNORECASE)


def is_bias(name: str) -> bool:
    """Whether a parameter registered as `name` is a bias: its own name has `bias` as a word.

    bias, bias_ih_l0, bias_hh_l1_reverse (LSTM/GRU/RNN), in_proj_bias, bias_k (MultiheadAttention),
    relative_position_bias_table (Swin): terms added to a result rather than multiplied with an input.
    """
    return bool(BIAS_NAME.search(name.rpartition(".")[2]))


def count_params(module: nn.Module, *, bias: bool = True, trainable_only: bool = False) -> int:
    """Parameters of `module` (tied ones once); bias=False leaves out every bias (see `is_bias`)."""
    return sum(
        p.numel()
        for name, p in module.named_parameters()
        if (bias or not is_bias(name)) and (p.requires_grad or not trainable_only)
    )


OUTSIDE_BLOCKS = "(outside blocks)"


def count_model(model: nn.Module, input_shape: tuple[int, ...], device: str | torch.device = "meta", depth: int = 1) -> ModelCount:
    """Count `model` for one float32 input of `input_shape` on `device` (where its parameters already are)."""
    return count_call(model, (torch.zeros(input_shape, device=device),), device=device, depth=depth)


def count_call(model: nn.Module, args: tuple, kwargs: dict | None = None, *, device: str | torch.device = "meta",
               depth: int = 1, keep_every_candidate: bool = False) -> ModelCount:
    """Count one inference forward `model(*args, **kwargs)` (eval, no grad) on `device`.

    Blocks are the submodules down to `depth`, each holding the FLOPs of everything under it.
    Raises DataDependent when a forward on meta needs a tensor's value (see counting_meta).
    """
    device = torch.device(device)
    was_training = model.training
    model.eval()
    calls = []
    recurrent = [m for m in model.modules() if is_recurrent(m)]
    hooks = [m.register_forward_hook(lambda m, i, o: calls.append((m, i))) for m in recurrent]
    if device.type == "meta":  # the formula counts them: skip their per-step decomposition
        for module in recurrent:
            module.forward = outputs_by_shape(module)
    try:
        with torch.no_grad(), forward_on(device, keep_every_candidate) as mode, FlopCounterMode(display=False) as counter:
            model(*args, **(kwargs or {}))
    except (NotImplementedError, RuntimeError) as exc:
        if device.type == "meta" and (operation := meta_limitation(exc)):
            raise DataDependent(operation, caller_line(traceback.extract_tb(exc.__traceback__))) from None
        raise
    finally:
        model.train(was_training)
        for hook in hooks:
            hook.remove()
        for module in recurrent:
            vars(module).pop("forward", None)
    root = type(model).__name__
    by_module = {name: sum(ops.values()) for name, ops in counter.get_flop_counts().items() if name != "Global"}
    total = counter.get_total_flops() + add_recurrent_formula(model, root, calls, by_module)
    blocks = [
        BlockCount(path, count_params(module), subtree_flops(by_module, f"{root}.{path}"), path.count(".") + 1)
        for path, module in model.named_modules() if path and path.count(".") < depth
    ]
    if blocks:  # what the top module does itself, with functional ops (0 when every FLOP is in a block)
        blocks.append(BlockCount(OUTSIDE_BLOCKS, 0, total - sum(block.flops for block in blocks if block.depth == 1), 1))
    return ModelCount(
        inputs=describe_inputs(args, kwargs),
        params=count_params(model),
        trainable=count_params(model, trainable_only=True),
        weights_without_bias=count_params(model, bias=False),
        flops=total,
        blocks=tuple(blocks),
        device=device.type,
        value_reads=tuple(mode.reads),
    )


def build_on_meta(factory: Callable[[], nn.Module]) -> nn.Module:
    """Build a model whose parameters and buffers live on `meta`, allocating none of them.

    Constructors that compute with tensors (torchvision's RegNets call `.tolist()` on a width
    schedule) cannot run under the meta device; they run on real scratch tensors instead, while
    each parameter and buffer moves to meta as it is registered, before it is initialised.
    """
    try:
        with torch.device("meta"):
            model = factory()
    except (NotImplementedError, RuntimeError):  # "Cannot copy out of meta tensor", ".item() on meta"
        with _registered_on_meta():
            model = factory()
    for module in model.modules() if isinstance(model, nn.Module) else ():  # tensors kept as plain attributes (SSD's anchor sizes) follow; scalars stay readable
        for name, value in vars(module).items():
            if isinstance(value, torch.Tensor) or (isinstance(value, list) and value and all(isinstance(v, torch.Tensor) for v in value)):
                setattr(module, name, tree_map(lambda t: t.to("meta") if t.dim() else t, value))
    return model


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

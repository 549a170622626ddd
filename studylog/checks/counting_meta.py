"""What a forward may do that plain `meta` tensors cannot: make tensors, read values, select by value.

`ForwardOnDevice` is scoped to one count. Factory functions called without a device (or with
device="cpu") make their tensors on the model's device, so a forward that builds its own hidden state
(`h0 = torch.zeros(...)`) counts on meta. A value read (`if x.max() > t:`, `.item()`, `.tolist()`)
has no answer on meta: it raises `DataDependent`, naming the operation and the line of the forward;
on the CPU the reads are recorded, since the branch taken depends on the values counted with.
"""

from __future__ import annotations

import contextlib
import os
import re
import traceback
from collections.abc import Iterator

import torch
import torch.fx.experimental._config as fx_config
from torch.nn.attention import SDPBackend, sdpa_kernel
from torch.overrides import TorchFunctionMode
from torch.utils._device import _device_constructors
from torch.utils._python_dispatch import TorchDispatchMode

VALUE_READS = {
    torch.Tensor.__bool__: "a branch on a tensor's value (Tensor.__bool__)",
    torch.Tensor.item: "Tensor.item()",
    torch.Tensor.tolist: "Tensor.tolist()",
    torch.Tensor.__int__: "int() of a tensor",
    torch.Tensor.__float__: "float() of a tensor",
    torch.Tensor.numpy: "Tensor.numpy()",
}
FROM_DATA = {torch.tensor, torch.as_tensor, torch.asarray, torch.scalar_tensor}
_LIBRARY_DIRS = tuple(os.path.dirname(m.__file__) + os.sep for m in (torch, contextlib))
_STUDYLOG_DIR = os.path.dirname(os.path.dirname(__file__)) + os.sep


class DataDependent(Exception):
    """A forward on meta needed a tensor's value: `operation` at `where` (file:line of the model's code)."""

    def __init__(self, operation: str, where: str):
        super().__init__(f"{operation} at {where}" if where else operation)
        self.operation, self.where = operation, where


def caller_line(frames: list | None = None) -> str:
    """file:line of the innermost frame outside torch and studylog (of `frames`, default the current
    stack): the model code that asked."""
    for frame in reversed(frames if frames is not None else traceback.extract_stack()):
        if not frame.filename.startswith(_LIBRARY_DIRS + (_STUDYLOG_DIR,)) and "<frozen" not in frame.filename:
            return f"{os.path.basename(frame.filename)}:{frame.lineno}"
    return ""


META_LIMIT = re.compile(r"meta tensors|Meta tensors|data-dependent|meta kernel|register_meta")
OPERATION = re.compile(r"\b(?:aten|torchvision)::\w+|torch\.\w+\(\)|Tensor\.\w+\(\)")


def meta_limitation(exc: Exception) -> str:
    """The operation a meta tensor cannot run, named in `exc` ('' when `exc` is another error)."""
    text = str(exc)
    if not META_LIMIT.search(text):
        return ""
    found = OPERATION.search(text)
    return f"{found.group(0)}, whose output's shape depends on the values," if found else text.splitlines()[0]


def _is_cpu(device) -> bool:
    return device is None or torch.device(device).type == "cpu"


class ForwardOnDevice(TorchFunctionMode):
    """Route factory functions to `device`; on meta refuse value reads, elsewhere record them in `reads`."""

    def __init__(self, device: torch.device):
        super().__init__()
        self.device, self.reads = device, []

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = dict(kwargs or {})
        if func in _device_constructors() and _is_cpu(kwargs.get("device")):
            if func in FROM_DATA:  # the values are known: a scalar stays on the CPU, where it can be read
                made = func(*args, **kwargs)
                return made if made.dim() == 0 else made.to(self.device)
            kwargs["device"] = self.device
        elif func in VALUE_READS and isinstance(args[0], torch.Tensor):
            if args[0].device.type == "meta":
                raise DataDependent(VALUE_READS[func], caller_line())
            if not self.reads and self.device.type != "meta":  # on meta only constants are readable
                self.reads.append(f"{VALUE_READS[func]} at {caller_line()}")
        elif func in (torch.Tensor.cpu, torch.Tensor.to) and self.device.type == "meta":
            return args[0] if func is torch.Tensor.cpu else _to_without_cpu(args, kwargs)
        return func(*args, **kwargs)


def _to_without_cpu(args, kwargs):
    """`x.to("cpu")` of a meta tensor stays on meta (there is nothing to copy); dtypes still convert."""
    rest = [a for a in args[1:] if not (isinstance(a, (str, torch.device)) and _is_cpu(a))]
    if "device" in kwargs and _is_cpu(kwargs["device"]):
        kwargs.pop("device")
    return torch.Tensor.to(args[0], *rest, **kwargs) if rest or kwargs else args[0]


class KeepEveryCandidate(TorchDispatchMode):
    """Selections by value on meta keep every candidate, the most work the step can do.

    Non-maximum suppression keeps every box and `nonzero` every element (torch's own
    `meta_nonzero_assume_all_nonzero`); `unique` sees one value, so a per-class loop runs once over
    every candidate. A detector then counts its fixed caps (proposals kept per image, detections per
    image) in full: its count is the upper bound at that image size.
    """

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        name = func.name()
        if name == "torchvision::nms" and args[0].device.type == "meta":
            return torch.arange(args[0].shape[0], device="meta")
        if name == "aten::_unique2" and args[0].device.type == "meta":
            values = args[0]
            return values.new_empty(1), values.new_empty(values.shape, dtype=torch.long), values.new_empty(1, dtype=torch.long)
        return func(*args, **(kwargs or {}))


@contextlib.contextmanager
def forward_on(device: torch.device, keep_every_candidate: bool = False) -> Iterator[ForwardOnDevice]:
    """The modes one count runs under; yields the function mode, whose `reads` say what was read."""
    mode = ForwardOnDevice(device)
    fastpath = torch.backends.mha.get_fastpath_enabled()
    torch.backends.mha.set_fastpath_enabled(False)  # the fused attention kernel hides its products from the counter
    with contextlib.ExitStack() as stack:
        stack.callback(torch.backends.mha.set_fastpath_enabled, fastpath)
        stack.enter_context(sdpa_kernel(SDPBackend.MATH))  # so do the fused CPU attention kernels
        if keep_every_candidate and device.type == "meta":
            stack.enter_context(fx_config.patch(meta_nonzero_assume_all_nonzero=True))
            stack.enter_context(KeepEveryCandidate())
        stack.enter_context(mode)
        yield mode

"""Checks for "expand vs repeat": expand makes a stride-0 view (no copy), repeat copies
(PyTorch docs: torch.Tensor.expand, torch.Tensor.repeat)."""

from __future__ import annotations

import torch

from studylog.checks import check

DOCS = "PyTorch docs: torch.Tensor.expand, torch.Tensor.repeat"


@check("expand-repeat-strides", question="expand-vs-repeat")
def expand_repeat_strides(ctx):
    x = torch.tensor([[1.0], [2.0], [3.0]])
    e, r = x.expand(3, 4), x.repeat(1, 4)
    ctx.claim("expand (3, 1) -> (3, 4): strides", list(e.stride()), citation=DOCS).equals([1, 0])
    ctx.claim("repeat (3, 1) -> (3, 4): strides", list(r.stride()), citation=DOCS).equals([4, 1])
    ctx.claim("storage shared with x: expand, repeat", [e.data_ptr() == x.data_ptr(), r.data_ptr() == x.data_ptr()]).equals([True, False])
    x[0, 0] = 10.0
    ctx.claim("after x[0, 0] = 10: row 0 of expand, of repeat", [e[0].tolist(), r[0].tolist()]).equals([[10.0] * 4, [1.0] * 4])
    try:
        e.add_(1)
        outcome = "no error"
    except RuntimeError:
        outcome = "RuntimeError"
    ctx.claim("in-place add on the expanded tensor", outcome).equals("RuntimeError")

"""Checks for "view vs reshape, transpose vs permute": which results share the original's storage, which copy,
and which raise (PyTorch docs: torch.Tensor.view, torch.reshape, torch.transpose, torch.permute)."""

from __future__ import annotations

import torch

from studylog.checks import check

DOCS = "PyTorch docs: torch.Tensor.view, torch.reshape"


@check("view-reshape-storage", question="view-vs-reshape")
def view_reshape_storage(ctx):
    x = torch.arange(12).reshape(3, 4)
    ctx.claim("view of a contiguous tensor shares storage", x.view(4, 3).data_ptr() == x.data_ptr(), citation=DOCS).equals(True)
    t = x.t()
    try:
        t.view(12)
        raised = "no error"
    except RuntimeError:
        raised = "RuntimeError"
    ctx.claim("view of a transposed tensor", raised, citation=DOCS).equals("RuntimeError")
    flat = t.reshape(12)
    ctx.claim("reshape of a transposed tensor copies (storage differs)", flat.data_ptr() == x.data_ptr(), citation=DOCS).equals(False)
    ctx.claim("... and reads the transposed order", flat[:4].tolist()).equals([0, 4, 8, 1])
    x.view(12)[0] = 100
    ctx.claim("a write through a view shows in the original", x[0, 0].item()).equals(100)


@check("transpose-permute-shapes", question="view-vs-reshape")
def transpose_permute(ctx):
    x = torch.zeros(2, 3, 4)
    ctx.claim("(2, 3, 4).transpose(0, 2)", list(x.transpose(0, 2).shape)).equals([4, 3, 2])
    ctx.claim("(2, 3, 4).permute(2, 0, 1)", list(x.permute(2, 0, 1).shape)).equals([4, 2, 3])
    ctx.claim("both share storage with x", [x.transpose(0, 2).data_ptr() == x.data_ptr(), x.permute(2, 0, 1).data_ptr() == x.data_ptr()]).equals([True, True])

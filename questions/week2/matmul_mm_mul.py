"""Checks for "mm vs matmul vs mul": shapes, broadcasting and errors (PyTorch docs: torch.mm, torch.matmul, torch.mul)."""

from __future__ import annotations

import torch

from studylog.checks import check

DOCS = "PyTorch docs: torch.mm, torch.matmul, torch.mul"


def outcome(function) -> str | list[int]:
    try:
        return list(function().shape)
    except RuntimeError:
        return "RuntimeError"


@check("matmul-mm-mul-shapes", question="matmul-mm-mul")
def shapes(ctx):
    a, b = torch.ones(5, 2, 3), torch.ones(3, 4)
    ctx.claim("matmul (5, 2, 3) @ (3, 4)", outcome(lambda: a @ b), citation=DOCS).equals([5, 2, 4])
    ctx.claim("mm on (5, 2, 3) and (3, 4)", outcome(lambda: torch.mm(a, b)), citation=DOCS).equals("RuntimeError")
    ctx.claim("mul (2, 3) * (3,)", outcome(lambda: torch.ones(2, 3) * torch.ones(3)), citation=DOCS).equals([2, 3])
    u, v = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0, 6.0])
    ctx.claim("matmul of two vectors: the dot product", (u @ v).item()).equals(1 * 4 + 2 * 5 + 3 * 6)
    m = torch.arange(6.0).reshape(2, 3)
    ctx.claim("each batch of matmul equals mm", torch.equal(torch.stack([m, m]) @ b, torch.stack([torch.mm(m, b)] * 2))).equals(True)

"""Checks for "BatchNorm vs LayerNorm": which axes each normalises over, what it stores, and that LayerNorm
ignores the rest of the batch (Ioffe & Szegedy 2015, arXiv 1502.03167, Algorithm 1; Ba et al. 2016,
arXiv 1607.06450, Section 3; PyTorch docs: torch.nn.BatchNorm2d, torch.nn.LayerNorm)."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check
from studylog.checks.counting import count_params

DOCS = "PyTorch docs: torch.nn.BatchNorm2d, torch.nn.LayerNorm"


@check("norm-axes-and-params", question="batchnorm-vs-layernorm")
def axes_and_params(ctx):
    bn, ln = nn.BatchNorm2d(64), nn.LayerNorm([64, 56, 56])
    ctx.claim("BatchNorm2d(64) parameters (gamma, beta per channel)", count_params(bn), citation=DOCS).equals(2 * 64)
    ctx.claim("LayerNorm([64, 56, 56]) parameters", count_params(ln), citation=DOCS).equals(2 * 64 * 56 * 56)
    ctx.claim("buffers: BatchNorm2d, LayerNorm", [[n for n, _ in bn.named_buffers()], [n for n, _ in ln.named_buffers()]]).equals(
        [["running_mean", "running_var", "num_batches_tracked"], []])
    x = 3 + 2 * torch.randn(8, 4, 5, 5, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    b = nn.BatchNorm2d(4).double()(x)
    layer = nn.LayerNorm([4, 5, 5]).double()(x)
    ctx.claim("BatchNorm: mean over (N, H, W) per channel ~ 0", b.mean((0, 2, 3)).abs().max().item()).close_to(0.0, abs=1e-9)
    ctx.claim("LayerNorm: mean over (C, H, W) per sample ~ 0", layer.mean((1, 2, 3)).abs().max().item()).close_to(0.0, abs=1e-9)
    ctx.claim("BatchNorm: per-sample means are not 0", b.mean((1, 2, 3)).abs().max().item() > 1e-3).equals(True)


@check("layernorm-ignores-the-batch", question="batchnorm-vs-layernorm")
def ignores_batch(ctx):
    g = torch.Generator().manual_seed(1)
    x = torch.randn(4, 16, generator=g, dtype=torch.float64)
    other = torch.cat([x[:1], 100 * torch.randn(3, 16, generator=g, dtype=torch.float64)])
    ln, bn = nn.LayerNorm(16).double(), nn.BatchNorm1d(16).double()
    ctx.claim("LayerNorm: sample 0's output with other batch-mates (max abs difference)", (ln(x)[0] - ln(other)[0]).abs().max().item()).close_to(0.0, abs=1e-12)
    ctx.claim("BatchNorm (train mode): sample 0's output changes with its batch-mates", (bn(x)[0] - bn(other)[0]).abs().max().item() > 0.1).equals(True)

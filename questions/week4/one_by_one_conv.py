"""Checks for "how does a 1x1 conv reduce parameters": a 1x1 reduce before a 3x3 (Szegedy et al. 2014,
arXiv 1409.4842, Section 4 and Table 1's "#3x3 reduce"), counted and held against K*K*C_in*C_out."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check
from studylog.checks.counting import build_on_meta, count_model, count_params


@check("bottleneck-1x1-savings", question="one-by-one-conv")
def savings(ctx):
    direct = build_on_meta(lambda: nn.Conv2d(128, 128, 3, padding=1, bias=False))
    reduced = build_on_meta(lambda: nn.Sequential(nn.Conv2d(128, 32, 1, bias=False), nn.Conv2d(32, 128, 3, padding=1, bias=False)))
    ctx.claim("3x3 128 -> 128, bias excluded", count_params(direct)).equals(3 * 3 * 128 * 128)
    ctx.claim("1x1 128 -> 32 then 3x3 32 -> 128, bias excluded", count_params(reduced)).equals(128 * 32 + 3 * 3 * 32 * 128)
    shape = (1, 128, 28, 28)
    ctx.claim("multiply-adds at 28x28: reduced / direct", count_model(reduced, shape).macs / count_model(direct, shape).macs).close_to(
        (128 * 32 + 9 * 32 * 128) / (9 * 128 * 128), rel=1e-12)
    one = nn.Conv2d(4, 2, 1, bias=False)
    x = torch.randn(1, 4, 3, 3, generator=torch.Generator().manual_seed(0))
    per_position = torch.einsum("oc,bchw->bohw", one.weight[:, :, 0, 0], x)
    ctx.claim("a 1x1 conv is the same linear map at every position (max abs difference)", (one(x) - per_position).abs().max().item()).close_to(0.0, abs=1e-6)

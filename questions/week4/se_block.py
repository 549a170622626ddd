"""Checks for "what does an SE block cost": squeeze (global average pool) and excitation (FC C -> C/r -> C) add
2C^2/r weights (Hu et al. 2018, arXiv 1709.01507, Section 4, with r = 16); torchvision's SqueezeExcitation."""

from __future__ import annotations

import torch
from torchvision.ops import SqueezeExcitation

from studylog.checks import check
from studylog.checks.counting import build_on_meta, count_params

C, R = 256, 16


@check("se-block-params", question="se-block-cost")
def se_params(ctx):
    block = build_on_meta(lambda: SqueezeExcitation(C, C // R))
    ctx.claim("SE block, C = 256, r = 16: weights, bias excluded", count_params(block, bias=False)).equals(2 * C * C // R)
    ctx.claim("with biases", count_params(block)).equals(2 * C * C // R + C // R + C)
    real = SqueezeExcitation(C, C // R)
    x = torch.randn(2, C, 5, 5, generator=torch.Generator().manual_seed(0))
    scale = torch.sigmoid(real.fc2(torch.relu(real.fc1(x.mean((2, 3), keepdim=True)))))
    ctx.claim("its output: x times a per-channel gate in (0, 1) (max abs difference)", (real(x) - x * scale).abs().max().item()).close_to(0.0, abs=1e-6)

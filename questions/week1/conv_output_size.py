"""Checks for "conv output size and parameters": floor((W + 2P - K) / S) + 1 against nn.Conv2d on meta,
K*K*C_in*C_out weights, AlexNet's 227-vs-224 conv1, and why odd kernels keep the size."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check
from studylog.checks.counting import build_on_meta, count_params

DOCS = "PyTorch docs: torch.nn.Conv2d (output shape)"


def out_side(side: int, kernel: int, stride: int = 1, padding: int = 0) -> int:
    return (side + 2 * padding - kernel) // stride + 1


def conv_side(side: int, kernel: int, stride: int = 1, padding: int = 0) -> int:
    conv = build_on_meta(lambda: nn.Conv2d(1, 1, kernel, stride, padding))
    return conv(torch.zeros(1, 1, side, side, device="meta")).shape[-1]


@check("conv-output-size-formula", question="conv-output-size")
def output_size_formula(ctx):
    conv = build_on_meta(lambda: nn.Conv2d(128, 64, 3, padding=1))
    ctx.claim("3x3 conv 128 -> 64, bias excluded", count_params(conv, bias=False)).equals(3 * 3 * 128 * 64)
    ctx.claim("output shape of (1, 128, 40, 50)", list(conv(torch.zeros(1, 128, 40, 50, device="meta")).shape), citation=DOCS).equals([1, 64, 40, 50])
    ctx.claim("AlexNet conv1 (11x11, stride 4) on 227: output side", conv_side(227, 11, 4)).equals(out_side(227, 11, 4))
    ctx.claim("AlexNet conv1 on 224: output side, not the paper's 55", conv_side(224, 11, 4)).equals(54)
    sides = {(k, p): conv_side(32, k, 1, p) for k, p in [(3, 1), (5, 2), (4, 1), (4, 2)]}
    ctx.claim("on 32: (k=3, p=1), (k=5, p=2), (k=4, p=1), (k=4, p=2)", list(sides.values())).equals(
        [out_side(32, k, 1, p) for k, p in sides])
    ctx.claim("the paddings that keep 32 with an even kernel of 4", [p for p in range(4) if conv_side(32, 4, 1, p) == 32]).equals([])

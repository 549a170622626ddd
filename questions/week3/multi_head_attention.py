"""Checks for "how is Q K^T implemented, and how big is MHA": Eq. 1 of Vaswani et al. 2017 (arXiv 1706.03762)
written out against F.scaled_dot_product_attention, and nn.MultiheadAttention's 4 d^2 + 4 d parameters
(Section 3.2.2: h = 8 heads, d_k = d_model / h = 64)."""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F

from studylog.checks import check
from studylog.checks.counting import build_on_meta, count_params

PAPER = "Vaswani et al. 2017, arXiv:1706.03762 \u2014 Eq. 1 and Section 3.2.2"


@check("mha-shapes-and-params", question="multi-head-attention")
def shapes_and_params(ctx):
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(2, 8, n, 64, generator=g, dtype=torch.float64) for n in (5, 7, 7))
    scores = q @ k.transpose(-2, -1)
    ctx.claim("(2, 8, 5, 64) @ (2, 8, 64, 7)", list(scores.shape)).equals([2, 8, 5, 7])
    manual = F.softmax(scores / math.sqrt(64), dim=-1) @ v
    ctx.claim("softmax(Q K^T / sqrt(d_k)) V vs F.scaled_dot_product_attention (max abs difference)",
              (manual - F.scaled_dot_product_attention(q, k, v)).abs().max().item(), citation=PAPER).close_to(0.0, abs=1e-12)
    d = 512
    mha = build_on_meta(lambda: nn.MultiheadAttention(d, 8))
    ctx.claim("nn.MultiheadAttention(512, 8) parameters", count_params(mha), citation=PAPER).equals(4 * d * d + 4 * d)
    ctx.claim("with 1 head or 16 heads: the same count", [count_params(build_on_meta(lambda h=h: nn.MultiheadAttention(d, h))) for h in (1, 16)]).equals(
        [4 * d * d + 4 * d] * 2)
    ctx.claim("d_k = d_model / h for h = 8", d // mha.num_heads).equals(64)


@check("attention-scaling", question="multi-head-attention")
def scaling(ctx):
    g = torch.Generator().manual_seed(0)
    q, k = torch.randn(20000, 64, generator=g, dtype=torch.float64), torch.randn(20000, 64, generator=g, dtype=torch.float64)
    dots = (q * k).sum(1)
    # Section 3.2.1, footnote 4: for unit-variance components, q . k has variance d_k; dividing by sqrt(d_k) restores 1
    ctx.claim("variance of q . k for d_k = 64 (unit-variance components)", dots.var().item(), citation=PAPER).close_to(64, rel=0.05)
    ctx.claim("variance after dividing by sqrt(d_k)", (dots / 8).var().item()).close_to(1.0, rel=0.05)

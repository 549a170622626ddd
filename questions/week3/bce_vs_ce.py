"""Checks for "BCE vs CE": a two-way softmax is a logistic of the logit difference, so CE on [0, z] equals
BCEWithLogits(z), and BCEWithLogits is sigmoid + BCE (PyTorch docs: torch.nn.BCEWithLogitsLoss;
Ren et al. 2015, arXiv 1506.01497, footnote to Section 3.1)."""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F

from studylog.checks import check

DOCS = "PyTorch docs: torch.nn.BCEWithLogitsLoss, torch.nn.CrossEntropyLoss"


@check("two-class-softmax-is-logistic", question="bce-vs-ce")
def two_class_softmax(ctx):
    g = torch.Generator().manual_seed(0)
    a, b = torch.randn(100, generator=g, dtype=torch.float64), torch.randn(100, generator=g, dtype=torch.float64)
    ctx.claim("softmax([a, b])[1] vs sigmoid(b - a) (max abs difference)",
              (F.softmax(torch.stack([a, b], 1), 1)[:, 1] - torch.sigmoid(b - a)).abs().max().item()).close_to(0.0, abs=1e-12)
    z = 3 * torch.randn(100, generator=g, dtype=torch.float64)
    y = torch.randint(0, 2, (100,), generator=g)
    bce = F.binary_cross_entropy_with_logits(z, y.double()).item()
    ce = F.cross_entropy(torch.stack([torch.zeros_like(z), z], 1), y).item()
    ctx.claim("CE on logits [0, z] vs BCEWithLogits(z)", ce, citation=DOCS).close_to(bce, rel=1e-12)
    ctx.claim("BCEWithLogits(z) vs BCE(sigmoid(z))", bce, citation=DOCS).close_to(F.binary_cross_entropy(torch.sigmoid(z), y.double()).item(), rel=1e-9)
    huge = torch.tensor([200.0], dtype=torch.float64)
    ctx.claim("a logit of 200 labelled 0: BCEWithLogits stays finite (200), BCE(sigmoid) is clamped at 100",
              [F.binary_cross_entropy_with_logits(huge, torch.zeros(1, dtype=torch.float64)).item(),
               F.binary_cross_entropy(torch.sigmoid(huge), torch.zeros(1, dtype=torch.float64)).item()]).close_to([200.0, 100.0], rel=1e-9)

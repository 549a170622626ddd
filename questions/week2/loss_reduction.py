"""Checks for "reduction sum vs mean": the loss and its gradient differ by exactly the batch size
(PyTorch docs: torch.nn.CrossEntropyLoss, reduction)."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check

DOCS = "PyTorch docs: torch.nn.CrossEntropyLoss (reduction: 'mean' divides the sum by the batch size)"
BATCH = 32


@check("loss-reduction-ratio", question="loss-reduction")
def reduction_ratio(ctx):
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(BATCH, 10, generator=g, dtype=torch.float64, requires_grad=True)
    labels = torch.randint(0, 10, (BATCH,), generator=g)
    total = nn.CrossEntropyLoss(reduction="sum")(logits, labels)
    mean = nn.CrossEntropyLoss(reduction="mean")(logits, labels)
    ctx.claim("CE sum / CE mean, batch 32", (total / mean).item(), citation=DOCS).close_to(BATCH, rel=1e-12)
    grad_sum, = torch.autograd.grad(total, logits, retain_graph=True)
    grad_mean, = torch.autograd.grad(mean, logits)
    ctx.claim("their gradients differ by the same factor (max abs of sum - 32 * mean)",
              (grad_sum - BATCH * grad_mean).abs().max().item()).close_to(0.0, abs=1e-12)
    per_sample = nn.CrossEntropyLoss(reduction="none")(logits, labels)
    ctx.claim("reduction='none': one loss per sample", list(per_sample.shape)).equals([BATCH])

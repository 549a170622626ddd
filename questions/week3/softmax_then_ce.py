"""Checks for "a Softmax before CrossEntropyLoss": CE = NLL(log_softmax(z)); fed probabilities, its inputs are
stuck in [0, 1] so the loss cannot go below log(1 + (C - 1)/e); log_softmax is idempotent and never positive
(PyTorch docs: torch.nn.CrossEntropyLoss, "The input is expected to contain the unnormalized logits")."""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F

from studylog.checks import check

DOCS = "PyTorch docs: torch.nn.CrossEntropyLoss (input: unnormalized logits)"


def floor(classes: int) -> float:
    """The best CE on inputs in [0, 1]: the true class at 1, the others at 0 -> -log(e / (e + C - 1))."""
    return math.log(1 + (classes - 1) / math.e)


@check("softmax-output-loss-floor", question="softmax-before-cross-entropy")
def loss_floor(ctx):
    stuck = {}
    for classes in (10, 1000):
        confident = 100 * F.one_hot(torch.tensor([0]), classes).double()  # a model that is sure, and right
        stuck[classes] = nn.CrossEntropyLoss()(F.softmax(confident, 1), torch.tensor([0])).item()
    ctx.claim("C = 10: the smallest loss CrossEntropyLoss(softmax(z)) reaches", stuck[10], citation=DOCS).close_to(floor(10), rel=1e-9)
    ctx.claim("C = 1000: the smallest loss CrossEntropyLoss(softmax(z)) reaches", stuck[1000], citation=DOCS).close_to(floor(1000), rel=1e-9)
    z = torch.zeros(1, 10, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([z], lr=50.0)
    for _ in range(300):  # gradient descent on the softmax outputs' loss cannot get under the floor
        optimizer.zero_grad()
        loss = nn.CrossEntropyLoss()(F.softmax(z, 1), torch.tensor([0]))
        loss.backward()
        optimizer.step()
    ctx.claim("C = 10: after 300 SGD steps, still above the floor", loss.item() > floor(10)).equals(True)


@check("log-softmax-idempotent", question="softmax-before-cross-entropy")
def log_softmax_idempotent(ctx):
    x = torch.randn(4, 7, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    once = F.log_softmax(x, 1)
    ctx.claim("log_softmax(log_softmax(x)) vs log_softmax(x) (max abs difference)", (F.log_softmax(once, 1) - once).abs().max().item()).close_to(0.0, abs=1e-12)
    ctx.claim("log_softmax(x) = x - logsumexp(x) (max abs difference)", (once - (x - x.logsumexp(1, keepdim=True))).abs().max().item()).close_to(0.0, abs=1e-12)
    ctx.claim("largest log_softmax value is below 0", once.max().item() < 0).equals(True)
    labels = torch.tensor([0, 3, 6, 2])
    ctx.claim("CrossEntropyLoss(x) vs NLLLoss(log_softmax(x))", F.cross_entropy(x, labels).item()).close_to(F.nll_loss(once, labels).item(), rel=1e-12)

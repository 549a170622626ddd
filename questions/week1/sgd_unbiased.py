"""Checks for "why is SGD stochastic": the full-batch gradient is the mean of per-sample gradients, every
equal-size mini-batch partition averages back to it, and a mini-batch gradient's variance shrinks with the batch."""

from __future__ import annotations

import torch

from studylog.checks import check


def gradient(w: torch.Tensor, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Gradient of the mean squared error of a linear model at w."""
    w = w.detach().requires_grad_(True)
    ((x @ w - y) ** 2).mean().backward()
    return w.grad


@check("minibatch-gradient-unbiased", question="sgd-unbiased-gradient")
def minibatch_unbiased(ctx):
    g = torch.Generator().manual_seed(0)
    x, y, w = torch.randn(64, 5, generator=g, dtype=torch.float64), torch.randn(64, generator=g, dtype=torch.float64), torch.randn(5, generator=g, dtype=torch.float64)
    full = gradient(w, x, y)
    per_sample = torch.stack([gradient(w, x[i : i + 1], y[i : i + 1]) for i in range(64)])
    ctx.claim("mean of 64 per-sample gradients vs the full-batch gradient (max abs difference)",
              (per_sample.mean(0) - full).abs().max().item()).close_to(0.0, abs=1e-12)
    order = torch.randperm(64, generator=g)
    batches = torch.stack([gradient(w, x[order[i : i + 8]], y[order[i : i + 8]]) for i in range(0, 64, 8)])
    ctx.claim("mean over a shuffled partition into 8 mini-batches of 8 (max abs difference)",
              (batches.mean(0) - full).abs().max().item()).close_to(0.0, abs=1e-12)
    one = per_sample.var(0).sum().item()
    # a batch-8 gradient sampled with replacement is the mean of 8 per-sample gradients: 20000 draws of one
    eight = per_sample[torch.randint(0, 64, (20000, 8), generator=g)].mean(1).var(0).sum().item()
    ctx.claim("variance of a batch-8 gradient / variance of a one-sample gradient (sampling with replacement: 1/8)",
              eight / one).close_to(1 / 8, rel=0.1)

"""Checks for "why do long sequences destabilise an RNN": backpropagation through time multiplies one Jacobian
per step, so through W = a*I the gradient scales by a^T: vanishing for a < 1, exploding for a > 1
(Pascanu et al. 2013, arXiv 1211.5063, Section 2.1: spectral radius below 1 suffices for vanishing)."""

from __future__ import annotations

import torch

from studylog.checks import check

STEPS, HIDDEN = 50, 4


def gradient_through(scale: float, nonlinearity=lambda h: h) -> float:
    """d h_T[0] / d h_0[0] for h_t = f(scale * I @ h_{t-1})."""
    h0 = torch.full((HIDDEN,), 0.5, dtype=torch.float64, requires_grad=True)
    w = scale * torch.eye(HIDDEN, dtype=torch.float64)
    h = h0
    for _ in range(STEPS):
        h = nonlinearity(w @ h)
    h[0].backward()
    return h0.grad[0].item()


@check("rnn-gradient-50-steps", question="rnn-gradient-through-time")
def gradient_50_steps(ctx):
    ctx.claim("d h_50 / d h_0 through W = 0.9 I, 50 steps (autograd)", gradient_through(0.9)).close_to(0.9**STEPS, rel=1e-12)
    ctx.claim("through W = 1.1 I: explodes as 1.1^50", gradient_through(1.1)).close_to(1.1**STEPS, rel=1e-12)
    with_tanh = gradient_through(0.9, torch.tanh)
    ctx.claim("with tanh after each step: no larger than 0.9^50 (tanh' <= 1)", with_tanh <= 0.9**STEPS).equals(True)
    ctx.claim("with tanh: smaller than without it", with_tanh).differs_from(0.9**STEPS, rel=1e-3)

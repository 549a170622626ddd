"""Checks for "why do sigmoid MLPs stop learning in early layers": sigma'(x) = sigma(1 - sigma) peaks at 1/4,
so backpropagating through L sigmoid layers scales a gradient by at most (1/4)^L times the weights' norms."""

from __future__ import annotations

import math

import torch
from torch import nn

from studylog.checks import check


@check("sigmoid-derivative-bound", question="sigmoid-vanishing-gradient")
def derivative_bound(ctx):
    x = torch.linspace(-10, 10, 20001, dtype=torch.float64, requires_grad=True)
    torch.sigmoid(x).sum().backward()
    ctx.claim("max of sigmoid'(x) over a grid of x", x.grad.max().item()).close_to(0.25, abs=1e-12)
    ctx.claim("where it peaks", x[x.grad.argmax()].item()).close_to(0.0, abs=1e-9)
    s = torch.sigmoid(x.detach())
    ctx.claim("autograd's sigmoid' vs sigma(1 - sigma) (max abs difference)", (x.grad - s * (1 - s)).abs().max().item()).close_to(0.0, abs=1e-15)


@check("sigmoid-mlp-gradient", question="sigmoid-vanishing-gradient")
def mlp_gradient(ctx):
    layers, width = 10, 32
    # Identity weights and zero biases: each layer's Jacobian is diag(sigma'(z)) alone, the best case for the gradient
    model = nn.Sequential(*[nn.Sequential(nn.Linear(width, width), nn.Sigmoid()) for _ in range(layers)]).double()
    for block in model:
        nn.init.eye_(block[0].weight)
        nn.init.zeros_(block[0].bias)
    x = torch.zeros(1, width, dtype=torch.float64, requires_grad=True)
    model(x)[0, 0].backward()
    gradient = x.grad[0, 0].item()
    z, product = 0.0, 1.0
    for _ in range(layers):  # the forward value through each layer: z -> sigma(z); the chain rule multiplies sigma'(z)
        s = 1 / (1 + math.exp(-z))
        product, z = product * s * (1 - s), s
    ctx.claim("d out / d input through 10 sigmoid layers (identity weights) vs the product of sigma'(z_l)", gradient).close_to(product, rel=1e-12)
    ctx.claim("below the bound 0.25^10", gradient < 0.25**layers).equals(True)

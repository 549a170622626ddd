"""Checks for "why are parameter counts added": an MLP's parameters are the sum of each layer's matrix and bias,
as torch stores them; the product of the widths counts paths, not numbers to learn."""

from __future__ import annotations

from torch import nn

from studylog.checks import check
from studylog.checks.counting import build_on_meta, count_model, count_params

WIDTHS = [784, 256, 10]


@check("mlp-params-sum", question="params-add-up")
def params_sum(ctx):
    model = build_on_meta(lambda: nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)))
    by_layer = [n_in * n_out + n_out for n_in, n_out in zip(WIDTHS, WIDTHS[1:])]
    ctx.claim("MLP 784-256-10 with biases", count_params(model)).equals(sum(by_layer))
    ctx.claim("what torch stores: each tensor's size", [p.numel() for p in model.parameters()]).equals([784 * 256, 256, 256 * 10, 10])
    ctx.claim("the product of the widths is not the count", count_params(model)).differs_from(784 * 256 * 10)
    ctx.claim("multiply-adds of one input add up too", count_model(model, (1, 784)).macs).equals(784 * 256 + 256 * 10)

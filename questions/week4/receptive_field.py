"""Checks for "receptive field and output stride": the receptive field measured by the gradient of one output
against r = 1 + sum (k_l - 1) prod_{i<l} s_i (Araujo et al. 2019, Distill, "Computing Receptive Fields of
Convolutional Neural Networks", Eq. 2), and VGG11's output stride with and without its last max pool."""

from __future__ import annotations

import math

import torch
from torch import nn

from studylog.checks import check
from studylog.checks.zoo import build_torchvision

DISTILL = "Araujo, Norris & Sim 2019, Distill, doi:10.23915/distill.00021 \u2014 Eq. 2"


def measured(layers: list[tuple[int, int]], side: int = 41) -> int:
    """Rows of the input that reach the centre output of stacked convs (kernel, stride), weights set to 1."""
    model = nn.Sequential(*(nn.Conv2d(1, 1, k, s, bias=False) for k, s in layers))
    for p in model.parameters():
        nn.init.ones_(p)
    x = torch.zeros(1, 1, side, side, dtype=torch.float32, requires_grad=True)
    out = model(x)
    out[0, 0, out.shape[2] // 2, out.shape[3] // 2].backward()
    rows = x.grad[0, 0].sum(1).nonzero()
    return int(rows.max() - rows.min() + 1)


def formula(layers: list[tuple[int, int]]) -> int:
    return 1 + sum((k - 1) * math.prod(s for _, s in layers[:i]) for i, (k, _) in enumerate(layers))


@check("receptive-field-by-gradient", question="receptive-field-output-stride")
def by_gradient(ctx):
    stacks = {"two 3x3": [(3, 1), (3, 1)], "three 3x3": [(3, 1)] * 3, "3x3 stride 2, then 3x3": [(3, 2), (3, 1)]}
    got = {name: measured(layers) for name, layers in stacks.items()}
    ctx.claim("three 3x3 convs: receptive field, measured", got["three 3x3"]).equals(7)
    ctx.claim("two 3x3, three 3x3, 3x3/2 then 3x3: measured vs the formula", list(got.values()), citation=DISTILL).equals(
        [formula(layers) for layers in stacks.values()])


@check("vgg11-output-stride", question="receptive-field-output-stride")
def vgg11_output_stride(ctx):
    features = build_torchvision("vgg11").features
    image = torch.zeros(1, 3, 224, 224, device="meta")
    pools = sum(isinstance(m, nn.MaxPool2d) for m in features)
    ctx.claim("VGG11 features on 224: output side", features(image).shape[-1]).equals(224 // 2**pools)
    ctx.claim("max pools in VGG11's features (Simonyan & Zisserman 2014, Table 1: five)", pools).equals(5)
    ctx.claim("without the last max pool: output side (output stride 16)", features[:-1](image).shape[-1]).equals(224 // 16)

"""Checks for "Xavier or Kaiming": the gains and bounds torch.nn.init uses (Glorot & Bengio 2010, Eq. 16;
He et al. 2015, Eq. 10), and what each does to activations through 30 ReLU layers."""

from __future__ import annotations

import math

import torch
from torch import nn

from studylog.checks import check, ref

DOCS = "PyTorch docs: torch.nn.init.calculate_gain"
DEPTH, WIDTH = 30, 256


@check("xavier-kaiming-bounds", question="xavier-vs-kaiming")
def bounds(ctx):
    ctx.claim("calculate_gain for relu, tanh, sigmoid", [nn.init.calculate_gain(n) for n in ("relu", "tanh", "sigmoid")], citation=DOCS).close_to(
        [math.sqrt(2), 5 / 3, 1.0], rel=1e-12)
    glorot = ref("glorot-2010", "text", "normalized_initialization")
    bound = math.sqrt(glorot.number / (256 + 128))
    ctx.claim("xavier_uniform_ bound for Linear(256 -> 128)", bound, citation=glorot.citation).close_to(0.125, rel=1e-12)
    w = nn.init.xavier_uniform_(torch.empty(128, 256, dtype=torch.float64), generator=torch.Generator().manual_seed(0))
    ctx.claim("its weights: max |w| within the bound, std near bound / sqrt(3)", [w.abs().max().item() <= bound, round(w.std().item() / (bound / math.sqrt(3)), 2)]).equals(
        [True, 1.0])
    he = ref("he-2015", "text", "relu_variance")
    k = nn.init.kaiming_normal_(torch.empty(1000, 500, dtype=torch.float64), nonlinearity="relu", generator=torch.Generator().manual_seed(0))
    ctx.claim("kaiming_normal_ (fan_in 500, relu): weight variance vs 2 / fan_in", k.var().item(), citation=he.citation).close_to(he.number / 500, rel=0.02)


def activation_std(init) -> float:
    """Std of the output of DEPTH Linear+ReLU layers of WIDTH (no bias), fed unit-variance inputs."""
    g = torch.Generator().manual_seed(0)
    x = torch.randn(32, WIDTH, generator=g)
    for _ in range(DEPTH):
        w = init(torch.empty(WIDTH, WIDTH), generator=g)
        x = torch.relu(x @ w.T)
    return x.std().item()


@check("relu-depth-30-activations", question="xavier-vs-kaiming")
def depth_30(ctx):
    xavier = activation_std(nn.init.xavier_normal_)
    kaiming = activation_std(lambda w, generator: nn.init.kaiming_normal_(w, nonlinearity="relu", generator=generator))
    ctx.report("std after 30 ReLU layers: xavier_normal_", xavier)
    ctx.report("std after 30 ReLU layers: kaiming_normal_", kaiming)
    # Each ReLU layer halves the second moment; Xavier's Var(w) = 1/256 does not make it up, He's 2/256 does.
    ctx.claim("xavier_normal_ over kaiming_normal_: log2 of the std ratio, about 30 * log2(1/sqrt(2)) = -15 (within 1)",
              math.log2(xavier / kaiming)).close_to(DEPTH * math.log2(1 / math.sqrt(2)), abs=1.0)
    ctx.claim("kaiming_normal_: the std stays within [0.5, 2]", 0.5 <= kaiming <= 2).equals(True)

"""Checks for "how is nn.Linear initialised": kaiming_uniform_(a=sqrt(5)) is U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
the bias too (torch/nn/modules/linear.py, reset_parameters; torch.nn.init.kaiming_uniform_ docs)."""

from __future__ import annotations

import math

import torch
from torch import nn

from studylog.checks import check

SOURCE = "torch/nn/modules/linear.py reset_parameters; PyTorch docs: torch.nn.init.kaiming_uniform_"


@check("linear-default-bounds", question="linear-default-init")
def default_bounds(ctx):
    torch.manual_seed(0)
    fan_in = 100
    bound = nn.init.calculate_gain("leaky_relu", math.sqrt(5)) * math.sqrt(3 / fan_in)
    ctx.claim("kaiming_uniform_(a=sqrt(5)) bound: gain * sqrt(3 / fan_in)", bound, citation=SOURCE).close_to(1 / math.sqrt(fan_in), rel=1e-12)
    ctx.claim("Linear(100, 10): the bound 1/sqrt(fan_in)", 1 / math.sqrt(fan_in)).close_to(0.1, rel=1e-12)
    big = nn.Linear(fan_in, 20000)
    ctx.claim("max |w| of Linear(100, 20000) within the bound", big.weight.abs().max().item() <= 1 / math.sqrt(fan_in)).equals(True)
    ctx.claim("max |bias| within the same bound", big.bias.abs().max().item() <= 1 / math.sqrt(fan_in)).equals(True)
    ctx.claim("std of its 2,000,000 weights vs the uniform's bound / sqrt(3)", big.weight.std().item()).close_to(
        0.1 / math.sqrt(3), rel=0.01)

"""Checks for "model(x) vs model.forward(x)": the same output, but only __call__ runs the hooks
(PyTorch docs: torch.nn.Module, "call the Module instance afterwards instead of this")."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check

DOCS = "PyTorch docs: torch.nn.Module.forward, torch.nn.Module.register_forward_hook"


@check("call-runs-hooks", question="call-vs-forward")
def call_runs_hooks(ctx):
    model = nn.Linear(3, 2)
    calls = []
    model.register_forward_pre_hook(lambda module, args: calls.append("pre"))
    model.register_forward_hook(lambda module, args, out: calls.append("post"))
    x = torch.ones(1, 3)
    through_call = model(x)
    through_forward = model.forward(x)
    ctx.claim("hooks fired by one model(x) then one model.forward(x)", calls, citation=DOCS).equals(["pre", "post"])
    ctx.claim("the outputs are equal", torch.equal(through_call, through_forward)).equals(True)

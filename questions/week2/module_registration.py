"""Checks for "ModuleList vs list, and register_buffer": what nn.Module registers, and where parameters and
buffers show up (PyTorch docs: torch.nn.ModuleList, torch.nn.Module.register_buffer)."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check

DOCS = "PyTorch docs: torch.nn.ModuleList, torch.nn.Module.register_buffer"


class InAList(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = [nn.Linear(10, 10)]


class InAModuleList(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(10, 10)])


class WithBuffer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.w = nn.Parameter(torch.ones(3))
        self.register_buffer("mu", torch.zeros(3))


@check("modulelist-registers-parameters", question="modulelist-register-buffer")
def registers_parameters(ctx):
    count = lambda module: sum(p.numel() for p in module.parameters())  # noqa: E731
    ctx.claim("Linear(10, 10) in a plain list: parameters the module reports", count(InAList()), citation=DOCS).equals(0)
    ctx.claim("Linear(10, 10) in a ModuleList: parameters the module reports", count(InAModuleList()), citation=DOCS).equals(10 * 10 + 10)
    ctx.claim("state_dict keys: plain list, ModuleList", [list(InAList().state_dict()), list(InAModuleList().state_dict())]).equals(
        [[], ["layers.0.weight", "layers.0.bias"]])


@check("buffer-vs-parameter", question="modulelist-register-buffer")
def buffer_vs_parameter(ctx):
    module = WithBuffer()
    ctx.claim("parameters vs state_dict", [[n for n, _ in module.named_parameters()], list(module.state_dict())], citation=DOCS).equals(
        [["w"], ["w", "mu"]])
    moved = module.to(torch.float64)
    ctx.claim(".to(float64) converts the buffer too", str(moved.mu.dtype)).equals("torch.float64")
    bn = nn.BatchNorm2d(4)
    ctx.claim("BatchNorm2d's buffers", [n for n, _ in bn.named_buffers()]).equals(["running_mean", "running_var", "num_batches_tracked"])

"""Checks for "Dropout and BatchNorm at test time": model.eval() turns Dropout into the identity and makes
BatchNorm use its running statistics (PyTorch docs: torch.nn.Dropout, torch.nn.BatchNorm2d, Module.eval;
Srivastava et al. 2014, JMLR 15, Section 10: scale by 1/(1-p) at training time)."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check

DOCS = "PyTorch docs: torch.nn.Dropout (outputs scaled by 1/(1-p) during training), torch.nn.BatchNorm2d"


@check("dropout-train-eval", question="eval-vs-train")
def dropout_train_eval(ctx):
    torch.manual_seed(0)
    dropout = nn.Dropout(0.5)
    x = torch.ones(10000)
    ctx.claim("Dropout(0.5), train mode: the values it outputs for an input of ones", sorted(set(dropout(x).tolist())), citation=DOCS).equals(
        [0.0, 1 / (1 - 0.5)])
    ctx.claim("Dropout(0.5), eval mode: the identity", torch.equal(dropout.eval()(x), x)).equals(True)
    model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.3)).eval()
    ctx.claim("eval() reaches every submodule", [m.training for m in model.modules()]).equals([False, False, False])
    ctx.claim("eval() does not turn off autograd", model(torch.ones(1, 4)).requires_grad).equals(True)


@check("batchnorm-train-eval", question="eval-vs-train")
def batchnorm_train_eval(ctx):
    torch.manual_seed(0)
    bn = nn.BatchNorm1d(3, momentum=1.0).double()  # momentum 1: the running statistics become the last batch's
    x = 5 + 2 * torch.randn(256, 3, dtype=torch.float64)
    out = bn(x)
    ctx.claim("train mode: per-feature mean of the output", out.mean(0).abs().max().item()).close_to(0.0, abs=1e-9)
    ctx.claim("running_mean after one batch (momentum 1)", bn.running_mean.tolist()).close_to(x.mean(0).tolist(), rel=1e-9)
    ctx.claim("running_var: the unbiased batch variance", bn.running_var.tolist()).close_to(x.var(0, unbiased=True).tolist(), rel=1e-9)
    y = torch.full((2, 3), 5.0, dtype=torch.float64)
    expected = ((y - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps)).tolist()
    ctx.claim("eval mode: normalised with the running statistics", bn.eval()(y).tolist(), citation=DOCS).close_to(expected, abs=1e-9)

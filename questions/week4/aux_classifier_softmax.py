"""Checks for "where does the auxiliary classifier's softmax go": inside the loss. nn.CrossEntropyLoss is
LogSoftmax + NLLLoss, so every head (torchvision's GoogLeNet main and aux heads alike) returns raw logits,
and the training loss adds the aux heads' cross-entropies weighted by 0.3 (Szegedy et al. 2014, Section 5).
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F
from torchvision.models import googlenet

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta

CLASSES = 1000


@check("cross-entropy-includes-softmax", question="aux-classifier-softmax")
def cross_entropy_includes_softmax(ctx):
    generator = torch.Generator().manual_seed(0)
    logits = 3 * torch.randn(8, CLASSES, generator=generator)
    targets = torch.randint(0, CLASSES, (8,), generator=generator)
    right = nn.CrossEntropyLoss()(logits, targets).item()
    ctx.claim("CrossEntropyLoss(logits) vs NLLLoss(log_softmax(logits))", right).close_to(
        nn.NLLLoss()(F.log_softmax(logits, dim=1), targets).item(), rel=1e-6)
    double = nn.CrossEntropyLoss()(F.softmax(logits, dim=1), targets).item()
    ctx.claim("CrossEntropyLoss(softmax(logits)), softmax applied twice: not the right loss", double).differs_from(
        right, rel=1e-3)
    confident = 100 * F.one_hot(targets, CLASSES).float()  # a model that is sure, and right
    ctx.claim("a sure and right model: CrossEntropyLoss(logits)", nn.CrossEntropyLoss()(confident, targets).item()).close_to(
        0.0, abs=1e-6)
    ctx.claim("the same model under double softmax: stuck at log(e + C - 1) - 1", nn.CrossEntropyLoss()(
        F.softmax(confident, dim=1), targets).item()).close_to(math.log(math.e + CLASSES - 1) - 1, rel=1e-5)


@check("googlenet-train-outputs", question="aux-classifier-softmax")
def googlenet_train_outputs(ctx):
    model = build_on_meta(lambda: googlenet(aux_logits=True, init_weights=False)).train()
    heads = {}
    for name in ("fc", "aux1", "aux2"):
        getattr(model, name).register_forward_hook(lambda module, args, out, name=name: heads.__setitem__(name, out))
    images = torch.zeros(2, 3, 224, 224, device="meta")
    outputs = model(images)
    ctx.claim("train mode: GoogLeNet's output fields, in order", list(outputs._fields)).equals(["logits", "aux_logits2", "aux_logits1"])
    came_from = {field: next((head for head, out in heads.items() if out is value), None) for field, value in outputs._asdict().items()}
    ctx.claim("train mode: the head each field comes from (forward hooks)", came_from).equals(
        {"logits": "fc", "aux_logits2": "aux2", "aux_logits1": "aux1"})
    logits = model.eval()(images)
    ctx.claim("eval mode: what forward returns", [type(logits).__name__, list(logits.shape)]).equals(["Tensor", [2, CLASSES]])


def nonzero_gradients(gradients) -> int:
    """How many of `gradients` (from torch.autograd.grad, allow_unused) exist and are not all zero."""
    return sum(g is not None and bool(g.count_nonzero()) for g in gradients)


@check("googlenet-aux-loss-gradients", question="aux-classifier-softmax")
def aux_loss_gradients(ctx):
    torch.manual_seed(0)
    model = googlenet(aux_logits=True, init_weights=False).train()
    targets = torch.tensor([1, 2])
    outputs = model(torch.randn(2, 3, 64, 64))
    weight = ref("googlenet-2014", "text", "aux_loss_weight")
    main = F.cross_entropy(outputs.logits, targets)
    loss = main + weight.number * (F.cross_entropy(outputs.aux_logits1, targets) + F.cross_entropy(outputs.aux_logits2, targets))
    heads = {head: list(getattr(model, head).parameters()) for head in ("aux1", "aux2")}
    every_aux_parameter = heads["aux1"] + heads["aux2"]
    reached = torch.autograd.grad(main, every_aux_parameter, retain_graph=True, allow_unused=True)
    ctx.claim("aux-head parameters the main loss alone reaches", sum(g is not None for g in reached)).equals(0)
    for head, parameters in heads.items():
        gradients = torch.autograd.grad(loss, parameters, retain_graph=True, allow_unused=True)
        ctx.claim(f"{head}: parameters with a non-zero gradient from the training loss CE + {weight.printed}(CE_aux1 + CE_aux2)",
                  nonzero_gradients(gradients), citation=weight.citation).equals(len(parameters))

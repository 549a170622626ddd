"""Checks for "focal loss": FL = -alpha_t (1 - p_t)^gamma log(p_t) (Lin et al. 2017, arXiv 1708.02002, Eq. 5,
with Section 5.1's gamma = 2, alpha = .25), against torchvision.ops.sigmoid_focal_loss."""

from __future__ import annotations

import math

import torch
from torch.nn import functional as F
from torchvision.ops import sigmoid_focal_loss

from studylog.checks import check, ref


@check("focal-loss-down-weighting", question="focal-loss")
def down_weighting(ctx):
    gamma, alpha = ref("retinanet-2017", "text", "gamma"), ref("retinanet-2017", "text", "alpha")
    p_t = 0.9
    logit = torch.tensor([math.log(p_t / (1 - p_t))], dtype=torch.float64)  # sigmoid(logit) = 0.9, a positive
    target = torch.ones(1, dtype=torch.float64)
    focal = sigmoid_focal_loss(logit, target, alpha=alpha.number, gamma=gamma.number).item()
    bce = F.binary_cross_entropy_with_logits(logit, target).item()
    ctx.claim("p_t = 0.9: focal / BCE", focal / bce, citation=gamma.citation).close_to(alpha.number * (1 - p_t) ** gamma.number, rel=1e-9)
    ctx.claim("gamma = 0, alpha = -1 (no weighting): focal loss is BCE", sigmoid_focal_loss(logit, target, alpha=-1, gamma=0).item()).close_to(bce, rel=1e-12)
    negative = torch.tensor([math.log(0.1 / 0.9)], dtype=torch.float64)  # an easy negative: p = 0.1, p_t = 0.9
    ctx.claim("an easy negative gets 1 - alpha = 0.75 instead", sigmoid_focal_loss(negative, torch.zeros(1, dtype=torch.float64), alpha=alpha.number, gamma=gamma.number).item()
              / F.binary_cross_entropy_with_logits(negative, torch.zeros(1, dtype=torch.float64)).item()).close_to((1 - alpha.number) * 0.1**2, rel=1e-9)
    hard = torch.tensor([0.0], dtype=torch.float64)  # p_t = 0.5
    ratio = sigmoid_focal_loss(hard, target, alpha=alpha.number, gamma=gamma.number).item() / F.binary_cross_entropy_with_logits(hard, target).item()
    ctx.claim("a hard example (p_t = 0.5) keeps 25x more of its loss than p_t = 0.9", ratio / (focal / bce)).close_to(25.0, rel=1e-9)

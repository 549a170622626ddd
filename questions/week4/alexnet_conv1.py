"""Checks for "AlexNet's 11x11 conv1": the paper's 96 filters (Krizhevsky et al. 2012, Section 3.5: "96 kernels
of size 11 x 11 x 3"), torchvision's 64-filter variant (torchvision/models/alexnet.py, after Krizhevsky 2014,
arXiv 1404.5997), and where the parameters sit."""

from __future__ import annotations

from torch import nn
from torchvision.models import AlexNet_Weights

from studylog.checks import check
from studylog.checks.counting import build_on_meta, count_params
from studylog.checks.zoo import build_torchvision, metadata_citation


@check("alexnet-conv1-params", question="alexnet-conv1")
def conv1_params(ctx):
    paper = build_on_meta(lambda: nn.Conv2d(3, 96, 11, stride=4))
    ctx.claim("paper's conv1: 96 filters of 11x11x3, bias excluded", count_params(paper, bias=False)).equals(96 * 11 * 11 * 3)
    model = build_torchvision("alexnet")
    ctx.claim("torchvision's conv1 (64 filters), with bias", count_params(model.features[0])).equals(64 * 11 * 11 * 3 + 64)
    weights = AlexNet_Weights.IMAGENET1K_V1
    ctx.claim("torchvision alexnet: all parameters", count_params(model), citation=metadata_citation(weights)).equals(weights.meta["num_params"])
    ctx.claim("share in the first FC layer (6*6*256 -> 4096)", count_params(model.classifier[1]) / count_params(model)).close_to(
        (6 * 6 * 256 * 4096 + 4096) / weights.meta["num_params"], rel=1e-12)

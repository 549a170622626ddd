"""Checks for "convolutionalization and deconvolution" (Long et al. 2015, arXiv 1411.4038, Section 3.1 and 3.3):
a Linear layer equals a conv whose kernel covers its input, the conv slides over a larger map, a transposed
conv doubles the side, and torchvision's fcn_resnet50 keeps output stride 8 with dilation."""

from __future__ import annotations

import torch
from torch import nn
from torchvision.models.segmentation import fcn_resnet50

from studylog.checks import check
from studylog.checks.counting import build_on_meta

DOCS = "PyTorch docs: torch.nn.ConvTranspose2d, H_out = (H_in - 1) * stride - 2 * padding + kernel_size"


@check("fc-as-conv", question="fcn-convolutionalization")
def fc_as_conv(ctx):
    g = torch.Generator().manual_seed(0)
    fc = nn.Linear(512 * 7 * 7, 10).double()
    conv = nn.Conv2d(512, 10, 7).double()
    with torch.no_grad():
        conv.weight.copy_(fc.weight.view(10, 512, 7, 7))
        conv.bias.copy_(fc.bias)
    x = torch.randn(2, 512, 7, 7, generator=g, dtype=torch.float64)
    ctx.claim("Linear on the flattened 7x7x512 vs the 7x7 conv (max abs difference)", (fc(x.flatten(1)) - conv(x).flatten(1)).abs().max().item()).close_to(0.0, abs=1e-9)
    big = torch.randn(1, 512, 14, 14, generator=g, dtype=torch.float64)
    scores = conv(big)
    ctx.claim("the same conv on a 14x14 map: output side", scores.shape[-1]).equals(14 - 7 + 1)
    ctx.claim("its top-left score is the classifier on the top-left 7x7 window (max abs difference)",
              (scores[0, :, 0, 0] - fc(big[:, :, :7, :7].flatten(1))[0]).abs().max().item()).close_to(0.0, abs=1e-9)


@check("fcn-output-stride-and-upsampling", question="fcn-convolutionalization")
def output_stride(ctx):
    up = build_on_meta(lambda: nn.ConvTranspose2d(10, 10, 4, stride=2, padding=1))
    ctx.claim("ConvTranspose2d(k=4, s=2, p=1) on 14x14: output side", up(torch.zeros(1, 10, 14, 14, device="meta")).shape[-1], citation=DOCS).equals(
        (14 - 1) * 2 - 2 * 1 + 4)
    model = build_on_meta(lambda: fcn_resnet50(weights=None, weights_backbone=None, num_classes=21, aux_loss=False)).eval()
    features = model.backbone(torch.zeros(1, 3, 224, 224, device="meta"))["out"]
    ctx.claim("fcn_resnet50 backbone on 224: feature map (channels, side)", [features.shape[1], features.shape[-1]]).equals([2048, 224 // 8])
    ctx.claim("dilation of layer3 and layer4's 3x3 convs (replacing their stride)",
              [model.backbone.layer3[1].conv2.dilation[0], model.backbone.layer4[1].conv2.dilation[0]]).equals([2, 4])
    ctx.claim("the model's output: back at 224 (bilinear upsampling)", list(model(torch.zeros(1, 3, 224, 224, device="meta"))["out"].shape)).equals([1, 21, 224, 224])

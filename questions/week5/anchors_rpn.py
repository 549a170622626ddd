"""Checks for "how many anchors, and what are the 2k scores": Ren et al. 2015 (arXiv 1506.01497) Section 3.1
against torchvision's AnchorGenerator and RPNHead, built as the detection models build them."""

from __future__ import annotations

import torch
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.rpn import RPNHead

from studylog.checks import check, ref

PAPER_SIZES, PAPER_RATIOS = (128, 256, 512), (0.5, 1.0, 2.0)  # Section 3.1.1: box areas 128^2, 256^2, 512^2; 1:2, 1:1, 2:1


@check("rpn-anchors-and-heads", question="anchors-rpn")
def anchors_and_heads(ctx):
    k = ref("faster-rcnn-2015", "text", "anchors_per_position")
    paper = AnchorGenerator(sizes=(PAPER_SIZES,), aspect_ratios=(PAPER_RATIOS,))
    ctx.claim("anchors per position: 3 scales x 3 aspect ratios", paper.num_anchors_per_location()[0]).equals(k.number)
    head = RPNHead(512, k.number)
    cls_channels, reg_channels = head.cls_logits.out_channels, head.bbox_pred.out_channels
    ctx.claim("torchvision RPNHead(512, 9): cls and reg output channels", [cls_channels, reg_channels]).equals(
        [k.number, ref("faster-rcnn-2015", "text", "reg_outputs_per_anchor").number * k.number])
    ctx.claim("the paper's cls layer: 2k scores (two-class softmax)", ref("faster-rcnn-2015", "text", "cls_outputs_per_anchor").number * k.number).differs_from(
        cls_channels)
    fpn = AnchorGenerator(sizes=((32,), (64,), (128,), (256,), (512,)), aspect_ratios=((0.5, 1.0, 2.0),) * 5)  # as fasterrcnn_resnet50_fpn
    ctx.claim("torchvision FPN: anchors per position on each of 5 levels", fpn.num_anchors_per_location()).equals([3] * 5)
    cell = paper.cell_anchors[0]  # one position's anchors, (x1, y1, x2, y2) around (0, 0)
    areas = ((cell[:, 2] - cell[:, 0]) * (cell[:, 3] - cell[:, 1])).tolist()
    ctx.claim("anchor areas: 128^2, 256^2, 512^2 for each ratio (within rounding)", sorted(areas)).close_to(
        sorted([s * s for s in PAPER_SIZES for _ in PAPER_RATIOS]), rel=0.02)
    ctx.claim("anchors are centred on the position", torch.stack([cell[:, 0] + cell[:, 2], cell[:, 1] + cell[:, 3]]).abs().max().item()).close_to(0.0, abs=1e-6)

"""Checks for "what does NMS compare at inference": IoU between predicted boxes, by hand and by
torchvision.ops.box_iou, and greedy NMS by hand against torchvision.ops.nms (torchvision docs: ops.nms)."""

from __future__ import annotations

import torch
from torchvision.ops import box_iou, nms

from studylog.checks import check

DOCS = "torchvision docs: torchvision.ops.box_iou, torchvision.ops.nms"


def iou(a: list[float], b: list[float]) -> float:
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = width * height
    area = lambda box: (box[2] - box[0]) * (box[3] - box[1])  # noqa: E731
    return inter / (area(a) + area(b) - inter)


def greedy_nms(boxes: list[list[float]], scores: list[float], threshold: float) -> list[int]:
    order = sorted(range(len(boxes)), key=lambda i: -scores[i])
    kept: list[int] = []
    for i in order:
        if all(iou(boxes[i], boxes[j]) <= threshold for j in kept):
            kept.append(i)
    return kept


@check("iou-and-nms", question="iou-nms")
def iou_and_nms(ctx):
    a, b = [0.0, 0.0, 10.0, 10.0], [1.0, 1.0, 11.0, 11.0]
    ctx.claim("IoU([0,0,10,10], [1,1,11,11])", iou(a, b)).close_to(81 / 119, rel=1e-12)
    ctx.claim("torchvision box_iou vs the hand count", box_iou(torch.tensor([a]), torch.tensor([b])).item(), citation=DOCS).close_to(iou(a, b), rel=1e-6)
    boxes = [a, b, [20.0, 20.0, 30.0, 30.0], [0.0, 0.0, 9.0, 10.0]]
    scores = [0.9, 0.8, 0.7, 0.95]
    kept = nms(torch.tensor(boxes), torch.tensor(scores), 0.5).tolist()
    ctx.claim("nms(threshold 0.5): kept indices, best first", kept, citation=DOCS).equals(greedy_nms(boxes, scores, 0.5))
    ctx.claim("... which are", kept).equals([3, 2])

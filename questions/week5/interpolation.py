"""Checks for "nearest vs bilinear, align_corners": F.interpolate on a 2x2 map, each value from the sampling
position each mode uses (PyTorch docs: torch.nn.functional.interpolate)."""

from __future__ import annotations

import torch
from torch.nn import functional as F

from studylog.checks import check

DOCS = "PyTorch docs: torch.nn.functional.interpolate (mode, align_corners)"


def linear_row(row: list[float], positions: list[float]) -> list[float]:
    """Linear interpolation of `row` at source positions, clamped at the ends."""
    out = []
    for x in positions:
        x = min(max(x, 0.0), len(row) - 1.0)
        left = min(int(x), len(row) - 2)
        out.append(row[left] + (x - left) * (row[left + 1] - row[left]))
    return out


@check("interpolation-rows", question="interpolation-modes")
def interpolation_rows(ctx):
    x = torch.tensor([[[[1.0, 2.0], [3.0, 4.0]]]], dtype=torch.float64)
    nearest = F.interpolate(x, scale_factor=2, mode="nearest")[0, 0, 0].tolist()
    ctx.claim("nearest x2, row 0", nearest, citation=DOCS).equals([1.0, 1.0, 2.0, 2.0])
    half_pixel = [(i + 0.5) / 2 - 0.5 for i in range(4)]  # align_corners=False: output pixel centres mapped back
    corners = [i * (2 - 1) / (4 - 1) for i in range(4)]  # align_corners=True: end pixels' centres coincide
    ctx.claim("bilinear x2, align_corners=False, row 0", F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)[0, 0, 0].tolist(),
              citation=DOCS).close_to(linear_row([1.0, 2.0], half_pixel), abs=1e-12)
    ctx.claim("bilinear x2, align_corners=True, row 0", F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True)[0, 0, 0].tolist(),
              citation=DOCS).close_to(linear_row([1.0, 2.0], corners), abs=1e-12)
    labels = torch.tensor([[[[0.0, 3.0], [7.0, 1.0]]]])
    ctx.claim("nearest never makes a label that was not there", sorted(set(F.interpolate(labels, size=(5, 5), mode="nearest").flatten().tolist()))).equals(
        [0.0, 1.0, 3.0, 7.0])

"""Checks for "what does ToTensor do": uint8 HWC -> float CHW divided by 255 (torchvision docs:
torchvision.transforms.ToTensor); Normalize then subtracts the mean and divides by the std per channel."""

from __future__ import annotations

import numpy as np
import torch
from torchvision import transforms

from studylog.checks import check

DOCS = "torchvision docs: transforms.ToTensor (uint8 HxWxC in [0, 255] -> float CxHxW in [0.0, 1.0])"


@check("totensor-scaling-values", question="totensor-scaling")
def scaling_values(ctx):
    image = np.array([[[0, 128, 255]]], dtype=np.uint8)  # one pixel, three channels, H x W x C
    tensor = transforms.ToTensor()(image)
    ctx.claim("ToTensor on 0, 128, 255", tensor.flatten().tolist(), citation=DOCS).close_to([0.0, 128 / 255, 1.0], abs=1e-6)
    ctx.claim("shape (1, 1, 3) HWC -> CHW", list(tensor.shape)).equals([3, 1, 1])
    ctx.claim("dtype", str(tensor.dtype)).equals("torch.float32")
    normalized = transforms.Normalize([0.5] * 3, [0.5] * 3)(tensor)
    ctx.claim("Normalize(0.5, 0.5) maps [0, 1] to [-1, 1]", normalized.flatten().tolist()).close_to([-1.0, 2 * 128 / 255 - 1, 1.0], abs=1e-6)

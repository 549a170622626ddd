"""He et al. 2015 (arXiv 1512.03385) ResNets as torchvision builds them, turned back into the paper's variants.

torchvision's bottleneck puts the stride-2 of conv3_1, conv4_1 and conv5_1 in the 3x3 convolution
("ResNet v1.5", as its docstring says); the paper's Table 1 and Fig. 5 put it in the first 1x1. Section 3.3
offers two shortcuts where dimensions increase: (A) identity with zero-padded channels, no parameters,
and (B) a 1x1 projection; torchvision uses (B).
"""

from __future__ import annotations

import torch.nn.functional as F
from torch import Tensor, nn
from torchvision.models.resnet import BasicBlock, Bottleneck, ResNet


def stride_in_first_1x1(model: ResNet) -> ResNet:
    """The paper's bottleneck (v1): each strided block downsamples in its first 1x1 conv, not in its 3x3."""
    for block in model.modules():
        if isinstance(block, Bottleneck) and block.conv2.stride == (2, 2):
            block.conv1.stride, block.conv2.stride = (2, 2), (1, 1)
    return model


class ZeroPaddingShortcut(nn.Module):
    """Option (A): subsample by the stride and pad the new channels with zeros; no parameters, no multiply-adds."""

    def __init__(self, out_channels: int, stride: int) -> None:
        super().__init__()
        self.out_channels, self.stride = out_channels, stride

    def forward(self, x: Tensor) -> Tensor:
        x = x[:, :, :: self.stride, :: self.stride]
        return F.pad(x, (0, 0, 0, 0, 0, self.out_channels - x.shape[1]))


def zero_padding_shortcuts(model: ResNet) -> ResNet:
    """Every projection shortcut (B) replaced by option (A)."""
    for block in model.modules():
        if isinstance(block, (BasicBlock, Bottleneck)) and block.downsample is not None:
            conv = block.downsample[0]
            block.downsample = ZeroPaddingShortcut(conv.out_channels, conv.stride[0])
    return model


def blocks_per_stage(model: ResNet) -> list[int]:
    """How many residual blocks conv2_x ... conv5_x stack (Table 1's "x2", "x3", ...)."""
    return [len(getattr(model, f"layer{i}")) for i in range(1, 5)]

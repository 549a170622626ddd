"""Inception v1 (GoogLeNet) as Szegedy et al. 2014 (arXiv 1409.4842) describe it: Table 1, Figure 3, Section 5.

Written in the style of torchvision/models/googlenet.py; comments mark where torchvision departs.
Each top-level block is one row of Table 1, so a per-block count reads as the table does. The
departures are constructor options, so a check can walk from this model to torchvision's one step at a time.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
from torch import Tensor, nn
from torch.nn import functional as F

ConvBlock = Callable[..., nn.Module]


class ConvReLU(nn.Module):
    """A convolution with its bias, then ReLU (torchvision: Conv2d(bias=False) + BatchNorm + ReLU)."""

    def __init__(self, in_channels: int, out_channels: int, **kwargs) -> None:
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, **kwargs)

    def forward(self, x: Tensor) -> Tensor:
        return F.relu(self.conv(x), inplace=True)


class Inception(nn.Module):
    """Figure 2(b): 1x1, 1x1 -> 3x3, 1x1 -> 5x5 and 3x3 max pool -> 1x1 branches, concatenated."""

    def __init__(self, in_channels: int, ch1x1: int, ch3x3red: int, ch3x3: int, ch5x5red: int, ch5x5: int,
                 pool_proj: int, conv_block: ConvBlock = ConvReLU, branch3_kernel: int = 5) -> None:
        super().__init__()
        self.branch1 = conv_block(in_channels, ch1x1, kernel_size=1)
        self.branch2 = nn.Sequential(conv_block(in_channels, ch3x3red, kernel_size=1),
                                     conv_block(ch3x3red, ch3x3, kernel_size=3, padding=1))
        # torchvision uses a 3x3 kernel here, a known bug: https://github.com/pytorch/vision/issues/906
        self.branch3 = nn.Sequential(conv_block(in_channels, ch5x5red, kernel_size=1),
                                     conv_block(ch5x5red, ch5x5, kernel_size=branch3_kernel, padding=branch3_kernel // 2))
        self.branch4 = nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1, ceil_mode=True),
                                     conv_block(in_channels, pool_proj, kernel_size=1))

    def forward(self, x: Tensor) -> Tensor:
        return torch.cat([self.branch1(x), self.branch2(x), self.branch3(x), self.branch4(x)], 1)


class InceptionAux(nn.Module):
    """Section 5's auxiliary classifier on (4a) and (4d); only trained, removed at inference."""

    def __init__(self, in_channels: int, num_classes: int, conv_block: ConvBlock = ConvReLU) -> None:
        super().__init__()
        self.pool = nn.AvgPool2d(5, stride=3)  # 14x14 -> 4x4 (torchvision: adaptive_avg_pool2d to 4x4)
        self.conv = conv_block(in_channels, 128, kernel_size=1)
        self.fc1 = nn.Linear(128 * 4 * 4, 1024)
        self.dropout = nn.Dropout(0.7)
        self.fc2 = nn.Linear(1024, num_classes)

    def forward(self, x: Tensor) -> Tensor:
        x = torch.flatten(self.conv(self.pool(x)), 1)
        return self.fc2(self.dropout(F.relu(self.fc1(x), inplace=True)))


# The model's blocks that are rows of Table 1, under the row names references/googlenet-2014.toml uses.
TABLE1_ROWS = {
    "conv1": "convolution 7x7/2", "conv2": "convolution 3x3/1",
    **{f"inception{stage}": f"inception ({stage})" for stage in ("3a", "3b", "4a", "4b", "4c", "4d", "4e", "5a", "5b")},
    "fc": "linear",
}


def _pool() -> nn.MaxPool2d:
    return nn.MaxPool2d(3, stride=2, ceil_mode=True)


class GoogLeNetPaper(nn.Module):
    """Table 1 top to bottom. In training mode forward returns (logits, aux1, aux2); in eval, logits."""

    def __init__(self, num_classes: int = 1000, conv_block: ConvBlock = ConvReLU, branch3_kernel: int = 5,
                 aux_logits: bool = True) -> None:
        super().__init__()

        def inception(*widths: int) -> Inception:
            return Inception(*widths, conv_block=conv_block, branch3_kernel=branch3_kernel)

        self.conv1 = conv_block(3, 64, kernel_size=7, stride=2, padding=3)
        # Figure 3's LocalRespNorm layers; torchvision has none.
        self.pool1 = nn.Sequential(_pool(), nn.LocalResponseNorm(5))
        # Table 1's "convolution 3x3/1" row includes its 1x1 reduce (torchvision: conv2 and conv3).
        self.conv2 = nn.Sequential(conv_block(64, 64, kernel_size=1), conv_block(64, 192, kernel_size=3, padding=1))
        self.pool2 = nn.Sequential(nn.LocalResponseNorm(5), _pool())
        self.inception3a = inception(192, 64, 96, 128, 16, 32, 32)
        self.inception3b = inception(256, 128, 128, 192, 32, 96, 64)
        self.pool3 = _pool()
        self.inception4a = inception(480, 192, 96, 208, 16, 48, 64)
        self.inception4b = inception(512, 160, 112, 224, 24, 64, 64)
        self.inception4c = inception(512, 128, 128, 256, 24, 64, 64)
        self.inception4d = inception(512, 112, 144, 288, 32, 64, 64)
        self.inception4e = inception(528, 256, 160, 320, 32, 128, 128)
        self.pool4 = _pool()  # torchvision: a 2x2 max pool; both give 7x7
        self.inception5a = inception(832, 256, 160, 320, 32, 128, 128)
        self.inception5b = inception(832, 384, 192, 384, 48, 128, 128)
        self.avgpool = nn.AdaptiveAvgPool2d(1)  # 7x7 average pool
        self.dropout = nn.Dropout(0.4)  # torchvision: 0.2
        self.fc = nn.Linear(1024, num_classes)  # Table 1's "linear" row
        self.aux1 = InceptionAux(512, num_classes, conv_block) if aux_logits else None
        self.aux2 = InceptionAux(528, num_classes, conv_block) if aux_logits else None

    def forward(self, x: Tensor) -> Tensor | tuple[Tensor, Tensor, Tensor]:
        x = self.pool2(self.conv2(self.pool1(self.conv1(x))))
        x = self.inception4a(self.pool3(self.inception3b(self.inception3a(x))))
        aux1 = self.aux1(x) if self.training and self.aux1 is not None else None
        x = self.inception4d(self.inception4c(self.inception4b(x)))
        aux2 = self.aux2(x) if self.training and self.aux2 is not None else None
        x = self.pool4(self.inception4e(x))
        x = self.inception5b(self.inception5a(x))
        logits = self.fc(self.dropout(torch.flatten(self.avgpool(x), 1)))
        return (logits, aux1, aux2) if aux1 is not None else logits

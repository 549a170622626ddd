"""MobileNet v1 as Howard et al. (arXiv 1704.04861) describe it: Table 1's body, with the width multiplier.

torchvision has no v1. Each convolution is followed by BatchNorm and ReLU (Figure 3) and has no bias;
downsampling is by stride-2 depthwise convolutions. Table 1 prints the last depthwise layer as "Conv dw / s2"
on a 7x7 input with a 7x7 output: only stride 1 gives that size, so it is built with stride 1.
"""

from __future__ import annotations

from torch import Tensor, nn

# Table 1 after the first full convolution: (stride of the depthwise 3x3, output channels of the pointwise 1x1).
SEPARABLE_LAYERS = [(1, 64), (2, 128), (1, 128), (2, 256), (1, 256), (2, 512),
                    *[(1, 512)] * 5, (2, 1024), (1, 1024)]


def conv_bn_relu(in_channels: int, out_channels: int, kernel: int, stride: int = 1, groups: int = 1) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel, stride, kernel // 2, groups=groups, bias=False),
                         nn.BatchNorm2d(out_channels), nn.ReLU(inplace=True))


class DepthwiseSeparable(nn.Module):
    """Figure 3 (right): a 3x3 depthwise convolution, then a 1x1 pointwise one, each with BatchNorm and ReLU."""

    def __init__(self, in_channels: int, out_channels: int, stride: int) -> None:
        super().__init__()
        self.depthwise = conv_bn_relu(in_channels, in_channels, 3, stride, groups=in_channels)
        self.pointwise = conv_bn_relu(in_channels, out_channels, 1)

    def forward(self, x: Tensor) -> Tensor:
        return self.pointwise(self.depthwise(x))


class MobileNetV1(nn.Module):
    """Table 1 top to bottom. `width` is Section 3.3's multiplier alpha; `separable=False` builds Table 4's
    "Conv MobileNet", the same network with full 3x3 convolutions in place of the depthwise separable ones."""

    def __init__(self, width: float = 1.0, num_classes: int = 1000, separable: bool = True) -> None:
        super().__init__()
        channels = int(32 * width)
        layers: list[nn.Module] = [conv_bn_relu(3, channels, 3, stride=2)]
        for stride, out in SEPARABLE_LAYERS:
            out = int(out * width)
            layers.append(DepthwiseSeparable(channels, out, stride) if separable else conv_bn_relu(channels, out, 3, stride))
            channels = out
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)  # Table 1's "Avg Pool 7x7"
        self.fc = nn.Linear(channels, num_classes)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc(self.pool(self.features(x)).flatten(1))

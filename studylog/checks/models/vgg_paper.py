"""VGG's ConvNet configurations A-E as Simonyan & Zisserman (arXiv 1409.1556) lay them out in Table 1.

Every convolution is 3x3, stride 1, padding 1, with a bias, except configuration C's 1x1 layers; five 2x2
max pools take 224 to 7; the classifier is FC-4096, FC-4096, FC-1000. torchvision builds A, B, D and E
(vgg11/13/16/19) from the same lists; it has no C and no A-LRN.
"""

from __future__ import annotations

from torch import Tensor, nn

POOL = "M"
LRN = "LRN"
ONE_BY_ONE = "1x1-"  # a 1x1 convolution, C's extra layer: "1x1-256"

# Table 1, column by column: an int is conv3-<width>; "1x1-<width>" conv1-<width>; "M" maxpool; "LRN" A-LRN's LRN.
CONFIGURATIONS: dict[str, list[int | str]] = {
    "A": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "A-LRN": [64, "LRN", "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "B": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "C": [64, 64, "M", 128, 128, "M", 256, 256, "1x1-256", "M", 512, 512, "1x1-512", "M", 512, 512, "1x1-512", "M"],
    "D": [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
    "E": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
}


def features(configuration: list[int | str]) -> nn.Sequential:
    """The convolutional part of one column of Table 1, each convolution followed by ReLU."""
    layers: list[nn.Module] = []
    channels = 3
    for entry in configuration:
        if entry == POOL:
            layers.append(nn.MaxPool2d(2, stride=2))
        elif entry == LRN:
            layers.append(nn.LocalResponseNorm(5))
        else:
            kernel, width = (1, int(entry.removeprefix(ONE_BY_ONE))) if isinstance(entry, str) else (3, entry)
            layers += [nn.Conv2d(channels, width, kernel, padding=kernel // 2), nn.ReLU(inplace=True)]
            channels = width
    return nn.Sequential(*layers)


class VGGPaper(nn.Module):
    """One configuration of Table 1 (A, A-LRN, B, C, D or E) with its three fully connected layers."""

    def __init__(self, configuration: str, num_classes: int = 1000) -> None:
        super().__init__()
        self.features = features(CONFIGURATIONS[configuration])
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, 4096), nn.ReLU(inplace=True), nn.Dropout(0.5),
            nn.Linear(4096, 4096), nn.ReLU(inplace=True), nn.Dropout(0.5),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x: Tensor) -> Tensor:
        return self.classifier(self.features(x).flatten(1))


def weight_layers(configuration: str) -> int:
    """The depth Table 1's column headers print ("11 weight layers" for A): convolutions plus 3 FC layers."""
    return sum(isinstance(entry, int) or entry.startswith(ONE_BY_ONE) for entry in CONFIGURATIONS[configuration]) + 3

"""Checks for "why does VGG16 have 138M parameters": Table 2 of Simonyan & Zisserman (arXiv 1409.1556)
audited row by row on configurations A-E built from Table 1, where the parameters sit (the first FC layer),
and Section 2.3's stacked 3x3 convolutions against one larger kernel (weights and receptive field).
"""

from __future__ import annotations

import torch
from torch import nn
from torchvision.models import get_model_weights

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta, count_params
from studylog.checks.models.vgg_paper import CONFIGURATIONS, VGGPaper, weight_layers
from studylog.checks.zoo import build_torchvision, metadata_citation

# Table 2's columns -> the configurations each printed cell covers.
TABLE2_COLUMNS = {"A,A-LRN": ["A", "A-LRN"], "B": ["B"], "C": ["C"], "D": ["D"], "E": ["E"]}
TORCHVISION_NAMES = {"A": "vgg11", "B": "vgg13", "D": "vgg16", "E": "vgg19"}


@check("vgg-table2-rows", question="vgg-params")
def table2_rows(ctx):
    counts = {name: count_params(build_on_meta(lambda name=name: VGGPaper(name))) for name in CONFIGURATIONS}
    ctx.claim("weight layers of A, A-LRN, B, C, D, E (Table 1's column headers)",
              [weight_layers(name) for name in CONFIGURATIONS]).equals([11, 11, 13, 16, 16, 19])
    for column, names in TABLE2_COLUMNS.items():
        for name in names:
            ctx.claim(f"{name}: params vs Table 2 ({column}), millions", counts[name]).compare(
                ref("vgg-2014", "table2", column, "params"), rule="rounds_to", unit=1e6)
    ctx.claim("D: params, biases included", counts["D"]).equals(138_357_544)
    published = [get_model_weights(TORCHVISION_NAMES[n]).DEFAULT.meta["num_params"] for n in TORCHVISION_NAMES]
    ctx.claim("A, B, D, E vs torchvision vgg11/13/16/19 num_params", [counts[n] for n in TORCHVISION_NAMES],
              citation=metadata_citation("VGG*_Weights.DEFAULT")).equals(published)


def conv_params(configuration: list) -> int:
    """Weights and biases of a Table 1 column's 3x3 convolutions, by formula: 9 * C_in * C_out + C_out each."""
    widths = [3, *(entry for entry in configuration if isinstance(entry, int))]
    return sum(9 * c_in * c_out + c_out for c_in, c_out in zip(widths, widths[1:]))


@check("vgg-params-in-fc", question="vgg-params")
def params_in_fc(ctx):
    model = build_torchvision("vgg16")
    fc_layers = [(7 * 7 * 512, 4096), (4096, 4096), (4096, 1000)]
    ctx.claim("VGG16's three FC layers, with biases", count_params(model.classifier)).equals(
        sum(n_in * n_out + n_out for n_in, n_out in fc_layers))
    ctx.claim("VGG16's 13 convolutions, with biases", count_params(model.features)).equals(conv_params(CONFIGURATIONS["D"]))
    ctx.report("share of VGG16's parameters in the first FC layer (7*7*512 -> 4096)",
               count_params(model.classifier[0]) / count_params(model))


def receptive_field(layers: nn.Module, size: int = 15) -> int:
    """Side of the input region that reaches the centre output (measured by the gradient, weights set to 1)."""
    for parameter in layers.parameters():
        nn.init.ones_(parameter)
    x = torch.zeros(1, 1, size, size, requires_grad=True)
    out = layers(x)
    out[0, 0, out.shape[2] // 2, out.shape[3] // 2].backward()
    rows = x.grad[0, 0].abs().sum(1).nonzero()
    return int(rows.max() - rows.min() + 1)


@check("vgg-two-3x3-vs-5x5", question="vgg-params")
def stacked_3x3(ctx):
    channels = 128
    two_3x3 = nn.Sequential(nn.Conv2d(channels, channels, 3, bias=False), nn.Conv2d(channels, channels, 3, bias=False))
    one_5x5 = nn.Conv2d(channels, channels, 5, bias=False)
    ctx.claim("two 3x3 convs, 128 -> 128, bias excluded", count_params(build_on_meta(lambda: two_3x3))).equals(2 * 9 * channels**2)
    ctx.claim("one 5x5 conv, 128 -> 128, bias excluded", count_params(build_on_meta(lambda: one_5x5))).equals(25 * channels**2)
    single = lambda k: nn.Conv2d(1, 1, k, bias=False)  # noqa: E731 - one channel: the receptive field only
    ctx.claim("receptive field: two 3x3 vs one 5x5", [receptive_field(nn.Sequential(single(3), single(3))),
                                                      receptive_field(single(5))]).equals([5, 5])
    three = count_params(nn.Sequential(*(nn.Conv2d(channels, channels, 3, bias=False) for _ in range(3))))
    ctx.claim("three 3x3 layers: weights / C^2 (Section 2.3)", three // channels**2).equals(
        ref("vgg-2014", "text", "three_3x3_weights").number)
    ctx.claim("one 7x7 layer: weights / C^2 (Section 2.3)", count_params(nn.Conv2d(channels, channels, 7, bias=False)) // channels**2).equals(
        ref("vgg-2014", "text", "one_7x7_weights").number)

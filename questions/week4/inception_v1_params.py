"""Checks for "Inception v1 parameter counts": the student's hand counts, Table 1 of Szegedy et al. 2014
audited row by row, conv1's "2.7K" against every explanation on offer, and torchvision's GoogLeNet
reconciled with the paper's, one difference at a time. Everything is counted on the meta device.
"""

from __future__ import annotations

from collections import Counter

from torch import nn
from torchvision.models import GoogLeNet_Weights, googlenet
from torchvision.models.googlenet import BasicConv2d

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta, count_model, count_params
from studylog.checks.models.googlenet_paper import TABLE1_ROWS, GoogLeNetPaper, Inception
from studylog.checks.zoo import metadata_citation

IMAGE = (1, 3, 224, 224)
INCEPTION_ROWS = [row for row in TABLE1_ROWS.values() if row.startswith("inception")]


def table1(row: str, column: str):
    return ref("googlenet-2014", "table1", row, column)


@check("inception-3a-weights", question="inception-v1-params")
def inception_3a(ctx):
    block = build_on_meta(lambda: Inception(192, *table1("inception (3a)", "branches").raw))
    branches = [count_params(getattr(block, f"branch{i}"), bias=False) for i in range(1, 5)]
    ctx.claim("the student's four branches, bias excluded", branches).equals([12_288, 129_024, 15_872, 6_144])
    weights = count_params(block, bias=False)
    ctx.claim("weights in inception (3a), bias excluded", weights).equals(163_328)
    in_k = weights / 1024
    tie = ", a rounding tie" if in_k % 1 == 0.5 else ""
    ctx.claim(f"paper Table 1, K = 1024 ({weights:,} / 1024 = {in_k:g}{tie})", weights).rounds_to(
        table1("inception (3a)", "params"), unit=1024)
    ctx.claim("paper Table 1, K = 1000", weights).compare(table1("inception (3a)", "params"), rule="rounds_to", unit=1000)


class SideBySide(nn.Module):
    """The seed answer's reading: a 7x1 and a 1x7 kernel, each 3 -> 64, summed; one bias, as in (7+7)*3*64 + 64."""

    def __init__(self) -> None:
        super().__init__()
        self.tall = nn.Conv2d(3, 64, (7, 1), stride=2, padding=(3, 0))
        self.wide = nn.Conv2d(3, 64, (1, 7), stride=2, padding=(0, 3), bias=False)

    def forward(self, x):
        return self.tall(x) + self.wide(x)


def factorised(middle: int) -> nn.Module:
    """A real 7x1 -> 1x7 factorisation (as Inception v3 factorises), through `middle` channels."""
    return nn.Sequential(nn.Conv2d(3, middle, (7, 1), stride=(2, 1), padding=(3, 0)),
                         nn.Conv2d(middle, 64, (1, 7), stride=(1, 2), padding=(0, 3)))


# Explanation of conv1's 2.7K -> (the layer it assumes, the input channels it reads).
CONV1_HYPOTHESES = {
    "a full 7x7 conv, 3 -> 64": (lambda: nn.Conv2d(3, 64, 7, stride=2, padding=3), 3),
    "the student's 1*7*7*64 (one input channel)": (lambda: nn.Conv2d(1, 64, 7, stride=2, padding=3), 1),
    "the seed answer's (7+7)*3*64 + 64": (SideBySide, 3),
    "a real 7x1 -> 1x7 factorisation, 3 -> 64 -> 64": (lambda: factorised(64), 3),
    "a real 7x1 -> 1x7 factorisation, 3 -> 3 -> 64": (lambda: factorised(3), 3),
    "a depthwise 7x7 then a 1x1, 3 -> 64": (lambda: nn.Sequential(nn.Conv2d(3, 3, 7, 2, 3, groups=3), nn.Conv2d(3, 64, 1)), 3),
}


@check("inception-conv1-hypotheses", question="inception-v1-params")
def conv1_hypotheses(ctx):
    weights, with_bias, macs = {}, {}, {}
    for name, (build, channels) in CONV1_HYPOTHESES.items():
        layer = build_on_meta(build)
        weights[name], with_bias[name] = count_params(layer, bias=False), count_params(layer)
        macs[name] = count_model(layer, (1, channels, 224, 224)).macs
    ctx.claim("conv1 full 7x7x3->64 weights, bias excluded", weights["a full 7x7 conv, 3 -> 64"]).equals(9_408)
    ctx.claim("the student's 1*7*7*64, bias excluded", weights["the student's 1*7*7*64 (one input channel)"]).equals(3_136)
    params_hypotheses = {**{f"{n}, bias excluded": w for n, w in weights.items()}, **{f"{n}, with bias": w for n, w in with_bias.items()}}
    row = "convolution 7x7/2"
    ctx.claim("conv1 params column (K = 1024): which count reproduces it", table1(row, "params")).one_of(
        params_hypotheses, rule="rounds_to", unit=1024)
    ctx.claim("conv1 ops column (multiply-adds at 112x112): which count reproduces it", table1(row, "ops")).one_of(
        macs, rule="rounds_to")


def output_size(shape) -> str:
    """A block's output as Table 1 prints it: HxWxC (a vector is 1x1xC)."""
    height, width = shape[2:] or (1, 1)
    return f"{height}x{width}x{shape[1]}"


@check("inception-table1-rows", question="inception-v1-params")
def table1_rows(ctx):
    model = build_on_meta(GoogLeNetPaper)
    sizes = {}
    for name in TABLE1_ROWS:
        getattr(model, name).register_forward_hook(lambda module, args, out, name=name: sizes.__setitem__(name, out.shape))
    counted = count_model(model, IMAGE)
    macs = {block.name: block.macs for block in counted.blocks}
    for name, row in TABLE1_ROWS.items():
        ctx.claim(f"{row}: output size", output_size(sizes[name])).equals(table1(row, "output_size"))
        weights = count_params(getattr(model, name), bias=False)
        ctx.claim(f"{row}: params, bias excluded, K = 1024", weights).compare(table1(row, "params"), rule="rounds_to", unit=1024)
        ctx.claim(f"{row}: ops, multiply-adds at 224x224", macs[name]).compare(table1(row, "ops"), rule="rounds_to")
    ctx.claim("whole network: multiply-adds at 224x224", counted.macs).compare(ref("googlenet-2014", "text", "budget"), rule="rounds_to")


def aux_head_params(channels: int) -> int:
    """Section 5's auxiliary classifier: 1x1 conv to 128, FC 128*4*4 -> 1024, linear 1024 -> 1000, with biases."""
    return channels * 128 + 128 + 128 * 4 * 4 * 1024 + 1024 + 1024 * 1000 + 1000


def parameter_shapes(model: nn.Module) -> Counter[str]:
    return Counter("x".join(map(str, p.shape)) for p in model.parameters())


def shape_differences(ours: nn.Module, theirs: nn.Module) -> dict[str, list[str]]:
    """Parameter shapes one model has and the other lacks (as multisets), e.g. "64x3x7x7"."""
    ours, theirs = parameter_shapes(ours), parameter_shapes(theirs)
    return {"only ours": sorted((ours - theirs).elements()), "only torchvision's": sorted((theirs - ours).elements())}


def conv_widths(row: str) -> int:
    """Output channels of every convolution in an inception row (all branch columns)."""
    return sum(table1(row, "branches").raw)


# What torchvision changes, one step at a time: (the change, GoogLeNetPaper's arguments after it).
STEPS = [
    ("drop the auxiliary classifiers (torchvision's weights ship without them)", {"aux_logits": False}),
    ("3x3 instead of 5x5 in branch 3 (pytorch/vision#906)", {"aux_logits": False, "branch3_kernel": 3}),
    ("Conv2d(bias=False) + BatchNorm instead of a conv bias", {"aux_logits": False, "branch3_kernel": 3, "conv_block": BasicConv2d}),
]


@check("googlenet-torchvision-reconciled", question="inception-v1-params")
def torchvision_reconciled(ctx):
    widths = {row: table1(row, "branches").raw for row in INCEPTION_ROWS}
    expected_changes = [
        -(aux_head_params(512) + aux_head_params(528)),  # on the outputs of (4a) and (4d)
        -sum((25 - 9) * w[3] * w[4] for w in widths.values()),  # #5x5 reduce x #5x5 x 16 fewer taps
        64 + 64 + 192 + sum(map(conv_widths, INCEPTION_ROWS)),  # each conv output channel: -1 bias, +2 BatchNorm
    ]
    models = [build_on_meta(GoogLeNetPaper)] + [build_on_meta(lambda args=args: GoogLeNetPaper(**args)) for _, args in STEPS]
    counts = [count_params(model) for model in models]
    ctx.report("paper-faithful GoogLeNet: params with biases and both aux classifiers", counts[0])
    for i, ((change, _), expected) in enumerate(zip(STEPS, expected_changes), 1):
        ctx.claim(f"step {i}, {change}: change in params", counts[i] - counts[i - 1]).equals(expected)
    weights = GoogLeNet_Weights.IMAGENET1K_V1
    citation = metadata_citation(weights)
    ctx.claim("after every step: torchvision's num_params", counts[-1], citation=citation).equals(weights.meta["num_params"])
    torchvision_model = build_on_meta(lambda: googlenet(aux_logits=False, init_weights=False))
    ctx.claim("after every step: parameter shapes unlike torchvision's googlenet()",
              shape_differences(models[-1], torchvision_model)).equals({"only ours": [], "only torchvision's": []})
    ctx.claim("after every step: multiply-adds vs torchvision's _ops (GMACs)", count_model(models[-1], IMAGE).macs,
              citation=citation).rounds_to(weights.meta["_ops"], unit=1e9, digits=3)

"""Checks for "why 3.8x10^9 in the paper and 4.09 GFLOPS in torchvision": Table 1's FLOPs row of He et al.
(arXiv 1512.03385) audited against torchvision's ResNets and the paper's own variants (stride in the first
1x1, zero-padding shortcuts), each departure shown to cost exactly what a formula says.
"""

from __future__ import annotations

from torchvision.models import get_model_weights

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta, count_model
from studylog.checks.models.resnet_paper import blocks_per_stage, stride_in_first_1x1, zero_padding_shortcuts
from studylog.checks.zoo import build_torchvision, metadata_citation, published_gmacs

IMAGE = (1, 3, 224, 224)
ROWS = {"18-layer": "resnet18", "34-layer": "resnet34", "50-layer": "resnet50", "101-layer": "resnet101", "152-layer": "resnet152"}
FC_MACS = {"18-layer": 512 * 1000, "34-layer": 512 * 1000}  # the 1000-d fc of the basic-block nets
BOTTLENECK_FC_MACS = 2048 * 1000


def macs(model) -> int:
    return count_model(model, IMAGE).macs


def table1(row: str, column: str):
    return ref("resnet-2015", "table1", row, column)


@check("resnet-table1-flops", question="resnet-flops")
def table1_flops(ctx):
    for row, name in ROWS.items():
        weights = get_model_weights(name).DEFAULT
        model = build_torchvision(name)
        ctx.claim(f"{row}: blocks per stage conv2_x..conv5_x", blocks_per_stage(model)).equals(table1(row, "blocks").raw)
        torchvision_macs = macs(model)
        ctx.claim(f"{row}: torchvision {name} multiply-adds vs torchvision's _ops (GMACs)", torchvision_macs,
                  citation=metadata_citation(weights)).rounds_to(published_gmacs(weights), unit=1e9, digits=3)
        if row in FC_MACS:  # basic blocks stride in their first 3x3 in both; the paper compares shortcuts A and B
            hypotheses = {"torchvision (projection shortcuts B)": torchvision_macs,
                          "zero-padding shortcuts A": macs(zero_padding_shortcuts(model)),  # counted above first
                          "shortcuts B, without the fc layer": torchvision_macs - FC_MACS[row]}
        else:  # bottlenecks: Section 3.4 uses option B; where the stride sits is what differs
            paper = macs(stride_in_first_1x1(model))  # the same model, counted above first
            hypotheses = {"torchvision (stride in the 3x3: v1.5)": torchvision_macs,
                          "paper: stride in the first 1x1 (v1)": paper,
                          "v1 without the fc layer": paper - BOTTLENECK_FC_MACS}
        ctx.claim(f"{row}: Table 1 FLOPs (multiply-adds at 224): which count reproduces it", table1(row, "flops"),
                  asserted=False).one_of(hypotheses, rule="rounds_to", unit=1e9)


@check("resnet50-stride-placement", question="resnet-flops")
def stride_placement(ctx):
    model = build_torchvision("resnet50")
    v15 = macs(model)
    weights = get_model_weights("resnet50").DEFAULT
    ctx.claim("torchvision resnet50 multiply-adds at 224 vs torchvision's _ops (GMACs)", v15, citation=metadata_citation(weights)).rounds_to(
        published_gmacs(weights), unit=1e9, digits=3)
    v1 = macs(stride_in_first_1x1(model))
    # conv3_1, conv4_1, conv5_1: (input channels, bottleneck width, output side). With the stride in the 3x3,
    # the first 1x1 runs on the 2H x 2W input: 4H^2 positions instead of H^2.
    strided = [(256, 128, 28), (512, 256, 14), (1024, 512, 7)]
    ctx.claim("ResNet-50: multiply-adds the 3x3 stride (v1.5) adds over the paper's 1x1 stride", v15 - v1).equals(
        sum(3 * c_in * width * side**2 for c_in, width, side in strided))
    ctx.report("ResNet-50 as the paper strides it: multiply-adds at 224", v1)
    ctx.report("ResNet-50 as torchvision strides it: multiply-adds at 224", v15)


@check("resnet34-shortcut-options", question="resnet-flops")
def shortcut_options(ctx):
    model = build_torchvision("resnet34")
    projections = count_model(model, IMAGE)
    zero_padding = count_model(zero_padding_shortcuts(model), IMAGE)
    # conv3_1, conv4_1, conv5_1's 1x1 stride-2 projections: (in, out, output side)
    projections_cost = [(64, 128, 28), (128, 256, 14), (256, 512, 7)]
    ctx.claim("ResNet-34: multiply-adds of the projection shortcuts (B) over zero-padding (A)",
              projections.macs - zero_padding.macs).equals(sum(c_in * c_out * side**2 for c_in, c_out, side in projections_cost))
    ctx.claim("ResNet-34: parameters option (A) leaves out", projections.params - zero_padding.params).equals(
        sum(c_in * c_out + 2 * c_out for c_in, c_out, _ in projections_cost))  # 1x1 conv + BatchNorm's weight and bias
    ctx.claim("ResNet-34 with zero-padding shortcuts (A) vs Table 1's 3.6x10^9", zero_padding.macs).rounds_to(
        table1("34-layer", "flops"), unit=1e9)

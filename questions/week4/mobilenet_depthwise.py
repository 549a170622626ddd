"""Checks for "how much does a depthwise separable convolution save": Section 3.1's cost ratio 1/N + 1/D_K^2
measured by the FLOP counter, and MobileNet v1 (Howard et al., arXiv 1704.04861) built from Table 1 and held
against Tables 2, 4, 6 and 7 row by row.
"""

from __future__ import annotations

from torch import nn

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta, count_model
from studylog.checks.models.mobilenet_v1 import MobileNetV1

FC_MACS = 1024 * 1000  # the classifier: counted in some rows of the paper's tables, not in others


def separable(channels: int, out: int, kernel: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(channels, channels, kernel, padding=kernel // 2, groups=channels, bias=False),
                         nn.Conv2d(channels, out, 1, bias=False))


@check("mobilenet-cost-ratio", question="mobilenet-depthwise-separable")
def cost_ratio(ctx):
    m, n, kernel, side = 256, 512, 3, 14
    full = count_model(build_on_meta(lambda: nn.Conv2d(m, n, kernel, padding=1, bias=False)), (1, m, side, side))
    split = count_model(build_on_meta(lambda: separable(m, n, kernel)), (1, m, side, side))
    formula = ref("mobilenet-2017", "text", "cost_ratio")
    ctx.claim("standard conv multiply-adds: D_K*D_K*M*N*D_F*D_F (Eq. 2)", full.macs).equals(kernel**2 * m * n * side**2)
    ctx.claim("depthwise separable multiply-adds: D_K*D_K*M*D_F*D_F + M*N*D_F*D_F (Eq. 5)", split.macs).equals(
        kernel**2 * m * side**2 + m * n * side**2)
    ctx.claim("cost ratio for D_K = 3, N = 512, measured by the FLOP counter", split.macs / full.macs,
              citation=formula.citation).close_to(1 / n + 1 / kernel**2, rel=1e-12)
    ctx.claim("parameter ratio, the same 1/N + 1/D_K^2", split.params / full.params).close_to(1 / n + 1 / kernel**2, rel=1e-12)


def layer_type(name: str, module: nn.Module) -> str | None:
    """Table 2's row for a convolution or linear layer of MobileNetV1."""
    if isinstance(module, nn.Linear):
        return "Fully Connected"
    if isinstance(module, nn.Conv2d):
        if module.groups > 1:
            return "Conv DW 3x3"
        return "Conv 1x1" if module.kernel_size == (1, 1) else "Conv 3x3"
    return None


@check("mobilenet-table2-shares", question="mobilenet-depthwise-separable")
def table2_shares(ctx):
    model = build_on_meta(MobileNetV1)
    positions = {}
    for name, module in model.named_modules():
        if layer_type(name, module):
            module.register_forward_hook(lambda mod, args, out, name=name: positions.__setitem__(name, out.shape[2:].numel()))
    count_model(model, (1, 3, 224, 224))
    macs, params = {}, {}
    for name, module in model.named_modules():
        if kind := layer_type(name, module):
            weights = module.weight.numel()  # each weight is used once per output position
            macs[kind] = macs.get(kind, 0) + weights * positions[name]
            params[kind] = params.get(kind, 0) + weights
    ctx.claim("per-layer-type multiply-adds add up to the FLOP counter's total", sum(macs.values())).equals(
        count_model(model, (1, 3, 224, 224)).macs)
    for kind in macs:
        ctx.claim(f"{kind}: share of mult-adds, percent", 100 * macs[kind] / sum(macs.values())).compare(
            ref("mobilenet-2017", "table2", kind, "mult_adds"), rule="rounds_to")
        ctx.claim(f"{kind}: share of weights (biases and BatchNorm excluded), percent",
                  100 * params[kind] / sum(params.values())).compare(ref("mobilenet-2017", "table2", kind, "params"), rule="rounds_to")


def audit(ctx, table: str, row: str, counted, model_label: str) -> None:
    """Hold one row's mult-adds and params cells against a count, with the fc-excluded reading beside it."""
    cell = ref("mobilenet-2017", table, row, "mult_adds")
    ctx.claim(f"{row} ({model_label}): which count reproduces {cell.printed} mult-adds", cell, asserted=False).one_of(
        {"every layer": counted.macs, "without the fc layer": counted.macs - FC_MACS}, rule="rounds_to")
    ctx.claim(f"{row} ({model_label}): params, BatchNorm included", counted.params).compare(
        ref("mobilenet-2017", table, row, "params"), rule="rounds_to")


@check("mobilenet-tables-4-6-7", question="mobilenet-depthwise-separable")
def tables_4_6_7(ctx):
    base = count_model(build_on_meta(MobileNetV1), (1, 3, 224, 224))
    ctx.claim("1.0 MobileNet-224: multiply-adds, counted", base.macs).rounds_to(ref("mobilenet-2017", "table4", "MobileNet", "mult_adds"))
    audit(ctx, "table4", "MobileNet", base, "width 1.0, 224x224")
    audit(ctx, "table4", "Conv MobileNet", count_model(build_on_meta(lambda: MobileNetV1(separable=False)), (1, 3, 224, 224)), "full 3x3 convs")
    for row in ("1.0 MobileNet-224", "0.75 MobileNet-224", "0.5 MobileNet-224", "0.25 MobileNet-224"):
        width = ref("mobilenet-2017", "table6", row, "width").number
        audit(ctx, "table6", row, count_model(build_on_meta(lambda: MobileNetV1(width)), (1, 3, 224, 224)), f"width {width}")
    model = build_on_meta(MobileNetV1)
    for row in ("1.0 MobileNet-224", "1.0 MobileNet-192", "1.0 MobileNet-160", "1.0 MobileNet-128"):
        side = ref("mobilenet-2017", "table7", row, "resolution").raw
        audit(ctx, "table7", row, count_model(model, (1, 3, side, side)), f"{side}x{side}")
    at_128 = count_model(model, (1, 3, 128, 128)).macs
    ctx.claim("Section 3.4: resolution multiplier rho = 128/224 scales mult-adds by about rho^2 (within 1%)",
              at_128 / base.macs).close_to((128 / 224) ** 2, rel=0.01)

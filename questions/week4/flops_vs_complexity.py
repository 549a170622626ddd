"""Checks for "FLOPS vs computational complexity": FLOPs is a count, a property of the model and its input;
FLOP/s is a rate, a property of the machine. EfficientNet's "FLOPS" (Tan & Le 2019, Table 2) are counts
of multiply-adds, recomputed here on the meta device; the rate is measured on the device the check runs on.
"""

from __future__ import annotations

import time

import torch
from torch import nn
from torchvision.models import EfficientNet_B0_Weights, get_model, get_model_weights

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta, count_model
from studylog.checks.zoo import build_torchvision, metadata_citation, published_gmacs

B0_INPUT = (1, 3, 224, 224)
TIMED_RUNS = 5


@check("efficientnet-b0-count", question="flops-vs-complexity")
def efficientnet_b0_count(ctx):
    linear = count_model(build_on_meta(lambda: nn.Linear(1000, 10)), (1, 1000))
    ctx.claim("torch.utils.flop_counter on Linear(1000 -> 10): 1 multiply-add = 2 FLOPs", linear.flops).equals(2 * 1000 * 10)
    counted = count_model(build_torchvision("efficientnet_b0"), B0_INPUT)
    weights = EfficientNet_B0_Weights.IMAGENET1K_V1
    ctx.claim("EfficientNet-B0 multiply-adds at 224 vs torchvision's _ops (GMACs)", counted.macs,
              citation=metadata_citation(weights)).rounds_to(published_gmacs(weights), unit=1e9, digits=3)
    ctx.claim("EfficientNet-B0 multiply-adds at 224 vs paper Table 2", counted.macs).rounds_to(
        ref("efficientnet-2019", "table2", "B0", "flops"))
    # _ops is printed to 3 decimals of a G, so it is within ±0.0005 G of the true count; doubled, within ±0.001 G.
    ctx.claim("EfficientNet-B0 FLOPs at 224 (2 per multiply-add) vs 2 x torchvision's _ops", counted.flops,
              citation=metadata_citation(weights)).close_to(2 * published_gmacs(weights) * 1e9, abs=2 * 0.0005e9)
    ctx.claim("Table 2's B0 'FLOPS': which count it is", ref("efficientnet-2019", "table2", "B0", "flops")).one_of(
        {"multiply-adds": counted.macs, "FLOPs (1 multiply-add = 2 FLOPs)": counted.flops},
        rule="rounds_to")


def seconds_per_forward(model: nn.Module, x: torch.Tensor) -> float:
    """Median wall time of one forward, after a warm-up run (CUDA is synchronised around each)."""
    synchronize = torch.cuda.synchronize if x.device.type == "cuda" else lambda: None
    times = []
    with torch.inference_mode():
        model(x)
        for _ in range(TIMED_RUNS):
            synchronize()
            start = time.perf_counter()
            model(x)
            synchronize()
            times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


@check("flop-count-is-not-a-rate", question="flops-vs-complexity", measures=True)
def count_is_not_a_rate(ctx):
    on_meta = count_model(build_torchvision("efficientnet_b0"), B0_INPUT).flops
    devices = dict.fromkeys(["cpu", ctx.device])  # the local device too, when it is not the CPU
    for device in devices:
        model = get_model("efficientnet_b0").to(device).eval()
        flops = count_model(model, B0_INPUT, device).flops
        ctx.claim(f"EfficientNet-B0 FLOPs counted on {device} vs on meta", flops).equals(on_meta)
        if device == ctx.device:
            latency = seconds_per_forward(model, torch.randn(B0_INPUT, device=device))
            ctx.report(f"EfficientNet-B0 latency on {device}, batch 1 at 224", latency, unit="s")
            ctx.report(f"EfficientNet-B0 measured rate on {device} (count / latency)", flops / latency, unit="FLOP/s")


@check("efficientnet-table2", question="flops-vs-complexity")
def efficientnet_table2(ctx):
    counted, published = {}, {}
    for row in ("B0", "B1", "B2", "B3", "B4", "B5", "B6", "B7"):
        name = f"efficientnet_b{row[1]}"
        side = ref("efficientnet-2019", "resolutions", row, "resolution").raw
        counted[row] = count_model(build_torchvision(name), (1, 3, side, side))
        published[row] = get_model_weights(name).DEFAULT.meta["num_params"]
        ctx.claim(f"{row} params ('space') vs Table 2", counted[row].params).compare(
            ref("efficientnet-2019", "table2", row, "params"), rule="rounds_to")
        ctx.claim(f"{row} multiply-adds at {side}x{side} ('time') vs Table 2 FLOPS", counted[row].macs).compare(
            ref("efficientnet-2019", "table2", row, "flops"), rule="rounds_to")
    ctx.claim("B0-B7 params vs torchvision's num_params", [c.params for c in counted.values()],
              citation=metadata_citation("EfficientNet_B*_Weights.DEFAULT")).equals(list(published.values()))

"""Counting parameters and multiply-adds: studylog's meta-device counter side by side with fvcore, ptflops, thop and torchinfo.

Each (tool, model) pair runs in its own subprocess, so its peak memory (ru_maxrss) is its own; a bare
`import torch, torchvision` is measured the same way as the baseline. Time is the tool's work after the
imports, in two parts: building the model (on meta for studylog, on the CPU for the peers, which run a
real forward) and counting it. studylog's speed-up over the fastest peer is given for the whole job
(build + count) and for the counting alone. Counts are set beside torchvision's weights metadata (num_params; _ops in GMACs).

The peers live in their own virtual environment that reuses the app's torch (never in the app's .venv):

    python3 -m venv benchmarks/.venv
    echo "import site; site.addsitedir('$PWD/.venv/lib/python3.11/site-packages')" \
        > benchmarks/.venv/lib/python3.11/site-packages/reuse_app_venv.pth
    benchmarks/.venv/bin/pip install --no-deps -r benchmarks/requirements-count.txt
    benchmarks/.venv/bin/python benchmarks/count_vs_peers.py [--models vit_h_14 resnet50 ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

TOOLS = ("studylog", "fvcore", "ptflops", "thop", "torchinfo")
# name -> (torchvision builder and its arguments, the weights whose metadata the counts should match)
MODELS = {
    "vit_h_14": (("vit_h_14", {}), "ViT_H_14_Weights.IMAGENET1K_SWAG_LINEAR_V1"),  # image_size 224
    "resnet50": (("resnet50", {}), "ResNet50_Weights.IMAGENET1K_V1"),
    "efficientnet_b0": (("efficientnet_b0", {}), "EfficientNet_B0_Weights.IMAGENET1K_V1"),
    "googlenet": (("googlenet", {"aux_logits": False, "init_weights": False}), "GoogLeNet_Weights.IMAGENET1K_V1"),
}
INPUT = (1, 3, 224, 224)


def _build(tool: str, build):
    """The model as `tool` needs it: studylog counts on the meta device; the peers run a real forward on the CPU."""
    if tool == "studylog":
        from studylog.checks.counting import build_on_meta

        return build_on_meta(build)
    return build().eval()


def _count(tool: str, model):
    """(params, multiply-adds) of one forward at INPUT, as `tool` counts them."""
    import torch

    if tool == "studylog":
        from studylog.checks.counting import count_model

        counted = count_model(model, INPUT)
        return counted.params, counted.macs
    x = torch.randn(INPUT)
    if tool == "fvcore":
        from fvcore.nn import FlopCountAnalysis, parameter_count

        analysis = FlopCountAnalysis(model, x).unsupported_ops_warnings(False).uncalled_modules_warnings(False)
        return parameter_count(model)[""], analysis.total()  # fvcore's "flop" is one multiply-add
    if tool == "ptflops":
        from ptflops import get_model_complexity_info

        macs, params = get_model_complexity_info(model, INPUT[1:], as_strings=False, print_per_layer_stat=False, verbose=False)
        return params, macs
    if tool == "thop":
        from thop import profile

        macs, params = profile(model, inputs=(x,), verbose=False)
        return params, macs
    if tool == "torchinfo":
        from torchinfo import summary

        stats = summary(model, input_size=INPUT, verbose=0)
        return stats.total_params, stats.total_mult_adds
    raise ValueError(tool)


def child(tool: str, model: str) -> None:
    """Run one measurement and print it as a JSON line."""
    import resource

    import torch  # imported before the clock starts, as in the baseline
    import torchvision

    result = {"tool": tool, "model": model}
    if tool != "baseline":
        (builder, kwargs), _ = MODELS[model]
        start = time.perf_counter()
        with torch.no_grad():
            built = _build(tool, lambda: getattr(torchvision.models, builder)(**kwargs))
            counting = time.perf_counter()
            params, macs = _count(tool, built)
        done = time.perf_counter()
        result |= {"build_s": counting - start, "count_s": done - counting, "params": int(params), "macs": int(macs)}
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(tool: str, model: str, timeout: float) -> dict:
    try:
        done = subprocess.run([sys.executable, __file__, "--child", tool, model], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["exit %d" % done.returncode])[-1][:60]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def published(weights_name: str) -> tuple[int, float]:
    from torchvision import models

    enum_name, member = weights_name.split(".")
    meta = getattr(getattr(models, enum_name), member).meta
    return meta["num_params"], meta["_ops"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", default=list(MODELS), choices=list(MODELS))
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=list(TOOLS))
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--child", nargs=2, metavar=("TOOL", "MODEL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    baseline = measure("baseline", "", args.timeout)["peak_mb"]
    print(f"baseline: `import torch, torchvision` peaks at {baseline:.0f} MB   ({sys.version.split()[0]}, input {'x'.join(map(str, INPUT))})")
    print(f"{'model':<16} {'tool':<10} {'build s':>8} {'count s':>8} {'peak MB':>8} {'+MB':>7} {'params':>13} {'GMACs':>9}  "
          "vs metadata         speed-up vs fastest peer: build+count / count")
    for model in args.models:
        want_params, want_gmacs = published(MODELS[model][1])
        rows = {tool: measure(tool, model, args.timeout) for tool in args.tools}
        peers = [r for t, r in rows.items() if t != "studylog" and "count_s" in r]
        fastest_total = min((r["build_s"] + r["count_s"] for r in peers), default=None)
        fastest_count = min((r["count_s"] for r in peers), default=None)
        for tool, r in rows.items():
            if "error" in r:
                print(f"{model:<16} {tool:<10} {'failed: ' + r['error']}")
                continue
            same = ("params ok" if r["params"] == want_params else "params OFF") + (
                ", macs ok" if round(r["macs"] / 1e9, 3) == want_gmacs else ", macs OFF")
            speedup = ""
            if tool == "studylog" and peers:
                speedup = f"{fastest_total / (r['build_s'] + r['count_s']):.1f}x / {fastest_count / r['count_s']:.1f}x"
            print(f"{model:<16} {tool:<10} {r['build_s']:>8.2f} {r['count_s']:>8.2f} {r['peak_mb']:>8.0f} {r['peak_mb'] - baseline:>+7.0f} "
                  f"{r['params']:>13,} {r['macs'] / 1e9:>9.3f}  {same:<19} {speedup}".rstrip())
        print(f"{model:<16} {'metadata':<10} {'':>8} {'':>8} {'':>8} {'':>7} {want_params:>13,} {want_gmacs:>9.3f}  ({MODELS[model][1]})")


if __name__ == "__main__":
    main()

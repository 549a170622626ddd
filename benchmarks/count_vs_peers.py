"""Counting parameters and multiply-adds: studylog's meta-device counter side by side with fvcore, ptflops, thop and torchinfo.

Each (tool, model) pair runs in its own subprocess, so its peak memory (ru_maxrss) is its own; a bare
`import torch, torchvision` is measured the same way as the baseline. Time is the tool's work after the
imports, in two parts: building the model (on meta for studylog, on the CPU for the peers, which run a
real forward) and counting it. studylog's speed-up over the fastest peer that gets the right counts is
given for the whole job (build + count) and for the counting alone. Counts are set beside torchvision's
weights metadata (num_params; _ops in GMACs) or, for the LSTM language model and the transformer
encoder, beside the formula this script states.

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
from dataclasses import dataclass

TOOLS = ("studylog", "fvcore", "ptflops", "thop", "torchinfo")


@dataclass(frozen=True)
class Bench:
    """A model of the table: its builder (a torchvision name, or a function of this script), its inputs
    (shapes and dtypes of zero tensors), and where its right counts come from (weights metadata or a formula)."""

    builder: str
    kwargs: dict
    inputs: tuple[tuple[tuple[int, ...], str], ...]
    reference: str  # "Weights_Enum.MEMBER" or "formula:<function of this script>"


IMAGE = (((1, 3, 224, 224), "float32"),)
MODELS = {
    "vit_h_14": Bench("vit_h_14", {}, IMAGE, "ViT_H_14_Weights.IMAGENET1K_SWAG_LINEAR_V1"),  # image_size 224
    "resnet50": Bench("resnet50", {}, IMAGE, "ResNet50_Weights.IMAGENET1K_V1"),
    "efficientnet_b0": Bench("efficientnet_b0", {}, IMAGE, "EfficientNet_B0_Weights.IMAGENET1K_V1"),
    "googlenet": Bench("googlenet", {"aux_logits": False, "init_weights": False}, IMAGE, "GoogLeNet_Weights.IMAGENET1K_V1"),
    "lstm_lm": Bench("lstm_lm", {}, (((35, 20), "int64"),), "formula:lstm_lm_counts"),
    "transformer": Bench("transformer_encoder", {}, (((1, 128, 512), "float32"),), "formula:transformer_counts"),
    "fcn_resnet50": Bench("fcn_resnet50", {"aux_loss": True, "weights_backbone": None}, (((1, 3, 520, 520), "float32"),),
                          "FCN_ResNet50_Weights.COCO_WITH_VOC_LABELS_V1"),
}

VOCAB, WIDTH, LAYERS = 10_000, 650, 2  # Zaremba et al. 2014 (arXiv:1409.2329), the medium LSTM language model
D_MODEL, HEADS, FFN, BLOCKS, TOKENS = 512, 8, 2048, 6, 128  # Vaswani et al. 2017 (arXiv:1706.03762), the base encoder


def lstm_lm():
    import torch
    from torch import nn

    class LSTMLanguageModel(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed, self.rnn, self.decoder = nn.Embedding(VOCAB, WIDTH), nn.LSTM(WIDTH, WIDTH, LAYERS), nn.Linear(WIDTH, VOCAB)

        def forward(self, ids):  # (T, N) token ids
            state = (torch.zeros(LAYERS, ids.shape[1], WIDTH), torch.zeros(LAYERS, ids.shape[1], WIDTH))
            out, _ = self.rnn(self.embed(ids), state)
            return self.decoder(out)

    return LSTMLanguageModel()


def lstm_lm_counts() -> tuple[int, float]:
    """Parameters and GMACs by formula: each layer's four gates multiply the input and the hidden state
    (4H(I+H) per step), the decoder WIDTH x VOCAB per token; the embedding is a lookup."""
    (steps, batch), _ = MODELS["lstm_lm"].inputs[0]
    lstm = LAYERS * (4 * WIDTH * (WIDTH + WIDTH) + 8 * WIDTH)
    params = VOCAB * WIDTH + lstm + WIDTH * VOCAB + VOCAB
    macs = steps * batch * (LAYERS * 4 * WIDTH * 2 * WIDTH + WIDTH * VOCAB)
    return params, round(macs / 1e9, 3)


def transformer_encoder():
    from torch import nn

    layer = nn.TransformerEncoderLayer(D_MODEL, HEADS, FFN, batch_first=True)
    return nn.TransformerEncoder(layer, BLOCKS, enable_nested_tensor=False)


def transformer_counts() -> tuple[int, float]:
    """Per block: Q, K, V and output projections (4 d^2 per token), scores and their weighted sum
    (2 L d per token), the feed-forward (2 d f per token); parameters with their biases and two LayerNorms."""
    block_params = 4 * D_MODEL * D_MODEL + 4 * D_MODEL + 2 * D_MODEL * FFN + FFN + D_MODEL + 4 * D_MODEL
    macs = BLOCKS * TOKENS * (4 * D_MODEL * D_MODEL + 2 * TOKENS * D_MODEL + 2 * D_MODEL * FFN)
    return BLOCKS * block_params, round(macs / 1e9, 3)


def _build(tool: str, bench: Bench):
    """The model as `tool` needs it: studylog counts on the meta device; the peers run a real forward on the CPU."""
    import torchvision

    build = globals().get(bench.builder) or (lambda: torchvision.models.get_model(bench.builder, **bench.kwargs))
    if tool == "studylog":
        from studylog.checks.counting import build_on_meta

        return build_on_meta(build)
    return build().eval()


def _count(tool: str, model, bench: Bench):
    """(params, multiply-adds) of one forward on the bench's inputs, as `tool` counts them."""
    import torch

    device = "meta" if tool == "studylog" else "cpu"
    inputs = tuple(torch.zeros(shape, dtype=getattr(torch, dtype), device=device) for shape, dtype in bench.inputs)
    if tool == "studylog":
        from studylog.checks.counting import count_call

        counted = count_call(model, inputs)
        return counted.params, counted.macs
    if tool == "fvcore":
        from fvcore.nn import FlopCountAnalysis, parameter_count

        analysis = FlopCountAnalysis(model, inputs).unsupported_ops_warnings(False).uncalled_modules_warnings(False)
        return parameter_count(model)[""], analysis.total()  # fvcore's "flop" is one multiply-add
    if tool == "ptflops":
        from ptflops import get_model_complexity_info

        macs, params = get_model_complexity_info(model, tuple(inputs[0].shape), input_constructor=lambda _: inputs[0],
                                                 as_strings=False, print_per_layer_stat=False, verbose=False)
        return params, macs
    if tool == "thop":
        from thop import profile

        macs, params = profile(model, inputs=inputs, verbose=False)
        return params, macs
    if tool == "torchinfo":
        from torchinfo import summary

        stats = summary(model, input_data=list(inputs), verbose=0)
        return stats.total_params, stats.total_mult_adds
    raise ValueError(tool)


def child(tool: str, model: str) -> None:
    """Run one measurement and print it as a JSON line."""
    import resource

    import torch  # imported before the clock starts, as in the baseline
    import torchvision

    result = {"tool": tool, "model": model}
    if tool != "baseline":
        bench = MODELS[model]
        start = time.perf_counter()
        with torch.no_grad():
            built = _build(tool, bench)
            counting = time.perf_counter()
            params, macs = _count(tool, built, bench)
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


def published(reference: str) -> tuple[int, float]:
    """(params, GMACs) the counts should match: torchvision's weights metadata, or this script's formula."""
    from torchvision import models

    if reference.startswith("formula:"):
        return globals()[reference.removeprefix("formula:")]()
    meta = models.get_weight(reference).meta
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
    print(f"baseline: `import torch, torchvision` peaks at {baseline:.0f} MB   ({sys.version.split()[0]})")
    print(f"{'model':<16} {'tool':<10} {'build s':>8} {'count s':>8} {'peak MB':>8} {'+MB':>7} {'params':>13} {'GMACs':>9}  "
          "vs reference        speed-up vs the fastest right peer: build+count / count")
    for model in args.models:
        want_params, want_gmacs = published(MODELS[model].reference)
        rows = {tool: measure(tool, model, args.timeout) for tool in args.tools}

        def right(r: dict) -> bool:
            return r["params"] == want_params and round(r["macs"] / 1e9, 3) == want_gmacs

        peers = [r for t, r in rows.items() if t != "studylog" and "count_s" in r]
        judged = [r for r in peers if right(r)] or peers  # no peer right: the fastest of them all
        for tool, r in rows.items():
            if "error" in r:
                print(f"{model:<16} {tool:<10} {'failed: ' + r['error']}")
                continue
            same = ("params ok" if r["params"] == want_params else "params OFF") + (
                ", macs ok" if round(r["macs"] / 1e9, 3) == want_gmacs else ", macs OFF")
            speedup = ""
            if tool == "studylog" and judged:
                total = min(p["build_s"] + p["count_s"] for p in judged) / (r["build_s"] + r["count_s"])
                counting = min(p["count_s"] for p in judged) / r["count_s"]
                speedup = f"{total:.1f}x / {counting:.1f}x" + ("" if judged is not peers else " (no peer right)")
            print(f"{model:<16} {tool:<10} {r['build_s']:>8.2f} {r['count_s']:>8.2f} {r['peak_mb']:>8.0f} {r['peak_mb'] - baseline:>+7.0f} "
                  f"{r['params']:>13,} {r['macs'] / 1e9:>9.3f}  {same:<19} {speedup}".rstrip())
        source = "reference" if MODELS[model].reference.startswith("formula:") else "metadata"
        print(f"{model:<16} {source:<10} {'':>8} {'':>8} {'':>8} {'':>7} {want_params:>13,} {want_gmacs:>9.3f}  ({MODELS[model].reference})")


if __name__ == "__main__":
    main()

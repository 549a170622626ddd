"""Check module templates for `studylog check new` and the app's `c`: short, readable, working once the
`fill_in(...)` value is replaced; until then the check fails saying what to fill in."""

from __future__ import annotations

from string import Template

HEADER = '''"""$text

A check of question $question: replace fill_in(...) with the value you expect, then run
`studylog verify $question` (in the app: ctrl+s).
"""
'''

BODIES = {
    "params": ("count a module's parameters, bias included (and reported without)", '''
import torch.nn as nn

from studylog.checks import check, fill_in
from studylog.checks.counting import build_on_meta, count_params

EXPECTED = fill_in("the number of parameters, bias included")  # a whole number, worked out by hand


@check("$check_id", question="$question")
def parameters(ctx):
    module = build_on_meta(lambda: nn.BatchNorm2d(64))  # replace with the module your question is about
    ctx.claim("parameters, bias included", count_params(module)).equals(EXPECTED)
    ctx.report("parameters, bias excluded", count_params(module, bias=False))
'''),
    "macs": ("multiply-adds of one forward at an input shape, counted on the meta device", '''
import torch.nn as nn

from studylog.checks import check, fill_in
from studylog.checks.counting import build_on_meta, count_model

INPUT_SHAPE = (1, 3, 224, 224)
EXPECTED = fill_in("the multiply-adds of one forward at INPUT_SHAPE (1 MAC = 2 FLOPs)")


@check("$check_id", question="$question")
def multiply_adds(ctx):
    model = build_on_meta(lambda: nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3))  # the model in question
    counted = count_model(model, INPUT_SHAPE)  # on meta: no memory, no arithmetic
    ctx.claim(f"multiply-adds at {INPUT_SHAPE}", counted.macs).equals(EXPECTED)
    ctx.report("parameters", counted.params)
'''),
    "shape": ("the shape of an output", '''
import torch
import torch.nn as nn

from studylog.checks import check, fill_in

EXPECTED = fill_in("the output shape, as a list such as [1, 64, 112, 112]")


@check("$check_id", question="$question")
def output_shape(ctx):
    layer = nn.Conv2d(3, 64, kernel_size=7, stride=2, padding=3).to("meta")  # the layer in question
    out = layer(torch.empty(1, 3, 224, 224, device="meta"))
    ctx.claim("output shape", list(out.shape)).equals(EXPECTED)
'''),
    "same": ("two computations agree (cross-entropy vs NLL of log-softmax)", '''
import torch
import torch.nn.functional as F

from studylog.checks import check, fill_in

EXPECTED = fill_in("the largest difference you expect between the two (0.0 when they agree)")


@check("$check_id", question="$question")
def same_result(ctx):
    torch.manual_seed(0)
    logits, target = torch.randn(8, 10), torch.randint(0, 10, (8,))
    first = F.cross_entropy(logits, target, reduction="none")
    second = F.nll_loss(F.log_softmax(logits, dim=1), target, reduction="none")
    ctx.claim("largest difference", (first - second).abs().max().item()).close_to(EXPECTED, abs=1e-6)
'''),
    "grad": ("which parameters a loss reaches (get a gradient)", '''
import torch
import torch.nn as nn

from studylog.checks import check, fill_in

EXPECTED = fill_in("the names of the parameters that get a gradient, such as ['0.weight', '0.bias']")


@check("$check_id", question="$question")
def reached_by_the_loss(ctx):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))  # the model in question
    model[0].requires_grad_(False)
    model(torch.randn(3, 4)).sum().backward()
    reached = sorted(name for name, p in model.named_parameters() if p.grad is not None)
    ctx.claim("parameters the loss reaches", reached).equals(EXPECTED)
'''),
    "time": ("latency and FLOP/s of a forward on ctx.device (runs alone)", '''
import time

import torch
import torch.nn as nn

from studylog.checks import check, fill_in
from studylog.checks.counting import count_model

INPUT_SHAPE = (64, 1024)
EXPECTED = fill_in("the FLOPs of one forward, a count: 2 x 64 x 1024 x 1024 for this Linear")


@check("$check_id", question="$question", measures=True)
def latency(ctx):
    model = nn.Linear(1024, 1024, bias=False).to(ctx.device).eval()  # the model in question
    x = torch.randn(INPUT_SHAPE, device=ctx.device)
    flops = count_model(model, INPUT_SHAPE, ctx.device).flops
    sync = torch.cuda.synchronize if ctx.device.startswith("cuda") else (lambda: None)  # GPU work is asynchronous
    with torch.no_grad():
        model(x)  # warm up
        sync()
        start = time.perf_counter()
        for _ in range(20):
            model(x)
        sync()
        seconds = (time.perf_counter() - start) / 20
    ctx.claim("FLOPs of one forward (the same on every device)", flops).equals(EXPECTED)
    ctx.report(f"latency on {ctx.device}", seconds, unit="s")
    ctx.report(f"rate on {ctx.device} (count / latency)", flops / seconds, unit="FLOP/s")
'''),
}

TEMPLATES = {name: description for name, (description, _) in BODIES.items()}


def _docstring_text(text: str) -> str:
    """The question's text, safe inside a triple-quoted docstring."""
    return (text.strip() or "(no question text)").replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def render(template: str, *, check_id: str, question: str, text: str) -> str:
    """The source of a new check module from `template` (a key of TEMPLATES)."""
    source = HEADER + BODIES[template][1]
    return Template(source).substitute(check_id=check_id, question=question, text=_docstring_text(text))

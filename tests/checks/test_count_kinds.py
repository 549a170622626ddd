"""The kinds of model the shared cases stand for, written here as the user's own files: tensors made in
forward, branches on values, recurrent layers, containers, keyword inputs, and every error in one line."""

from __future__ import annotations

import json
import textwrap

import pytest
import torch
from click.testing import CliRunner
from torch import nn
from torch.nn.attention import SDPBackend, sdpa_kernel
from torch.utils.flop_counter import FlopCounterMode

from studylog.checks.counting import build_on_meta, count_model

HEADER = "import torch\nfrom torch import nn\n"


def write(tmp_path, source: str, name: str = "model.py"):
    (tmp_path / name).write_text(HEADER + textwrap.dedent(source))
    return tmp_path / name


def run(*args):
    from studylog.cli import cli

    return CliRunner().invoke(cli, ["count", *map(str, args)])


def counted(*args) -> dict:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def plain_macs(module: nn.Module, *inputs) -> int:
    """Plain torch's count of a forward; attention's fused CPU kernels (which hide their products from
    the counter, as the fused LSTM does) are turned off: the math attention runs."""
    torch.backends.mha.set_fastpath_enabled(False)
    try:
        with torch.no_grad(), sdpa_kernel(SDPBackend.MATH), FlopCounterMode(display=False) as counter:
            module(*inputs)
    finally:
        torch.backends.mha.set_fastpath_enabled(True)
    return counter.get_total_flops() // 2


FACTORIES = """
class Made(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
    def forward(self, x):
        bias = torch.ones(x.shape[0], 8, device="cpu") + torch.arange(8).float() + torch.randn(8)
        scale = torch.full((1, 8), 2.0).to("cpu")
        return self.fc(x + bias) * scale + torch.eye(8)[0].cpu()
"""


def test_tensors_made_in_forward_land_on_the_models_device(tmp_path):
    write(tmp_path, FACTORIES)
    assert counted(f"{tmp_path}/model.py:Made", "--input", "3x8")["macs"] == 3 * 8 * 8


BRANCH = """
class Gate(nn.Module):
    def __init__(self):
        super().__init__()
        self.small, self.big = nn.Linear(4, 2), nn.Sequential(nn.Linear(4, 64), nn.Linear(64, 2))
    def forward(self, x):
        if x.abs().max() > 0.5:
            return self.big(x)
        return self.small(x)
"""


def test_a_branch_on_values_is_named_on_meta_and_counted_on_the_cpu(tmp_path):
    write(tmp_path, BRANCH)
    refused = run(f"{tmp_path}/model.py:Gate", "--input", "1x4")
    assert refused.exit_code != 0 and "Traceback" not in refused.output and len(refused.output.strip().splitlines()) == 1
    assert "Tensor.__bool__" in refused.output and "model.py:9" in refused.output and "--device cpu" in refused.output
    on_cpu = run(f"{tmp_path}/model.py:Gate", "--input", "1x4", "--device", "cpu")
    assert on_cpu.exit_code == 0 and "zero-filled" in on_cpu.output and "model.py:9" in on_cpu.output
    assert counted(f"{tmp_path}/model.py:Gate", "--input", "1x4", "--device", "cpu")["macs"] == 1 * 4 * 2  # zeros: the small branch


SELECT = """
class Select(nn.Module):
    def forward(self, x):
        return x[x > 0].sum()
"""


def test_an_op_whose_output_shape_depends_on_values_is_named(tmp_path):
    write(tmp_path, SELECT)
    refused = run(f"{tmp_path}/model.py:Select", "--input", "3x4")
    assert refused.exit_code != 0 and len(refused.output.strip().splitlines()) == 1
    assert "nonzero" in refused.output and "model.py:6" in refused.output and "--device cpu" in refused.output
    assert counted(f"{tmp_path}/model.py:Select", "--input", "3x4", "--device", "cpu")["macs"] == 0


RECURRENT = [
    (lambda: nn.LSTM(10, 20, 2, bidirectional=True, batch_first=True), (3, 5, 10)),
    (lambda: nn.LSTM(10, 20, 1, proj_size=7), (5, 3, 10)),
    (lambda: nn.GRU(6, 12, 3), (4, 2, 6)),
    (lambda: nn.RNN(6, 12, nonlinearity="relu"), (4, 6)),  # unbatched
    (lambda: nn.LSTMCell(10, 20), (3, 10)),
    (lambda: nn.GRUCell(10, 20), (3, 10)),
]


@pytest.mark.parametrize("build, shape", RECURRENT)
def test_recurrent_layers_count_the_same_on_meta_and_on_the_cpu(build, shape):
    """On meta the layer decomposes into matrix products torch's own counter sees; on the CPU the fused
    kernel hides them. Both counts equal the decomposition's, counted here with plain torch."""
    with torch.device("meta"):
        layer = build()
    decomposed = plain_macs(layer, torch.zeros(shape, device="meta"))
    assert decomposed > 0
    assert count_model(build_on_meta(build), shape).macs == decomposed
    assert count_model(build(), shape, "cpu").macs == decomposed


def test_lstm_formula_on_the_cpu_where_the_counter_sees_nothing():
    lstm = nn.LSTM(10, 20, 1)
    assert plain_macs(lstm, torch.zeros(5, 3, 10)) == 0  # why the formula is needed
    assert count_model(lstm, (5, 3, 10), "cpu").macs == 5 * 3 * 4 * 20 * (10 + 20)


CONTAINERS = """
class Stacks(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(16, 32)
        self.encoder = nn.TransformerEncoder(nn.TransformerEncoderLayer(32, 4, 64, batch_first=True), 2)
        self.heads = nn.ModuleDict({"a": nn.Linear(32, 3), "b": nn.Linear(32, 5)})
        self.mix = nn.Parameter(torch.zeros(32, 32))
    def forward(self, x):
        h = self.encoder(self.embed(x)) @ self.mix
        return self.heads["a"](h), self.heads["b"](h)
"""


def test_by_block_holds_containers_and_outside_is_only_the_top_modules_own_ops(tmp_path):
    write(tmp_path, CONTAINERS)
    data = counted(f"{tmp_path}/model.py:Stacks", "--input", "2x6x16", "--depth", "2")
    macs = {block["name"]: block["macs"] for block in data["blocks"]}
    namespace = {}
    exec(HEADER + textwrap.dedent(CONTAINERS), namespace)
    model = namespace["Stacks"]().eval()
    x = torch.zeros(2, 6, 16)
    embedded = model.embed(x)
    encoded = model.encoder(embedded)
    assert macs["encoder"] == plain_macs(model.encoder, embedded) > 0
    assert macs["encoder.layers"] == macs["encoder"]
    assert macs["heads"] == plain_macs(model.heads["a"], encoded) + plain_macs(model.heads["b"], encoded)
    assert macs["(outside blocks)"] == 2 * 6 * 32 * 32  # the matmul with self.mix, and nothing else
    assert sum(block["macs"] for block in data["blocks"] if "." not in block["name"]) == data["macs"]
    on_cpu = counted(f"{tmp_path}/model.py:Stacks", "--input", "2x6x16", "--device", "cpu")
    assert on_cpu["macs"] == data["macs"]  # the fused fast path is turned off while counting


EXAMPLE = """
class Masked(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed, self.fc = nn.Embedding(100, 8), nn.Linear(8, 4)
    def forward(self, ids, *, mask=None, scale=1.0):
        return self.fc(self.embed(ids) * mask[..., None]) * scale

def example():
    return (torch.zeros(2, 5, dtype=torch.long),), {"mask": torch.ones(2, 5), "scale": 0.5}
"""


def test_example_function_gives_args_and_keyword_arguments(tmp_path):
    write(tmp_path, EXAMPLE)
    data = counted(f"{tmp_path}/model.py:Masked", "--example", f"{tmp_path}/model.py:example")
    assert data["macs"] == 2 * 5 * 8 * 4 and data["inputs"] == ["2x5 int64", "mask=2x5"]


def test_integer_and_bool_dtypes(tmp_path):
    write(tmp_path, "def build():\n    return nn.Embedding(50, 4)\n")
    assert counted(f"{tmp_path}/model.py:build", "--input", "3x7:int32")["inputs"] == ["3x7 int32"]
    assert "unknown dtype 'complex'" in run(f"{tmp_path}/model.py:build", "--input", "3x7:complex").output


@pytest.mark.parametrize("args, words", [
    ([":build", "--input", "1x3"], ["':build' must name a file or module and a function"]),
    (["nowhere/missing.py:build", "--input", "1x3"], ["model file 'nowhere/missing.py'", "does not exist"]),
    (["{tmp}/model.py:broken", "--input", "1x3"], ["'{tmp}/model.py:broken' raised ValueError: no such layer"]),
    (["{tmp}/model.py:Made", "--input", "1x3x9"], ["cannot count {tmp}/model.py:Made at input 1x3x9", "--input SHAPE[:DTYPE]"]),
    (["{tmp}/model.py:nothing", "--input", "1x3"], ["has no 'nothing'"]),
    (["quantized_resnet50"], ["int8-quantized", "count 'resnet50'"]),
    (["{tmp}/model.py:Gate", "--input", "1x4", "--example", "{tmp}/model.py:Gate"], ["either --input or --example"]),
    (["{tmp}/model.py", "--input", "1x3"], ["'{tmp}/model.py' is a file", "{tmp}/model.py:FUNCTION", "its functions: broken"]),
    (["{tmp}/missing.py", "--input", "1x3"], ["model file '{tmp}/missing.py' does not exist", "FILE.py:FUNCTION"]),
    (["{tmp}:build", "--input", "1x3"], ["'{tmp}' for '{tmp}:build' is a folder"]),
    (["{tmp}", "--input", "1x3"], ["'{tmp}' is a folder", "FILE.py:FUNCTION"]),
    (["{tmp}/model.py:brokn", "--input", "1x3"], ["has no 'brokn' (its functions: broken"]),
    (["{tmp}/script.py:build", "--input", "1x3"], ["it calls sys.exit(3) when imported"]),
])
def test_errors_are_one_line_naming_the_model_and_what_to_change(tmp_path, args, words):
    write(tmp_path, BRANCH + FACTORIES + "\ndef broken():\n    raise ValueError('no such layer')\n")
    (tmp_path / "script.py").write_text("import sys\n\ndef build():\n    pass\n\nsys.exit(3)\n", encoding="utf-8")
    result = run(*(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    for word in words:
        assert word.format(tmp=tmp_path) in result.output


def test_db_is_accepted_after_the_subcommand_and_help_says_what_a_bias_is(tmp_path):
    result = run("torch.nn:Identity", "--input", "1x3", "--db", tmp_path / "x.db")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "x.db").exists()  # count reads no database, and creates none
    help_text = " ".join(run("--help").output.split())
    assert "bias_ih_l0" in help_text and "in_proj_bias" in help_text and "--depth" in help_text


@pytest.mark.parametrize("value, shown", [(12, "12"), (3_400, "3.4 K"), (1_814_073_344, "1.81 G"), (999, "999"),
                                          (2 * 10**12, "2 T")])
def test_totals_read_at_the_prefix_that_fits_not_as_0_000_g(value, shown):
    from studylog.commands.count_render import si

    assert si(value) == shown

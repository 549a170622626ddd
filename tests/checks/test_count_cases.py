"""Every shared counting case (../shared/cases/count) through the real CLI, against values computed here
with plain torch on the CPU (FlopCounterMode around a real forward) or by formula; and the kinds they stand for."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import torch
from click.testing import CliRunner
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

from studylog.cli import cli
from shared_inputs import SHARED

CASES = SHARED / "cases" / "count"


def load_case(file: str) -> nn.Module:
    """The case's model, built on the CPU with plain importlib."""
    spec = importlib.util.spec_from_file_location(f"case_{Path(file).stem}", CASES / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build().eval()


def cpu_macs(model: nn.Module, *inputs) -> int:
    """Multiply-adds of a real CPU forward, as plain torch's counter sees them."""
    with torch.no_grad(), FlopCounterMode(display=False) as counter:
        model(*inputs)
    return counter.get_total_flops() // 2


def multiplied(model: nn.Module) -> int:
    """Weights that multiply an input: every tensor of two or more dimensions (biases are vectors)."""
    return sum(p.numel() for p in model.parameters() if p.dim() >= 2)


def run(*args, cwd: Path | None = None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    return CliRunner().invoke(cli, ["count", *map(str, args)])


def counted_json(*args, **kwargs) -> dict:
    result = run(*args, "--json", **kwargs)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def lstm_formula(steps: int, inputs: int, hidden: int) -> int:
    """T·N·4H·(I+H): four gates, each multiplying the input and the previous hidden state."""
    return steps * 4 * hidden * (inputs + hidden)


def expected(file: str) -> tuple[list[str], dict]:
    """The case's CLI inputs and its right values, computed here without studylog."""
    model = load_case(file)
    if file == "lstm_state.py":  # the CPU counter sees nothing inside the fused LSTM kernel
        return ["--input", "5x3x10"], {"macs": lstm_formula(5 * 3, 10, 20), "weights_without_bias": multiplied(model)}
    if file == "textcnn.py":
        ids = torch.zeros(2, 10, dtype=torch.long)
        return ["--input", "2x10:long"], {"macs": cpu_macs(model, ids), "weights_without_bias": multiplied(model)}
    if file == "siamese.py":
        x = torch.zeros(1, 1, 28, 28)
        return ["--input", "1x1x28x28", "--input", "1x1x28x28"], {"macs": cpu_macs(model, x, x), "weights_without_bias": multiplied(model)}
    if file == "my_own_model.py":
        return ["--input", "1x3x32x32"], {"macs": cpu_macs(model, torch.zeros(1, 3, 32, 32)), "weights_without_bias": multiplied(model)}
    x = torch.zeros(4, 32)
    return ["--input", "4x32", "--by-block"], {"macs": cpu_macs(model, x), "weights_without_bias": multiplied(model)}


@pytest.mark.parametrize("file", ["lstm_state.py", "textcnn.py", "siamese.py", "my_own_model.py", "mlp_stack.py"])
def test_every_shared_case_counts_right_by_path_from_another_folder(file, tmp_path, monkeypatch):
    args, right = expected(file)
    data = counted_json(CASES / f"{file}:build", *args, cwd=tmp_path, monkeypatch=monkeypatch)
    model = load_case(file)
    assert data["params"] == sum(p.numel() for p in model.parameters())
    assert data["weights_without_bias"] == right["weights_without_bias"]
    assert data["macs"] == right["macs"] and data["flops"] == 2 * right["macs"]


def test_mlp_stack_blocks_hold_their_module_list(tmp_path, monkeypatch):
    model = load_case("mlp_stack.py")
    x = torch.zeros(4, 32)
    stem = cpu_macs(model.stem, x)
    inner = model.stem(x)
    blocks = sum(cpu_macs(block, inner) for block in model.blocks)
    data = counted_json(CASES / "mlp_stack.py:build", "--input", "4x32", "--depth", "2", cwd=tmp_path, monkeypatch=monkeypatch)
    macs = {block["name"]: block["macs"] for block in data["blocks"]}
    assert macs["stem"] == stem and macs["blocks"] == blocks and macs["head"] == cpu_macs(model.head, inner)
    assert macs["(outside blocks)"] == 0 and [macs[f"blocks.{i}"] for i in range(3)] == [blocks // 3] * 3


def test_relative_path_and_module_form_from_the_files_folder(monkeypatch):
    by_path = counted_json("my_own_model.py:build", "--input", "1x3x32x32", cwd=CASES, monkeypatch=monkeypatch)
    by_module = counted_json("my_own_model:build", "--input", "1x3x32x32", cwd=CASES, monkeypatch=monkeypatch)
    assert by_path["macs"] == by_module["macs"] == cpu_macs(load_case("my_own_model.py"), torch.zeros(1, 3, 32, 32))


def test_vit_b_16_leaves_out_every_bias():
    from torchvision.models import vit_b_16

    with torch.device("meta"):  # plain torch: only the shapes are needed
        model = vit_b_16()
    biases = sum(m.bias.numel() for m in model.modules() if isinstance(m, (nn.Linear, nn.LayerNorm, nn.Conv2d)) and m.bias is not None)
    biases += sum(m.in_proj_bias.numel() for m in model.modules() if isinstance(m, nn.MultiheadAttention))
    data = counted_json("vit_b_16")
    assert data["weights_without_bias"] == sum(p.numel() for p in model.parameters()) - biases == 86_463_744

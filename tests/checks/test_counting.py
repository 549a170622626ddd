"""The counting helper on the meta device agrees with torchvision's own weights metadata, and `studylog count` shows it."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest
import torch
from click.testing import CliRunner
from torch import nn
from torchvision.models import get_model, get_model_weights

from studylog.checks.counting import OUTSIDE_BLOCKS, build_on_meta, count_model, count_params
from studylog.checks.zoo import build_torchvision, classification_models, crop_size, published_gmacs
from studylog.cli import cli


def distinct_weights():
    """Every (model, weights) pair of torchvision's classification models at a crop size other than the
    DEFAULT weights' (those are counted by name in test_count_torchvision), one per model and crop size."""
    for name in classification_models():
        seen = {crop_size(get_model_weights(name).DEFAULT)}
        for weights in get_model_weights(name):
            if crop_size(weights) not in seen:
                seen.add(crop_size(weights))
                yield pytest.param(name, weights, id=f"{name}-{crop_size(weights)}")


@pytest.mark.parametrize("name, weights", distinct_weights())
def test_count_reproduces_torchvision_metadata(name, weights):
    side = crop_size(weights)
    counted = count_model(build_torchvision(name, weights), (1, 3, side, side))
    assert counted.params == weights.meta["num_params"]
    assert round(counted.macs / 1e9, 3) == pytest.approx(published_gmacs(weights), abs=1e-9)


def test_tensor_computing_constructors_still_land_on_meta():
    register_parameter = nn.Module.register_parameter
    with pytest.raises(NotImplementedError), torch.device("meta"):  # RegNet reads .tolist() of a width schedule
        get_model("regnet_y_400mf")
    model = build_torchvision("regnet_y_400mf")
    assert {p.device.type for p in model.parameters()} == {"meta"}
    assert {b.device.type for b in model.buffers()} == {"meta"}
    assert nn.Module.register_parameter is register_parameter  # the fallback's patch is undone


def test_bias_and_trainable_filters():
    conv = nn.Conv2d(3, 64, 7)
    conv.bias.requires_grad_(False)
    assert count_params(conv) == 3 * 64 * 7 * 7 + 64
    assert count_params(conv, bias=False) == count_params(conv, trainable_only=True) == 3 * 64 * 7 * 7


def test_blocks_add_up_to_the_total_and_flops_outside_blocks_are_kept():
    class Head(nn.Module):
        def __init__(self):
            super().__init__()
            self.body = nn.Linear(8, 4)
            self.extra = nn.Parameter(torch.zeros(4, 2))

        def forward(self, x):
            return self.body(x) @ self.extra  # a matmul outside every child

    counted = count_model(build_on_meta(Head), (2, 8))
    blocks = {block.name: block for block in counted.blocks}
    assert blocks["body"].macs == 2 * 8 * 4 and blocks[OUTSIDE_BLOCKS].macs == 2 * 4 * 2
    assert sum(block.flops for block in counted.blocks) == counted.flops
    assert counted.params == 8 * 4 + 4 + 4 * 2 and counted.weights_without_bias == 8 * 4 + 4 * 2


def test_meta_and_cpu_counts_are_identical():
    meta = count_model(build_torchvision("squeezenet1_1"), (1, 3, 64, 64))
    cpu = count_model(get_model("squeezenet1_1"), (1, 3, 64, 64), "cpu")
    assert replace(cpu, device="meta") == meta and cpu.device == "cpu"


def run(*args):
    return CliRunner().invoke(cli, ["count", *args])


def test_count_json_matches_the_metadata_at_the_crop_size():
    result = run("resnet18", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    weights = get_model_weights("resnet18").DEFAULT
    assert data["inputs"] == ["1x3x224x224"]
    assert data["params"] == weights.meta["num_params"]
    assert round(data["macs"] / 1e9, 3) == published_gmacs(weights) and data["flops"] == 2 * data["macs"]


def test_count_by_block_and_factory_with_input():
    result = run("torchvision.models:resnet18", "--input", "1x3x64x64", "--by-block")
    assert result.exit_code == 0, result.output
    assert "1x3x64x64" in result.output and "layer4" in result.output and "1 MAC = 2 FLOPs" in result.output


@pytest.mark.parametrize("args, message", [
    (["nope"], "unknown model 'nope'"),
    (["resnet18", "--input", "1x3xabc"], "like 1x3x224x224 or 2x16:long; got '1x3xabc'"),
    (["resnet18", "--input", "0x3"], "got '0x3'"),
    (["torch.nn:Identity"], "pass --input"),
    (["torch.nn:Nope"], "cannot load model factory 'torch.nn:Nope'"),
    (["vit_b_16", "--input", "1x3x100x100"], "cannot count vit_b_16 at input 1x3x100x100"),
    (["torch.nn:Linear", "--input", "1x3"], "'torch.nn:Linear' raised TypeError: Linear.__init__() missing 2 required"),
    (["os:getcwd", "--input", "1x3"], "'os:getcwd' returned a str: the factory must take no arguments and return an nn.Module"),
])
def test_count_rejects_bad_models_and_inputs_in_one_line(args, message):
    result = run(*args)
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output


WIDE = """
from torch import nn

def wide():
    return nn.Sequential(nn.Linear(100_000, 100_000), nn.Identity())
"""


def test_columns_are_as_wide_as_the_counts_and_a_model_without_blocks_says_so(tmp_path, monkeypatch):
    (tmp_path / "widemodels.py").write_text(WIDE)
    monkeypatch.syspath_prepend(str(tmp_path))
    result = run("widemodels:wide", "--input", "1000x100000", "--by-block")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    totals, table = lines[1:4], lines[lines.index("") + 1:]
    assert "10,000,000,000,000" in totals[1] and len({line.index("  (") for line in totals}) == 1
    assert [line.split()[0] for line in table] == ["block", "0", "1", "(outside"] and len({len(line) for line in table}) == 1
    bare = run("torch.nn:Identity", "--input", "1x3", "--by-block")
    assert bare.exit_code == 0 and "no blocks: the model has no child modules" in bare.output


def test_count_help_imports_no_torch():
    probe = "import sys; from studylog.cli import cli; cli(['count', '--help'], standalone_mode=False); print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "Count MODEL's parameters" in result.stdout and result.stdout.strip().endswith("False")

"""The paper-faithful GoogLeNet behaves as Section 5 describes (aux heads only while training), and its
branch widths are the ones references/googlenet-2014.toml copies from Table 1."""

from __future__ import annotations

import torch

from studylog.checks import ref
from studylog.checks.counting import build_on_meta, count_params
from studylog.checks.models.googlenet_paper import TABLE1_ROWS, GoogLeNetPaper, Inception


def test_training_returns_main_and_aux_logits_and_eval_only_the_main():
    model = build_on_meta(GoogLeNetPaper)
    images = torch.zeros(2, 3, 224, 224, device="meta")
    assert [list(out.shape) for out in model.train()(images)] == [[2, 1000]] * 3
    assert list(model.eval()(images).shape) == [2, 1000]


def test_without_aux_heads_only_the_aux_parameters_go():
    with_aux, without = build_on_meta(GoogLeNetPaper), build_on_meta(lambda: GoogLeNetPaper(aux_logits=False))
    assert count_params(with_aux) - count_params(without) == count_params(with_aux.aux1) + count_params(with_aux.aux2)
    assert list(without.train()(torch.zeros(2, 3, 224, 224, device="meta")).shape) == [2, 1000]  # logits alone


def test_every_table1_row_is_a_block_of_the_model():
    assert set(TABLE1_ROWS) <= {name for name, _ in build_on_meta(GoogLeNetPaper).named_children()}


def branch_widths(block: Inception) -> list[int]:
    """A block's output channels in Table 1's column order: #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj."""
    convs = [block.branch1, *block.branch2, *block.branch3, block.branch4[1]]
    return [conv_relu.conv.out_channels for conv_relu in convs]


def test_the_models_branch_widths_are_the_cited_table_ones():
    model = build_on_meta(GoogLeNetPaper)
    rows = {name: row for name, row in TABLE1_ROWS.items() if row.startswith("inception")}
    assert len(rows) == 9
    for name, row in rows.items():
        assert branch_widths(getattr(model, name)) == ref("googlenet-2014", "table1", row, "branches").raw, row

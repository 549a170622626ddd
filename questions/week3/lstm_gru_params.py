"""Checks for "LSTM/GRU parameters": 4h(in + h) + 8h and 3h(in + h) + 6h with PyTorch's two bias vectors
(PyTorch docs: torch.nn.LSTM / torch.nn.GRU, weight_ih_l0 (4*hidden, input), weight_hh_l0, bias_ih_l0, bias_hh_l0),
and the cell state's additive path: d c_t / d c_{t-1} is the forget gate itself."""

from __future__ import annotations

import torch
from torch import nn

from studylog.checks import check
from studylog.checks.counting import build_on_meta, count_params

DOCS = "PyTorch docs: torch.nn.LSTM, torch.nn.GRU (weights and two bias vectors per layer)"
IN, HIDDEN = 10, 20


@check("lstm-gru-param-formulas", question="lstm-gru-params")
def param_formulas(ctx):
    lstm = build_on_meta(lambda: nn.LSTM(IN, HIDDEN))
    gru = build_on_meta(lambda: nn.GRU(IN, HIDDEN))
    ctx.claim("nn.LSTM(10, 20) parameters", count_params(lstm), citation=DOCS).equals(4 * HIDDEN * (IN + HIDDEN) + 2 * 4 * HIDDEN)
    ctx.claim("nn.GRU(10, 20) parameters", count_params(gru), citation=DOCS).equals(3 * HIDDEN * (IN + HIDDEN) + 2 * 3 * HIDDEN)
    ctx.claim("LSTM parameter shapes", {n: list(p.shape) for n, p in lstm.named_parameters()}).equals(
        {"weight_ih_l0": [80, 10], "weight_hh_l0": [80, 20], "bias_ih_l0": [80], "bias_hh_l0": [80]})
    two_layers = count_params(build_on_meta(lambda: nn.LSTM(IN, HIDDEN, num_layers=2)))
    ctx.claim("a second layer reads the first's hidden state: 4h(h + h) + 8h more", two_layers - count_params(lstm)).equals(
        4 * HIDDEN * (2 * HIDDEN) + 8 * HIDDEN)


@check("lstm-cell-state-path", question="lstm-gru-params")
def cell_state_path(ctx):
    cell = nn.LSTMCell(IN, HIDDEN)
    with torch.no_grad():
        cell.bias_ih.zero_()
        cell.bias_hh.zero_()
        cell.bias_ih[HIDDEN : 2 * HIDDEN] = 50.0  # PyTorch's gate order is i, f, g, o: forget gate saturated at 1
    x, h = torch.randn(1, IN), torch.zeros(1, HIDDEN)
    c = torch.randn(1, HIDDEN, requires_grad=True)
    _, c_next = cell(x, (h, c))
    c_next.sum().backward()
    ctx.claim("forget gate at 1: d c_t / d c_{t-1} is 1 for every unit (no product shrinks it)", c.grad.tolist()).close_to(
        [[1.0] * HIDDEN], abs=1e-6)

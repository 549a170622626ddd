"""Multiply-adds of recurrent layers (LSTM, GRU, RNN and their cells) by formula.

FlopCounterMode counts the matrix products a recurrent layer decomposes into on meta, but sees
nothing inside the CPU's fused LSTM kernel (it reports 0). So each recurrent module's count comes
from the formula of its gate equations (torch.nn.LSTM / GRU / RNN docs; Hochreiter & Schmidhuber
1997 for the LSTM): at each step, each of G gates multiplies the input (H x I) and the previous
hidden state (H x H_out), so one layer and direction costs steps * G * H * (I + H_out) multiply-adds,
plus steps * H * P for an LSTM's projection (proj_size P; then H_out = P). G is 4 for an LSTM, 3 for
a GRU, 1 for an Elman RNN; `steps` is T * N (or the packed sequence's length). Like the counter,
the formula counts the products, not the biases or the element-wise gate arithmetic.
"""

from __future__ import annotations

from torch import nn
from torch.nn.utils.rnn import PackedSequence

GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}
CELL_GATES = {nn.LSTMCell: 4, nn.GRUCell: 3, nn.RNNCell: 1}


def recurrent_macs(module: nn.Module, inputs: tuple) -> int:
    """Multiply-adds of one call of `module` (an nn.RNNBase or nn.RNNCellBase) on `inputs`."""
    x = inputs[0]
    if isinstance(module, nn.RNNCellBase):
        sequences = x.shape[0] if x.dim() == 2 else 1
        return sequences * CELL_GATES[type(module)] * module.hidden_size * (module.input_size + module.hidden_size)
    if isinstance(x, PackedSequence):
        steps = int(x.batch_sizes.sum())
    else:
        steps = x.shape[0] * x.shape[1] if x.dim() == 3 else x.shape[0]
    hidden, projection = module.hidden_size, getattr(module, "proj_size", 0)
    out = projection or hidden
    directions = 2 if module.bidirectional else 1
    macs = 0
    for layer in range(module.num_layers):
        layer_input = module.input_size if layer == 0 else directions * out
        per_direction = GATES[module.mode] * hidden * (layer_input + out) + hidden * projection
        macs += directions * steps * per_direction
    return macs


def is_recurrent(module: nn.Module) -> bool:
    return isinstance(module, (nn.RNNBase, nn.RNNCellBase))


def outputs_by_shape(module: nn.Module):
    """A stand-in forward for a recurrent module on meta: its outputs' shapes without the per-step
    decomposition (seconds for a 2-layer LSTM over 35 steps), since the formula counts it. A packed
    sequence runs the real forward."""
    real = module.forward

    def forward(x, hx=None):
        if isinstance(x, PackedSequence):
            return real(x, hx)
        hidden = module.hidden_size
        if isinstance(module, nn.RNNCellBase):
            h = x.new_zeros(*x.shape[:-1], hidden)
            return (h, h.clone()) if isinstance(module, nn.LSTMCell) else h
        out = getattr(module, "proj_size", 0) or hidden
        directions = 2 if module.bidirectional else 1
        batch = () if x.dim() == 2 else (x.shape[0 if module.batch_first else 1],)
        states = directions * module.num_layers
        h_n = x.new_zeros(states, *batch, out)
        output = x.new_zeros(*x.shape[:-1], directions * out)
        return (output, (h_n, x.new_zeros(states, *batch, hidden))) if module.mode == "LSTM" else (output, h_n)

    return forward

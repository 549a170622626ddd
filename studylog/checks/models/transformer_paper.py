"""The Transformer of Vaswani et al. (arXiv 1706.03762), Section 3, sized by Table 3's columns.

Built to be counted, not trained: encoder and decoder stacks of N layers, each sub-layer followed by
LayerNorm (Section 3.1), multi-head attention with projections to h*d_k (queries, keys) and h*d_v (values)
(Section 3.2.2), a two-layer feed-forward network of width d_ff (Section 3.3), and one embedding matrix
shared by both embedding layers and the pre-softmax linear transformation (Section 3.4). Positional
encodings are sinusoids: no parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

from torch import nn


@dataclass(frozen=True)
class Hyperparameters:
    """One row of Table 3: N, d_model, d_ff, h, d_k, d_v (unlisted values are the base model's)."""

    layers: int = 6
    d_model: int = 512
    d_ff: int = 2048
    heads: int = 8
    d_k: int = 64
    d_v: int = 64


class MultiHeadAttention(nn.Module):
    """Section 3.2.2's projections W^Q, W^K (d_model -> h*d_k), W^V (d_model -> h*d_v) and W^O (h*d_v -> d_model)."""

    def __init__(self, p: Hyperparameters, bias: bool) -> None:
        super().__init__()
        self.query = nn.Linear(p.d_model, p.heads * p.d_k, bias=bias)
        self.key = nn.Linear(p.d_model, p.heads * p.d_k, bias=bias)
        self.value = nn.Linear(p.d_model, p.heads * p.d_v, bias=bias)
        self.output = nn.Linear(p.heads * p.d_v, p.d_model, bias=bias)


def feed_forward(p: Hyperparameters) -> nn.Sequential:
    """Section 3.3, Eq. 2: max(0, xW1 + b1)W2 + b2."""
    return nn.Sequential(nn.Linear(p.d_model, p.d_ff), nn.ReLU(), nn.Linear(p.d_ff, p.d_model))


class EncoderLayer(nn.Module):
    def __init__(self, p: Hyperparameters, bias: bool) -> None:
        super().__init__()
        self.self_attention, self.feed_forward = MultiHeadAttention(p, bias), feed_forward(p)
        self.norms = nn.ModuleList(nn.LayerNorm(p.d_model) for _ in range(2))


class DecoderLayer(nn.Module):
    """The encoder layer's two sub-layers plus a third, attention over the encoder's output."""

    def __init__(self, p: Hyperparameters, bias: bool) -> None:
        super().__init__()
        self.self_attention, self.encoder_attention = MultiHeadAttention(p, bias), MultiHeadAttention(p, bias)
        self.feed_forward = feed_forward(p)
        self.norms = nn.ModuleList(nn.LayerNorm(p.d_model) for _ in range(3))


class TransformerPaper(nn.Module):
    """Encoder and decoder stacks with one shared embedding of `vocabulary` rows (Section 3.4).

    `attention_bias` gives the attention projections biases (the paper's equations have none; PyTorch's
    nn.MultiheadAttention has them); `shared_embeddings=False` gives source and target their own matrices.
    """

    def __init__(self, p: Hyperparameters, vocabulary: int, *, attention_bias: bool = False,
                 shared_embeddings: bool = True) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, p.d_model)  # also the pre-softmax linear transformation
        self.target_embedding = None if shared_embeddings else nn.Embedding(vocabulary, p.d_model)
        self.encoder = nn.ModuleList(EncoderLayer(p, attention_bias) for _ in range(p.layers))
        self.decoder = nn.ModuleList(DecoderLayer(p, attention_bias) for _ in range(p.layers))

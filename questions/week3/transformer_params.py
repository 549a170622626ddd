"""Checks for "where do the Transformer's 65M parameters come from": Section 3's layers counted by formula and
by a model built from them, and every params cell of Table 3 (Vaswani et al., arXiv 1706.03762) audited with
the vocabulary of Section 5.1, then asked which vocabulary sizes would reproduce each row.
"""

from __future__ import annotations

import math
from dataclasses import replace

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta, count_params
from studylog.checks.models.transformer_paper import EncoderLayer, Hyperparameters, TransformerPaper

TABLE3_ROWS = ["base", "(B) d_k=16", "(B) d_k=32", "(C) N=2", "(C) N=4", "(C) N=8", "(C) d_model=256",
               "(C) d_model=1024", "(C) d_ff=1024", "(C) d_ff=4096", "big"]
FIELDS = ("layers", "d_model", "d_ff", "heads", "d_k", "d_v")


def row_hyperparameters(row: str) -> Hyperparameters:
    """A row's hyperparameters: the base model's, with the cells the row prints ("unlisted values are identical")."""
    printed = {f: ref("transformer-2017", "table3", row, f).raw for f in FIELDS if _printed(row, f)}
    return replace(Hyperparameters(), **printed)


def _printed(row: str, field: str) -> bool:
    try:
        ref("transformer-2017", "table3", row, field)
        return True
    except LookupError:
        return False


@check("transformer-layer-params", question="transformer-params")
def layer_params(ctx):
    p = Hyperparameters()
    d, d_ff = p.d_model, p.d_ff
    ctx.claim("one encoder layer, base: attention without biases, FFN, two LayerNorms",
              count_params(build_on_meta(lambda: EncoderLayer(p, bias=False)))).equals(4 * d * d + (d * d_ff + d_ff + d_ff * d + d) + 2 * 2 * d)
    model = build_on_meta(lambda: TransformerPaper(p, 0))
    layers = count_params(model)
    ctx.claim("base: the 12 layers without embeddings", layers).equals(6 * (4 * d * d + 2 * d * d_ff + d_ff + d + 4 * d)
                                                                       + 6 * (8 * d * d + 2 * d * d_ff + d_ff + d + 6 * d))
    vocabulary = ref("transformer-2017", "text", "vocabulary")
    shared = count_params(build_on_meta(lambda: TransformerPaper(p, vocabulary.number)))
    ctx.claim("base with one shared embedding of 37000 x 512 (Sections 3.4, 5.1)", shared - layers,
              citation=vocabulary.citation).equals(37000 * d)


def reproducing_vocabularies(layers: int, d_model: int, printed_millions: int) -> list[int]:
    """[smallest, largest] shared vocabulary V with layers + V * d_model rounding to the printed millions."""
    low = math.ceil(((printed_millions - 0.5) * 1e6 - layers) / d_model)
    high = math.ceil(((printed_millions + 0.5) * 1e6 - layers) / d_model) - 1
    return [low, high]


@check("transformer-table3-params", question="transformer-params")
def table3_params(ctx):
    vocabulary = ref("transformer-2017", "text", "vocabulary").number
    ranges = {}
    for row in TABLE3_ROWS:
        p = row_hyperparameters(row)
        layers = count_params(build_on_meta(lambda: TransformerPaper(p, 0)))
        with_bias = count_params(build_on_meta(lambda: TransformerPaper(p, 0, attention_bias=True)))
        cell = ref("transformer-2017", "table3", row, "params")
        ctx.claim(f"{row}: which count reproduces {cell.printed}x10^6", cell, asserted=False).one_of({
            "shared 37000-token embedding (Sections 3.4, 5.1)": layers + vocabulary * p.d_model,
            "... and biases in the attention projections": with_bias + vocabulary * p.d_model,
            "separate source and target embeddings, 37000 each": layers + 2 * vocabulary * p.d_model,
        }, rule="rounds_to", unit=1e6)
        ranges[row] = reproducing_vocabularies(layers, p.d_model, cell.number)
        ctx.report(f"{row}: shared vocabularies that would reproduce it, [smallest, largest]", ranges[row])
    small = [r for r in TABLE3_ROWS if r != "big"]
    common = [max(ranges[r][0] for r in small), min(ranges[r][1] for r in small)]
    ctx.claim("one shared vocabulary reproduces every row but big", common[0] <= common[1]).equals(True)
    ctx.report("the vocabularies every row but big allows", common)
    ctx.claim("big's vocabularies overlap the others'", ranges["big"][1] >= common[0] and ranges["big"][0] <= common[1]).equals(False)

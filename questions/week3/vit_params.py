"""Checks for "what is ViT's cls token and how many parameters": the token sequence of torchvision's ViT-B/16,
and Table 1 of Dosovitskiy et al. (arXiv 2010.11929) audited row by row against vit_b_16 / vit_l_16 / vit_h_14
(built on meta), every column, with the readings of the params column that were tried.
"""

from __future__ import annotations

import torch
from torchvision.models import get_model_weights
from torchvision.models.vision_transformer import VisionTransformer

from studylog.checks import check, ref
from studylog.checks.counting import build_on_meta, count_params
from studylog.checks.zoo import build_torchvision, metadata_citation

ROWS = {"ViT-Base": "vit_b_16", "ViT-Large": "vit_l_16", "ViT-Huge": "vit_h_14"}


def table1(row: str, column: str):
    return ref("vit-2020", "table1", row, column)


@check("vit-sequence-length", question="vit-cls-token-params")
def sequence_length(ctx):
    model = build_torchvision("vit_b_16")
    tokens = {}
    model.encoder.register_forward_hook(lambda module, args, out: tokens.__setitem__("shape", list(args[0].shape)))
    model.eval()(torch.zeros(2, 3, 224, 224, device="meta"))
    ctx.claim("ViT-B/16 at 224: tokens entering the encoder", tokens["shape"][1]).equals((224 // 16) ** 2 + 1)
    ctx.claim("encoder input shape (batch, tokens, hidden)", tokens["shape"]).equals([2, 197, table1("ViT-Base", "hidden_size").raw])
    ctx.claim("cls token: one learned vector of the hidden size", list(model.class_token.shape)).equals([1, 1, 768])
    ctx.claim("position embeddings: one per token", list(model.encoder.pos_embedding.shape)).equals([1, 197, 768])
    weights = get_model_weights("vit_b_16").DEFAULT
    ctx.claim("torchvision vit_b_16 params", count_params(model), citation=metadata_citation(weights)).equals(weights.meta["num_params"])


@check("vit-table1-rows", question="vit-cls-token-params")
def table1_rows(ctx):
    readings = []
    for row, name in ROWS.items():
        patch, hidden = int(name[-2:]), table1(row, "hidden_size").raw
        model = build_on_meta(lambda: VisionTransformer(  # Table 1's row as printed, at 224
            image_size=224, patch_size=patch, num_layers=table1(row, "layers").raw, num_heads=table1(row, "heads").raw,
            hidden_dim=hidden, mlp_dim=table1(row, "mlp_size").raw))
        torchvision_model = build_torchvision(name)  # at its weights' resolution (vit_h_14: 518)
        columns = [len(torchvision_model.encoder.layers), torchvision_model.hidden_dim, torchvision_model.mlp_dim,
                   torchvision_model.encoder.layers[0].self_attention.num_heads]
        ctx.claim(f"{row}: layers, hidden size, MLP size, heads of torchvision {name}", columns).equals(
            [table1(row, c).raw for c in ("layers", "hidden_size", "mlp_size", "heads")])
        params = count_params(torchvision_model)
        weights = get_model_weights(name).DEFAULT
        ctx.claim(f"{row}: torchvision {name} params", params, citation=metadata_citation(weights)).equals(weights.meta["num_params"])
        head = count_params(model.heads)
        at_224 = count_params(model)
        hypotheses = {
            "at 224, with the 1000-class head": at_224,
            "at 224, without the head": at_224 - head,
            "at torchvision's weights' resolution, with the head": params,
            # /32: a patch embedding of 3*32*32 inputs per hidden unit, and 7x7 + 1 position embeddings
            "/32 patches at 224, with the head": at_224 + 3 * (32**2 - patch**2) * hidden - ((224 // patch) ** 2 - 7 * 7) * hidden,
        }
        ctx.claim(f"{row}: which count reproduces Table 1's {table1(row, 'params').printed}", table1(row, "params"),
                  asserted=False).one_of(hypotheses, rule="rounds_to")
        millions = table1(row, "params").number
        readings.append({reading for reading, count in hypotheses.items() if round(count / 1e6) == millions})
    ctx.claim("readings of the params column that reproduce all three rows", sorted(set.intersection(*readings))).equals([])

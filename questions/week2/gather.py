"""Checks for "how does torch.gather work": out[i][j] = input[i][index[i][j]] for dim=1, and
input[index[i][j]][j] for dim=0, held against explicit loops (PyTorch docs: torch.gather)."""

from __future__ import annotations

import torch

from studylog.checks import check

DOCS = "PyTorch docs: torch.gather"


@check("gather-semantics", question="torch-gather")
def gather_semantics(ctx):
    x = torch.tensor([[10, 11, 12], [20, 21, 22]])
    index = torch.tensor([[2, 0], [1, 1]])
    by_loop = [[x[i][index[i][j]].item() for j in range(2)] for i in range(2)]
    ctx.claim("gather(x, 1, [[2, 0], [1, 1]])", torch.gather(x, 1, index).tolist(), citation=DOCS).equals(by_loop)
    ctx.claim("... which is", torch.gather(x, 1, index).tolist()).equals([[12, 10], [21, 21]])
    rows = torch.tensor([[1, 0, 1]])
    ctx.claim("gather(x, 0, [[1, 0, 1]]): out[i][j] = x[index[i][j]][j]", torch.gather(x, 0, rows).tolist(), citation=DOCS).equals(
        [[x[rows[0][j]][j].item() for j in range(3)]])
    probs = torch.softmax(torch.tensor([[1.0, 2.0, 3.0], [3.0, 1.0, 0.0]]), 1)
    labels = torch.tensor([2, 0])
    ctx.claim("probability of each label: gather vs fancy indexing", probs.gather(1, labels.unsqueeze(1)).squeeze(1).tolist()).equals(
        probs[torch.arange(2), labels].tolist())

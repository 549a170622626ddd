"""Checks for "is a numpy array contiguous": strides in bytes (numpy) and elements (torch), a transpose that
only swaps strides, and .contiguous() that copies. Expected strides follow from the row-major layout."""

from __future__ import annotations

import numpy as np
import torch

from studylog.checks import check

DOCS = "PyTorch docs: torch.Tensor.stride, torch.Tensor.is_contiguous; NumPy docs: ndarray.strides"


@check("strides-and-contiguity", question="numpy-contiguous-strides")
def strides_and_contiguity(ctx):
    array = np.arange(5, dtype=np.int64)
    ctx.claim("int64 numpy array: strides in bytes", list(array.strides), citation=DOCS).equals([np.dtype(np.int64).itemsize])
    x = torch.arange(12, dtype=torch.float32).reshape(3, 4)
    ctx.claim("(3, 4) tensor: strides in elements (row-major)", list(x.stride()), citation=DOCS).equals([4, 1])
    t = x.t()
    ctx.claim("(3, 4) tensor transposed: strides in elements", list(t.stride()), citation=DOCS).equals([1, 4])
    ctx.claim("the transpose shares the buffer, and is not contiguous", [t.data_ptr() == x.data_ptr(), t.is_contiguous()]).equals([True, False])
    copy = t.contiguous()
    ctx.claim(".contiguous() on the transpose: new buffer, row-major strides", [copy.data_ptr() == x.data_ptr(), list(copy.stride())]).equals(
        [False, [3, 1]])

"""The reference-check engine. Check modules use `check`, `ref` and the `ctx` their functions receive.

    from studylog.checks import check, ref

    @check("inception-3a-weights", question="inception-v1-params")
    def inception_3a(ctx):
        ctx.claim("weights in inception (3a), bias excluded", n).equals(163_328)

Importing this package (check, ref) never imports torch, so bank modules can be listed and keyed without it.
The helpers that count models (counting, zoo, models) import torch; checks use them in the runner's
processes, and `studylog count` in its own.
"""

from studylog.checks.claims import ClaimError
from studylog.checks.placeholder import fill_in
from studylog.checks.references import Reference, ref
from studylog.checks.registry import check

__all__ = ["check", "ref", "fill_in", "Reference", "ClaimError"]

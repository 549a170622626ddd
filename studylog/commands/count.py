"""`studylog count MODEL`: a model's parameters and FLOPs, counted on the meta device the way a student counts by hand.

torch is imported only when the command runs.
"""

from __future__ import annotations

import json

import click

from studylog.commands.common import DB_HELP, db_option
from studylog.errors import StudylogError

DTYPES = {"float32": "float32", "float": "float32", "float16": "float16", "half": "float16", "bfloat16": "bfloat16",
          "long": "int64", "int64": "int64", "int32": "int32", "int": "int32", "bool": "bool"}


class InputSpec(click.ParamType):
    """An input written as SHAPE[:DTYPE]: 1x3x224x224, 2x16:long."""

    name = "SHAPE[:DTYPE]"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        text, _, dtype = value.partition(":")
        try:
            shape = tuple(int(side) for side in text.lower().split("x"))
        except ValueError:
            shape = ()
        if not shape or min(shape) < 1:
            self.fail(f"expected positive sizes joined by 'x', like 1x3x224x224 or 2x16:long; got '{value}'", param, ctx)
        if dtype and dtype.lower() not in DTYPES:
            self.fail(f"unknown dtype '{dtype}' in '{value}': use one of {', '.join(DTYPES)}", param, ctx)
        return shape, DTYPES[dtype.lower() or "float32"]


BIAS_HELP = ("'without biases' leaves out every parameter whose own name has 'bias' as a word: bias, "
             "bias_ih_l0 (LSTM/GRU/RNN), in_proj_bias, bias_k (attention), relative_position_bias_table (Swin).")


@click.command(epilog=BIAS_HELP)
@click.argument("model")
@click.option("--input", "inputs", type=InputSpec(), multiple=True, metavar="SHAPE[:DTYPE]",
              help="One positional input of zeros, e.g. 1x3x224x224 or 2x16:long (token ids); repeat for several. "
                   "dtypes: float32 (default), float16, bfloat16, long/int64, int32, bool. "
                   "Default: a torchvision model's weights' own input.")
@click.option("--example", metavar="FILE.py:function",
              help="A function returning the arguments to call the model with: a tensor, a tuple of them, "
                   "a dict of keyword arguments, or (args, kwargs).")
@click.option("--device", type=click.Choice(["meta", "cpu"]), default="meta", show_default=True,
              help="meta counts without memory or arithmetic; cpu runs real zero-filled tensors, for a forward "
                   "that branches on values (the count then follows the branch zeros take).")
@click.option("--by-block", is_flag=True, help="Also break the count down by the model's top-level blocks.")
@click.option("--depth", type=click.IntRange(min=1), default=None, metavar="N",
              help="Break down to this depth of submodules (implies --by-block; 1 = top-level blocks).")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@db_option(f"{DB_HELP} count reads none.")
def count(model: str, inputs, example: str | None, device: str, by_block: bool, depth: int | None, as_json: bool,
          db_path: str | None) -> None:
    """Count MODEL's parameters, multiply-adds and FLOPs (1 MAC = 2 FLOPs) for one inference forward.

    MODEL is a torchvision model name (resnet50, fcn_resnet50, fasterrcnn_resnet50_fpn, r3d_18,
    raft_small, ...), FILE.py:function (a path to your own file), or module:function; the function,
    or an nn.Module class, takes no arguments. No weights are downloaded.
    """
    from studylog.checks.counting_job import run_count
    from studylog.commands.count_render import print_count

    if inputs and example:
        raise StudylogError("give either --input or --example, not both")
    counted, published = run_count(model, inputs, example, device, depth or 1)
    if as_json:
        click.echo(json.dumps({"model": model, **counted.as_dict(), "published": published}, indent=2))
    else:
        print_count(model, counted, published, by_block or depth is not None)

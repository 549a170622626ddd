"""`studylog count MODEL`: a model's parameters and FLOPs, counted on the meta device the way a student counts by hand.

torch is imported only when the command runs.
"""

from __future__ import annotations

import json

import click

from studylog.errors import StudylogError


class InputShape(click.ParamType):
    """An input shape written as 1x3x224x224."""

    name = "NxCxHxW"

    def convert(self, value, param, ctx):
        if isinstance(value, tuple):
            return value
        try:
            shape = tuple(int(side) for side in value.lower().split("x"))
        except ValueError:
            shape = ()
        if not shape or min(shape) < 1:
            self.fail(f"expected positive sizes joined by 'x', like 1x3x224x224; got '{value}'", param, ctx)
        return shape


@click.command()
@click.argument("model")
@click.option("--input", "input_shape", type=InputShape(), default=None, metavar="NxCxHxW",
              help="Input shape, e.g. 1x3x224x224 (default: a torchvision model's weights' crop size).")
@click.option("--by-block", is_flag=True, help="Also break the count down by the model's top-level blocks.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def count(model: str, input_shape: tuple[int, ...] | None, by_block: bool, as_json: bool) -> None:
    """Count MODEL's parameters, multiply-adds and FLOPs (1 MAC = 2 FLOPs) for one forward.

    MODEL is a torchvision classification model name (resnet50, googlenet, ...) or
    package.module:factory, a function that returns an nn.Module. No weights are downloaded.
    """
    from studylog.checks.counting import count_model
    from studylog.checks.zoo import resolve

    spec = resolve(model)
    shape = input_shape or spec.default_input
    if shape is None:
        raise StudylogError(f"{model} has no default input size: pass --input, e.g. --input 1x3x224x224")
    built = spec.build()  # outside the try below: a factory's own errors are not the input shape's
    try:
        counted = count_model(built, shape)
    except Exception as exc:  # a shape the model rejects: say so in one line
        raise StudylogError(f"cannot count {model} at input {'x'.join(map(str, shape))}: {exc}") from None
    if as_json:
        click.echo(json.dumps({"model": model, **counted.as_dict()}, indent=2))
    else:
        _print(model, counted, by_block)


def _widest(header: str, values) -> int:
    return max([len(header), *(len(f"{v:,}") for v in values)])


def _print(model: str, counted, by_block: bool) -> None:
    click.echo(f"{model} at input {'x'.join(map(str, counted.input))}")
    width = _widest("", (counted.params, counted.macs, counted.flops))
    click.echo(f"  params  {counted.params:>{width},}  (trainable {counted.trainable:,}; without biases {counted.weights_without_bias:,})")
    click.echo(f"  MACs    {counted.macs:>{width},}  ({counted.macs / 1e9:.3f} G multiply-adds)")
    click.echo(f"  FLOPs   {counted.flops:>{width},}  ({counted.flops / 1e9:.3f} G; 1 MAC = 2 FLOPs)")
    if not by_block:
        return
    if not counted.blocks:
        click.echo("\n  no blocks: the model has no child modules and spends no FLOPs")
        return
    name_width = max(len("block"), *(len(block.name) for block in counted.blocks))
    params_width = _widest("params", (block.params for block in counted.blocks))
    macs_width = _widest("MACs", (block.macs for block in counted.blocks))
    click.echo(f"\n  {'block':<{name_width}}  {'params':>{params_width}}  {'MACs':>{macs_width}}")
    for block in counted.blocks:
        click.echo(f"  {block.name:<{name_width}}  {block.params:>{params_width},}  {block.macs:>{macs_width},}")

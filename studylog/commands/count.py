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
@click.option("--input", "input_shape", type=InputShape(), default=None,
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
    try:
        counted = count_model(spec.build(), shape)
    except Exception as exc:  # a shape the model rejects: say so in one line
        raise StudylogError(f"cannot count {model} at input {'x'.join(map(str, shape))}: {exc}") from None
    if as_json:
        click.echo(json.dumps({"model": model, **counted.as_dict()}, indent=2))
    else:
        _print(model, counted, by_block)


def _print(model: str, counted, by_block: bool) -> None:
    click.echo(f"{model} at input {'x'.join(map(str, counted.input))}")
    click.echo(f"  params  {counted.params:>16,}  (trainable {counted.trainable:,}; without biases {counted.weights_without_bias:,})")
    click.echo(f"  MACs    {counted.macs:>16,}  ({counted.macs / 1e9:.3f} G multiply-adds)")
    click.echo(f"  FLOPs   {counted.flops:>16,}  ({counted.flops / 1e9:.3f} G; 1 MAC = 2 FLOPs)")
    if by_block:
        width = max(len(block.name) for block in counted.blocks)
        click.echo(f"\n  {'block':<{width}}  {'params':>14}  {'MACs':>16}")
        for block in counted.blocks:
            click.echo(f"  {block.name:<{width}}  {block.params:>14,}  {block.macs:>16,}")

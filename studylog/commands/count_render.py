"""`studylog count`'s text output: totals, the weights' published figures, notes, and the block table."""

from __future__ import annotations

import click


SI_PREFIXES = ((10**12, "T"), (10**9, "G"), (10**6, "M"), (10**3, "K"))


def si(value: int) -> str:
    """A count at the prefix that reads best: 4.11 G, 1.82 M, 3.4 K, 12 (decimal prefixes, as papers print
    GMACs and GFLOPs)."""
    for size, prefix in SI_PREFIXES:
        if abs(value) >= size:
            return f"{value / size:.3g} {prefix}"
    return f"{value}"


def _widest(header: str, values) -> int:
    return max([len(header), *(len(f"{v:,}") for v in values)])


def _published_line(counted, published: dict) -> str:
    params = "matches" if counted.params == published["num_params"] else "differs"
    line = f"  published  params {published['num_params']:,} ({params})"
    if published["gmacs"] is not None:
        same = "matches" if round(counted.macs / 1e9, 3) == published["gmacs"] else "differs"
        line += f", _ops {published['gmacs']:.3f} GMACs ({same})"
    return line + f"  [{published['source']}]"


def print_count(model: str, counted, published: dict | None, by_block: bool) -> None:
    """The counts as a student reads them; the block table when asked for."""
    click.echo(f"{model} at input {', '.join(counted.inputs)}" + (" (on the CPU, zero-filled)" if counted.device == "cpu" else ""))
    width = _widest("", (counted.params, counted.macs, counted.flops))
    click.echo(f"  params  {counted.params:>{width},}  (trainable {counted.trainable:,}; without biases {counted.weights_without_bias:,})")
    click.echo(f"  MACs    {counted.macs:>{width},}  ({si(counted.macs)} multiply-adds)")
    click.echo(f"  FLOPs   {counted.flops:>{width},}  ({si(counted.flops)}; 1 MAC = 2 FLOPs)")
    if published:
        click.echo(_published_line(counted, published))
        if published["upper_bound"]:
            click.echo("  note: selections by score keep every candidate on meta, so this is the upper bound at this image size")
    for read in counted.value_reads:
        click.echo(f"  note: the forward read a value ({read}): the branch counted is the one zero-filled inputs take")
    if by_block:
        _print_blocks(counted.blocks)


def _print_blocks(blocks) -> None:
    if not blocks:
        click.echo("\n  no blocks: the model has no child modules and spends no FLOPs")
        return
    names = ["  " * (block.depth - 1) + block.name.rpartition(".")[2] if block.depth > 1 else block.name for block in blocks]
    name_width = max(len("block"), *(len(name) for name in names))
    params_width = _widest("params", (block.params for block in blocks))
    macs_width = _widest("MACs", (block.macs for block in blocks))
    click.echo(f"\n  {'block':<{name_width}}  {'params':>{params_width}}  {'MACs':>{macs_width}}")
    for name, block in zip(names, blocks):
        click.echo(f"  {name:<{name_width}}  {block.params:>{params_width},}  {block.macs:>{macs_width},}")

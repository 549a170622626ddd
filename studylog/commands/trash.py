"""`studylog undo`: bring back the last deleted week, section, question or link, or list what can be."""

from __future__ import annotations

import json

import click

from studylog.commands import render
from studylog.commands.common import with_database
from studylog.journal import trash


def as_json(item: trash.Deleted) -> dict:
    return {
        "id": item.id, "kind": item.kind, "label": item.label, "deleted_at": item.deleted_at.isoformat(),
        "contents": item.contents, **({"restored_id": item.restored_id} if item.restored_id is not None else {}),
    }


ROW_NAMES = {"questiontag": "tag", "reviewlog": "review", "card": "quiz card"}  # tables a user knows by other names


def contents(item: trash.Deleted) -> str:
    """`12 sections, 5 links`: what went with the item, its own row left out."""
    parts = [
        f"{n} {ROW_NAMES.get(table, table)}{'s' if n > 1 else ''}"
        for table, n in item.contents.items() if table != item.kind
    ]
    return ", ".join(parts)


@click.command()
@click.argument("entry_id", metavar="[ID]", type=int, required=False)
@click.option("--list", "listing", is_flag=True, help="List what can be brought back, newest first; restore nothing.")
@click.option("--json", "as_json_", is_flag=True, help="Print JSON: the restored item, or with --list every item.")
@with_database
def undo(db, entry_id: int | None, listing: bool, as_json_: bool) -> None:
    """Bring back the last deleted week, section, question or link (or the one numbered ID in --list), with
    everything that was deleted with it, where it was. Exit 1 when there is nothing to undo or it cannot go back."""
    if listing:
        print_list(trash.list_deleted(db), as_json_)
        return
    item = trash.undo(db, entry_id)
    if as_json_:
        click.echo(json.dumps(as_json(item), ensure_ascii=False, indent=2))
    else:
        with_it = contents(item)
        render.console.print(f"restored {render.escape(item.label)}" + (f" with {with_it}" if with_it else ""), soft_wrap=True)


def print_list(items: list[trash.Deleted], as_json_: bool) -> None:
    if as_json_:
        click.echo(json.dumps([as_json(item) for item in items], ensure_ascii=False, indent=2))
    elif not items:
        click.echo("nothing deleted is kept")
    else:
        for item in items:
            with_it = contents(item)
            when = item.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            line = f"{item.id:>4}  {when}  {render.escape(item.label)}" + (f"  (with {with_it})" if with_it else "")
            render.console.print(line, soft_wrap=True)

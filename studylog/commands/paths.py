"""`studylog paths` (alias `config`): every file and folder studylog reads or writes, and where each comes from."""

from __future__ import annotations

import os
from pathlib import Path

import click

from studylog.commands.common import db_option
from studylog.config import CONFIG_ENV_VAR, DB_ENV_VAR, KEYMAP_ENV_VAR, check_dir_sources, config_path, database_path, keymap_path
from studylog.terminal import json_text, printable


def _entry(path: Path, source: str) -> dict:
    return {"path": str(path), "source": source, "exists": path.exists()}


def all_paths(db_path: Path, db_source: str) -> dict:
    """The database, check folders, config file, keymap, templates and reference folders, each with its source."""
    from studylog.checks.references import reference_dirs
    from studylog.journal.templates import user_templates_dir

    configured = os.environ.get(CONFIG_ENV_VAR)
    return {
        "database": _entry(db_path, db_source),
        "check_folders": [_entry(folder, source) for folder, source in check_dir_sources(db_path)],
        "config": _entry(config_path(), f"${CONFIG_ENV_VAR}" if configured else "the user config folder"),
        "keymap": _entry(keymap_path(), f"${KEYMAP_ENV_VAR}" if os.environ.get(KEYMAP_ENV_VAR) else "config.toml's keymap, else beside it"),
        "templates": _entry(user_templates_dir(), "your week templates (NAME.md), beside config.toml"),
        "references": [_entry(folder, "cited tables `ref()` reads") for folder in reference_dirs()],
    }


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the paths as one JSON object.")
@db_option()
@click.pass_context
def paths(ctx: click.Context, as_json: bool, db_path: str | None) -> None:
    """Print every path studylog uses: the database, the check folders (searched in this order), the
    config file (config.toml: check_paths = ["~/study/checks"], keymap = "keys.toml"), the keymap."""
    explicit = db_path or ctx.find_root().params.get("db_path")
    source = "--db" if explicit else f"${DB_ENV_VAR}" if os.environ.get(DB_ENV_VAR) else "the user data folder"
    found = all_paths(database_path(explicit), source)
    if as_json:
        click.echo(json_text(found, indent=2))
        return
    for name, entries in found.items():
        for i, entry in enumerate(entries if isinstance(entries, list) else [entries]):
            label = name.replace("_", " ") if i == 0 else ""
            missing = "" if entry["exists"] else " (missing)"
            click.echo(printable(f"{label:<14}{entry['path']}{missing}  [{entry['source']}]"))

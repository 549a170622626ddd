"""`studylog template list`: the week templates `week new --template` and the app offer."""

from __future__ import annotations

import click

from studylog.commands.render import print_json_object
from studylog.errors import StudylogError
from studylog.journal import templates


@click.group()
def template() -> None:
    """Week templates: the sections a new week starts with."""


@template.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the templates as a JSON list.")
def template_list(as_json: bool) -> None:
    """List the templates, their sections, and the folder for your own (Markdown skeletons)."""
    rows, broken = [], []
    for found in templates.templates().values():
        try:
            sections = found.sections() if found.path else ()
        except StudylogError as exc:  # one bad file: the others are still listed, and the command fails after
            sections = ()
            broken.append(str(exc))
        rows.append({
            "name": found.name, "source": found.source, "path": str(found.path or ""),
            "sections": [{"title": s.title, "kind": s.kind, "level": s.level} for s in sections],
        })
    if as_json:
        print_json_object(rows)
    else:
        for row in rows:
            click.echo(f"{row['name']:<8} {row['source']:<8} {_outline(row['sections']) or row['path']}".rstrip())
        click.echo(f"\nyour templates: {templates.user_templates_dir()}/NAME.md ('# Section', '## Nested section', optional {{kind}})")
    if broken:
        raise StudylogError(broken[0])


def _outline(sections: list[dict]) -> str:
    """Sections on one line, nested ones in brackets after their parent: `짧은 소감 (피어세션, 멘토링) · 목표`."""
    groups: list[tuple[str, list[str]]] = []
    for section in sections:
        if section["level"] > 1 and groups:
            groups[-1][1].append(section["title"])
        else:
            groups.append((section["title"], []))
    return " · ".join(f"{head} ({', '.join(nested)})" if nested else head for head, nested in groups)

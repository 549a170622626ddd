"""Week templates: the sections a new week starts with (titles, kinds, levels, prompt text).

A template is a Markdown skeleton: `# Title` is a section of level 1, `## Title` one of level 2,
and the lines under a heading are that section's starting text. A heading may name its kind,
`# < 목표 > {goals}`; otherwise the kind is the one whose readable name the title is, else the one
the title's words suggest (피어세션, 주말 계획, …), else `note`. studylog ships `seed` (the seed
post's layout), `kpt` and `4l`; the user's own are `*.md` files in `templates/` of the config
folder (`studylog template list` names it). `last` is the previous week of the course, emptied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from studylog.config import config_dir
from studylog.errors import StudylogError
from studylog.journal.kinds import SECTION_KINDS

LAST = "last"
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{(\w+)\})?\s*$")


@dataclass(frozen=True)
class SectionSpec:
    """A section a template makes: its title, kind, level (1 or 2) and starting text."""

    title: str
    kind: str = "note"
    level: int = 1
    body: str = ""


@dataclass(frozen=True)
class Template:
    """A named template and where it comes from (a file, or 'the previous week')."""

    name: str
    source: str
    path: Path | None = None

    def sections(self) -> tuple[SectionSpec, ...]:
        """The template's sections, read from its file (raises StudylogError naming file and line)."""
        if self.path is None:
            raise StudylogError(f"template '{self.name}' is made from a week, not a file")
        return parse_skeleton(self.path.read_text(encoding="utf-8"), str(self.path))


def user_templates_dir() -> Path:
    """Where the user's templates live: `templates/` in the config folder."""
    return config_dir() / "templates"


def parse_skeleton(text: str, where: str = "template") -> tuple[SectionSpec, ...]:
    """The sections a Markdown skeleton describes; a StudylogError names the line that is wrong."""
    from studylog.blog.read.kinds import guess_kind  # the importer's guess from a title, one list for both; the
    # blog reader's package is not needed to list templates (the app does that on its UI thread)

    specs: list[dict] = []
    for number, line in enumerate(text.splitlines(), 1):
        match = HEADING.match(line)
        if not match:
            if specs:
                specs[-1]["body"].append(line)
            elif line.strip():
                raise StudylogError(f"{where}:{number}: expected a '# Section title' before any text")
            continue
        hashes, title, kind = match.groups()
        if len(hashes) > 2:
            raise StudylogError(f"{where}:{number}: sections nest two levels deep ('#' and '##'), found {hashes}")
        if kind and kind not in SECTION_KINDS:
            raise StudylogError(f"{where}:{number}: '{{{kind}}}' is not a section kind ({', '.join(SECTION_KINDS)})")
        specs.append({"title": title, "kind": kind or guess_kind(title), "level": len(hashes), "body": []})
    if not specs:
        raise StudylogError(f"{where}: no '# Section title' line; a template is one heading per section")
    return tuple(SectionSpec(s["title"], s["kind"], s["level"], "\n".join(s["body"]).strip("\n")) for s in specs)


def templates() -> dict[str, Template]:
    """Every template by name: the bundled ones, the user's (which may replace one), then `last`."""
    found = {
        path.stem: Template(path.stem, "bundled", path)
        for path in sorted(Path(str(files("studylog.templates"))).glob("*.md"))
    }
    if user_templates_dir().is_dir():
        for path in sorted(user_templates_dir().glob("*.md")):
            if path.stem != LAST:
                found[path.stem] = Template(path.stem, "yours", path)
    found[LAST] = Template(LAST, "the week before, titles, kinds and levels, without text")
    return found


def get_template(name: str) -> Template:
    """The template with this name; an unknown name is an error listing the known ones."""
    known = templates()
    if name not in known:
        raise StudylogError(f"no template '{name}' (templates: {', '.join(known)}; yours go in {user_templates_dir()})")
    return known[name]

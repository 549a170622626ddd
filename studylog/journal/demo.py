"""Loading the bundled demo week (studylog/demo/week4.toml) and its questions, through the pack loader."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from importlib.resources import files

from sqlmodel import func, select

from studylog.bank.pack import PackLoad, load_pack_into, read_pack
from studylog.config import bundled_questions_dir
from studylog.errors import StudylogError
from studylog.store.database import Database
from studylog.store.models import Link, Question, Section, Week

DEMO_FILE = files("studylog.demo") / "week4.toml"


def is_empty(db: Database) -> bool:
    """True when the database holds no week yet."""
    with db.reading() as s:
        return s.exec(select(func.count()).select_from(Week)).one() == 0


def load_demo(db: Database) -> Week:
    """Add the demo week (see load_demo_reporting); the week added."""
    return load_demo_reporting(db)[0]


def load_demo_reporting(db: Database) -> tuple[Week, PackLoad]:
    """Add the demo week with its sections and links, then the questions its sections name from the bundled
    pack (week 4), each placed in the section the demo file names, in one transaction. Questions of the pack already in
    the database are re-linked to the new week, never overwritten when edited (see bank.pack)."""
    data = tomllib.loads(DEMO_FILE.read_text(encoding="utf-8"))
    spec = data["week"]
    pack = read_pack(bundled_questions_dir())
    with db.session() as s:
        if s.exec(select(Week).where(Week.course == spec["course"], Week.number == spec["number"])).first():
            raise StudylogError(f"the demo week ({spec['course']} week {spec['number']}) is already in {db.path}")
        week = Week(**spec)
        s.add(week)
        s.flush()
        placements: dict[str, tuple[int, int]] = {}
        for position, section_spec in enumerate(data["sections"]):
            question_ids = section_spec.pop("questions", [])
            section = Section(week_id=week.id, position=position, **section_spec)
            s.add(section)
            s.flush()
            placements.update((slug, (section.id, i)) for i, slug in enumerate(question_ids))
        for position, link_spec in enumerate(data.get("links", [])):
            s.add(Link(week_id=week.id, position=position, **link_spec))
        order = list(placements)  # the demo's own questions (the seed's), in the order the week shows them;
        # the pack's other week-4 questions come with `studylog pack add boostcamp`
        pack = replace(pack, questions=tuple(sorted((q for q in pack.questions if q.source.id in placements),
                                                    key=lambda q: order.index(q.source.id))))
        report = load_pack_into(s, pack, weeks=[spec["number"]], course=spec["course"])
        for slug, (section_id, position) in placements.items():
            row = s.exec(select(Question).where(Question.slug == slug)).first()
            if row is None:
                raise StudylogError(f"{DEMO_FILE}: question '{slug}' is not in the pack {pack.folder}")
            if row.week_id == week.id:  # a question the user moved to another week stays there
                row.section_id, row.position = section_id, position
                s.add(row)
        return week, report

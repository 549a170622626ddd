"""Loading the bundled demo week (studylog/demo/week4.toml) and its questions from the bank."""

from __future__ import annotations

import tomllib
from importlib.resources import files

from sqlmodel import func, select

from studylog.bank.question_file import QuestionFile, iter_question_files
from studylog.config import bundled_questions_dir
from studylog.errors import StudylogError
from studylog.journal.questions import set_tags
from studylog.store.database import Database
from studylog.store.models import Link, Question, Section, Week

DEMO_FILE = files("studylog.demo") / "week4.toml"


def is_empty(db: Database) -> bool:
    """True when the database holds no week yet."""
    with db.reading() as s:
        return s.exec(select(func.count()).select_from(Week)).one() == 0


def load_demo(db: Database) -> Week:
    """Add the demo week with its sections, links and bank questions, in one transaction."""
    data = tomllib.loads(DEMO_FILE.read_text(encoding="utf-8"))
    bank = {q.id: q for q in iter_question_files([bundled_questions_dir()])}
    with db.session() as s:
        spec = data["week"]
        if s.exec(select(Week).where(Week.course == spec["course"], Week.number == spec["number"])).first():
            raise StudylogError(f"the demo week ({spec['course']} week {spec['number']}) is already in {db.path}")
        week = Week(**spec)
        s.add(week)
        s.flush()
        for position, section_spec in enumerate(data["sections"]):
            question_ids = section_spec.pop("questions", [])
            section = Section(week_id=week.id, position=position, **section_spec)
            s.add(section)
            s.flush()
            for q_position, question_id in enumerate(question_ids):
                if question_id not in bank:
                    raise StudylogError(f"{DEMO_FILE}: question '{question_id}' is not in the bank {bundled_questions_dir()}")
                _add_bank_question(s, bank[question_id], week.id, section.id, q_position)
        for position, link_spec in enumerate(data.get("links", [])):
            s.add(Link(week_id=week.id, position=position, **link_spec))
        return week


def _add_bank_question(s, source: QuestionFile, week_id: int, section_id: int, position: int) -> None:
    if s.exec(select(Question).where(Question.slug == source.id)).first():
        raise StudylogError(
            f"a question with id '{source.id}' is already in the database; the demo needs that id (use another --db)"
        )
    question = Question(
        slug=source.id, title=source.title, question=source.question, answer=source.answer,
        week_id=week_id, section_id=section_id, position=position, status="answered",
    )
    s.add(question)
    s.flush()
    set_tags(s, question.id, source.tags)

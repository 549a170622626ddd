"""Write an imported Post into the journal as a new week, in one transaction, or only describe it.

A week number already taken in the post's course is refused (import it under another with --week);
a question id already taken gets a numbered suffix, reported in the summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from studylog.blog.post import Post
from studylog.errors import StudylogError
from studylog.journal.questions import slugify, tag_names
from studylog.store.database import Database
from studylog.store.engine import stored
from studylog.store.models import Link, Question, QuestionTag, Section, Week
from studylog.store.text import nfc


@dataclass(frozen=True)
class ImportSummary:
    """What an import created (or, dry, would create): the week, counts, and renamed question ids."""

    week_number: int
    course: str
    title: str
    sections: int
    questions: int
    links: int
    renamed: tuple[tuple[str, str], ...]
    outline: tuple[str, ...]


def _free_slugs(s: Session, post: Post) -> list[str]:
    """A unique id per question: its own when free, else with -2, -3, … added."""
    taken = set(s.exec(select(Question.slug)))
    suffixes: dict[str, int] = {}  # per id, the suffix to try next: a thousand questions on one title stay linear
    slugs = []
    for position, question in enumerate(post.questions, 1):
        base = nfc(question.slug) or slugify(question.title, f"w{post.number}-q{position}" if post.number is not None else f"q{position}")
        slug, n = base, suffixes.get(base, 2)
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        suffixes[base] = n
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _outline(post: Post, slugs: list[str]) -> tuple[str, ...]:
    lines, ids = [], iter(slugs)
    for section in post.sections:
        marker = "*" if section.level == 1 else "  -"
        lines.append(f"{marker} [{section.kind}] {section.title or '(untitled)'}: {len(section.body)} characters")
        lines += [f"      Q {next(ids)}: {q.title}" for q in section.questions]
        lines += [f"      link: {link.title}" for link in section.links]
    return tuple(lines)


def store_post(db: Database, post: Post, *, dry_run: bool = False) -> ImportSummary:
    """Add the post as a week with its sections, questions, tags and links (all or nothing).

    A clash the checks here did not foresee (a post whose text is not NFC, say) is refused as a
    StudylogError naming the clashing columns; the transaction is rolled back.
    """
    where = f" of course '{post.course}'" if post.course else ""
    try:
        with db.session() as s:
            if s.exec(select(Week).where(Week.course == post.course, Week.number == post.number)).first():
                raise StudylogError(f"week {post.number}{where} already exists in {db.path}; import it as another week with --week N")
            slugs = _free_slugs(s, post)
            summary = ImportSummary(
                post.number, post.course, post.title, len(post.sections), len(post.questions), len(post.links),
                tuple((q.slug, slug) for q, slug in zip(post.questions, slugs) if q.slug and q.slug != slug),
                _outline(post, slugs),
            )
            if not dry_run:
                _add(s, post, slugs)
    except IntegrityError as exc:
        raise StudylogError(f"cannot import week {post.number}{where}: {_clash(exc)} in {db.path}; nothing was imported") from None
    return summary


def _clash(exc: IntegrityError) -> str:
    """What an insert clashed with, from SQLite's 'UNIQUE constraint failed: week.course, week.number'."""
    message = str(exc.orig)
    columns = message.partition(" constraint failed: ")[2]
    return f"it has the same {columns} as a row already stored" if columns else message


def _inserted(s: Session, model, rows: list[dict]) -> list[int]:
    """Insert the rows, text as NFC as every flush stores it; their ids (the next free ones, in order: the
    import's transaction holds the database's write lock), [] for a table without ids.

    Many rows per INSERT, not one: FTS5 writes out what the search triggers indexed at the end of every
    statement, so a statement per row made indexing a long post three times slower."""
    table = model.__name__.lower()
    rows = [{name: stored(table, name, value) for name, value in row.items()} for row in rows]
    ids: list[int] = []
    if hasattr(model, "id") and rows:
        first = (s.exec(select(func.max(model.id))).one() or 0) + 1
        ids = list(range(first, first + len(rows)))
        for row, row_id in zip(rows, ids):
            row["id"] = row_id
    if rows:  # with RETURNING, SQLAlchemy sends up to 1,000 rows per INSERT ("insertmanyvalues"); ids are known
        s.execute(insert(model).returning(*model.__table__.primary_key.columns), rows)
    return ids


def _add(s: Session, post: Post, slugs: list[str]) -> None:
    """The rows, each table inserted in one batch without ORM objects: an object and a flush per row made
    a 12 MB post take 30 s, objects flushed together still 8 s."""
    week = Week(number=post.number, title=post.title, course=post.course, start_date=post.start_date, end_date=post.end_date)
    s.add(week)
    s.flush()
    section_ids = _inserted(s, Section, [
        dict(week_id=week.id, position=position, level=source.level, kind=source.kind, title=source.title, body=source.body)
        for position, source in enumerate(post.sections)
    ])
    asked = [(section_id, q) for section_id, source in zip(section_ids, post.sections) for q in source.questions]
    question_ids = _inserted(s, Question, [
        dict(slug=slug, week_id=week.id, section_id=section_id, position=position, title=q.title,
             question=q.question, answer=q.answer, asker=q.asker, status=q.status or "open")
        for position, (slug, (section_id, q)) in enumerate(zip(slugs, asked))
    ])
    _inserted(s, QuestionTag, [
        dict(question_id=question_id, tag=tag) for question_id, (_, q) in zip(question_ids, asked) for tag in tag_names(q.tags)
    ])
    _inserted(s, Link, [
        dict(week_id=week.id, position=position, posted_on=link.posted_on, category=link.category, title=link.title, url=link.url)
        for position, link in enumerate(post.links)
    ])

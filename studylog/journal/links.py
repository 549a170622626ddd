"""Study links of a week (the post's 공부 내용 링크)."""

from __future__ import annotations

from datetime import date

from studylog.errors import NotFound
from studylog.journal import ordering
from studylog.journal.editing import apply_fields
from studylog.journal.trash import Deleted, keep_for_undo
from studylog.journal.weeks import week_label
from studylog.store.database import Database
from studylog.store.models import Link, Week


def add_link(
    db: Database, week_id: int, title: str, url: str = "", category: str = "", posted_on: date | None = None
) -> Link:
    """Append a study link to a week."""
    with db.session() as s:
        if s.get(Week, week_id) is None:
            raise NotFound(f"no week with id {week_id}")
        position = ordering.next_position(s, Link, Link.week_id, week_id)
        link = Link(week_id=week_id, title=title, url=url, category=category, posted_on=posted_on, position=position)
        s.add(link)
        return link


def _get(s, link_id: int) -> Link:
    link = s.get(Link, link_id)
    if link is None:
        raise NotFound(f"no link with id {link_id}")
    return link


def update_link(db: Database, link_id: int, **fields) -> Link:
    """Change a link's title, url, category or date."""
    with db.session() as s:
        link = _get(s, link_id)
        apply_fields(link, fields, {"title", "url", "category", "posted_on"}, "link")
        return link


def move_link(db: Database, link_id: int, new_position: int) -> None:
    """Move a link to new_position (0-based) within its week."""
    with db.session() as s:
        ordering.move(s, Link, Link.week_id, _get(s, link_id), new_position)


def delete_link(db: Database, link_id: int) -> Deleted:
    """Delete a link, undoably (journal.trash), and close the gap it leaves."""
    with db.session() as s:
        link = _get(s, link_id)
        deleted = keep_for_undo(s, link, "link", f"link '{link.title}' of {week_label(s.get(Week, link.week_id))}")
        ordering.remove(s, Link, Link.week_id, link)
        return deleted

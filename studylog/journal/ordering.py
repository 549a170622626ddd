"""Ordered children (sections of a week, links, questions): append at the end, move, close gaps."""

from __future__ import annotations

from sqlmodel import Session, func, select

from studylog.errors import StudylogError


def next_position(session: Session, model, scope_column, scope_value) -> int:
    """The position after the last row in the scope."""
    last = session.exec(select(func.max(model.position)).where(scope_column == scope_value)).one()
    return 0 if last is None else last + 1


def move(session: Session, model, scope_column, row, new_position: int) -> None:
    """Move row to new_position (0-based) among its siblings and renumber them 0..n-1."""
    siblings = list(
        session.exec(
            select(model).where(scope_column == getattr(row, scope_column.key)).order_by(model.position, model.id)
        )
    )
    if not 0 <= new_position < len(siblings):
        raise StudylogError(f"position {new_position + 1} is out of range 1..{len(siblings)}")
    siblings.remove(row)
    siblings.insert(new_position, row)
    renumber(siblings)


def renumber(rows) -> None:
    """Give rows consecutive positions in their current order."""
    for index, sibling in enumerate(rows):
        if sibling.position != index:
            sibling.position = index


def remove(session: Session, model, scope_column, row) -> None:
    """Delete row and close the gap it leaves among its siblings."""
    scope_value = getattr(row, scope_column.key)
    session.delete(row)
    session.flush()
    renumber(list(session.exec(select(model).where(scope_column == scope_value).order_by(model.position, model.id))))

"""A row with every row under it, as plain JSON: taken before a delete, put back by an undo.

"Under it" is read from the schema itself (SQLite's foreign keys), so a table added by a later migration
is covered without a change here: rows that reference the row ON DELETE CASCADE are taken with it,
recursively; rows whose reference is SET NULL are remembered so the undo can point them back.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlalchemy import Connection

UNTRACKED = ("trash", "alembic_version")  # never part of a snapshot


@dataclass(frozen=True)
class Reference:
    """child.column references parent.target, with this ON DELETE action; nullable says whether it may be NULL."""

    child: str
    column: str
    parent: str
    target: str
    on_delete: str
    nullable: bool


def references(conn: Connection) -> list[Reference]:
    """Every foreign key of the database's ordinary tables."""
    tables = [
        name for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'"
        )
        if name not in UNTRACKED
    ]
    found = []
    for table in tables:
        not_null = {row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{table}")') if row[3]}
        for row in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")'):
            parent, column, target, on_delete = row[2], row[3], row[4] or "id", row[6].upper()
            found.append(Reference(table, column, parent, target, on_delete, column not in not_null))
    return found


def _encode(value):
    return {"base64": base64.b64encode(value).decode()} if isinstance(value, bytes) else value


def _decode(value):
    return base64.b64decode(value["base64"]) if isinstance(value, dict) else value


def _select(conn: Connection, table: str, column: str, values: list) -> list[dict]:
    marks, where = ", ".join("?" * len(values)), "rowid" if column == "rowid" else f'"{column}"'
    result = conn.exec_driver_sql(f'SELECT rowid AS "rowid", * FROM "{table}" WHERE {where} IN ({marks})', tuple(values))
    return [dict(zip(result.keys(), map(_encode, row), strict=True)) for row in result]


def capture(conn: Connection, table: str, row_id: int) -> dict:
    """{"rows": [[table, [row, ...]], ...] parents first, "nulled": [[table, column, rowid, value], ...]}."""
    refs = references(conn)
    snapshot: dict = {"rows": [], "nulled": []}
    seen: set[tuple[str, int]] = set()

    def take(table: str, column: str, values: list) -> None:
        rows = [row for row in _select(conn, table, column, values) if (table, row["rowid"]) not in seen]
        if not rows:
            return
        seen.update((table, row["rowid"]) for row in rows)
        snapshot["rows"].append([table, rows])
        for ref in (r for r in refs if r.parent == table):
            keys = [row[ref.target] for row in rows]
            if ref.on_delete == "CASCADE":
                take(ref.child, ref.column, keys)
            elif ref.on_delete == "SET NULL":
                for child in _select(conn, ref.child, ref.column, keys):
                    snapshot["nulled"].append([ref.child, ref.column, child["rowid"], child[ref.column]])

    take(table, "rowid", [row_id])
    snapshot["nulled"] = [n for n in snapshot["nulled"] if (n[0], n[2]) not in seen]  # those come back whole
    return snapshot


def _columns(conn: Connection, table: str) -> tuple[set[str], str | None]:
    """The table's columns now (a later migration may have added or dropped some) and its integer key, if any."""
    info = list(conn.exec_driver_sql(f'PRAGMA table_info("{table}")'))
    keys = [(row[1], row[2].upper()) for row in info if row[5]]
    return {row[1] for row in info}, keys[0][0] if len(keys) == 1 and keys[0][1] == "INTEGER" else None


def _exists(conn: Connection, table: str, column: str, value) -> bool:
    return conn.exec_driver_sql(f'SELECT 1 FROM "{table}" WHERE "{column}" = ?', (value,)).first() is not None


def restore(conn: Connection, snapshot: dict) -> dict[tuple[str, int], int]:
    """Insert the snapshot's rows again; {(table, old rowid): new rowid}.

    A row keeps its id unless that id is taken now; references among the restored rows follow a new id.
    A nullable reference to a row that is gone now becomes NULL; a required one raises IntegrityError.
    """
    refs = references(conn)
    new_ids: dict[tuple[str, int], int] = {}
    for table, rows in snapshot["rows"]:
        columns, integer_key = _columns(conn, table)
        for row in rows:
            values = {name: _decode(value) for name, value in row.items() if name in columns}
            for ref in (r for r in refs if r.child == table and values.get(r.column) is not None):
                values[ref.column] = new_ids.get((ref.parent, values[ref.column]), values[ref.column])
                if ref.nullable and not _exists(conn, ref.parent, ref.target, values[ref.column]):
                    values[ref.column] = None
            if integer_key and _exists(conn, table, integer_key, values.get(integer_key)):
                del values[integer_key]
            names = ", ".join(f'"{name}"' for name in values)
            result = conn.exec_driver_sql(
                f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(values))})', tuple(values.values())
            )
            new_ids[(table, row["rowid"])] = result.lastrowid
    for table, column, rowid, value in snapshot["nulled"]:
        parent = next((r.parent for r in refs if r.child == table and r.column == column), None)
        value = new_ids.get((parent, value), value)
        conn.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ? AND "{column}" IS NULL', (value, rowid))
    return new_ids

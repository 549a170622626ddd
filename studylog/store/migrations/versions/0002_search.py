"""Full-text search: FTS5 trigram indexes over sections and questions, kept current by triggers.

The trigram tokenizer matches any substring of three or more characters, which is what
Korean needs (no word segmentation); shorter queries fall back to LIKE in journal.search.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {
    "section": ("section_fts", ("title", "body")),
    "question": ("question_fts", ("title", "question", "answer")),
}


def _statements(table: str, fts: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    remove = f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});"
    add = f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN {add} END",
        f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN {remove} END",
        f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN {remove} {add} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    for table, (fts, columns) in INDEXES.items():
        for statement in _statements(table, fts, columns):
            op.execute(statement)


def downgrade() -> None:
    for table, (fts, _columns) in INDEXES.items():
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER {table}_fts_{trigger}")
        op.execute(f"DROP TABLE {fts}")

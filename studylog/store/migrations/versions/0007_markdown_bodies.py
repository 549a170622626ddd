"""Bodies become Markdown, and a question keeps who asked it.

Section bodies, questions and answers were escaped on export; from here on they are the Markdown the
user typed, so a stored text stays as it is (its `- item` lines stay list items: goals are read from
them) and only the literal guard (studylog.blog.guard) is applied: `192*1*1*64`, `__init__` and a stray
`<word>` are escaped so they keep showing as typed. The file is copied aside before this runs
(store/database.py), as for every migration.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TEXTS = {"section": ("body",), "question": ("question", "answer")}


def upgrade() -> None:
    from studylog.blog.guard import guarded

    op.add_column("question", sa.Column("asker", sa.String, nullable=False, server_default=""))
    connection = op.get_bind()
    for table, columns in TEXTS.items():
        rows = connection.execute(sa.text(f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        for row in rows:
            converted = {c: guarded(v) for c, v in zip(columns, row[1:]) if v and guarded(v) != v}
            if converted:
                assignments = ", ".join(f"{c} = :{c}" for c in converted)
                connection.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id"), {"id": row[0], **converted})


def downgrade() -> None:
    op.drop_column("question", "asker")

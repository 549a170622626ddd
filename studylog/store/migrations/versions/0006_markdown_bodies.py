"""Bodies become Markdown, and a question keeps who asked it.

Section bodies, questions and answers were plain text, escaped on export; from here on they are the
Markdown the user typed. Each stored text is rewritten as the Markdown that displays exactly what it
displayed before (studylog.blog.plain_markdown), so existing weeks export and show the same. The file
is copied aside before this runs (store/database.py), as for every migration.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TEXTS = {"section": ("body",), "question": ("question", "answer")}


def upgrade() -> None:
    from studylog.blog.plain_markdown import plain_to_markdown

    op.add_column("question", sa.Column("asker", sa.String, nullable=False, server_default=""))
    connection = op.get_bind()
    for table, columns in TEXTS.items():
        rows = connection.execute(sa.text(f"SELECT id, {', '.join(columns)} FROM {table}")).all()
        for row in rows:
            converted = {c: plain_to_markdown(v) for c, v in zip(columns, row[1:]) if v and plain_to_markdown(v) != v}
            if converted:
                assignments = ", ".join(f"{c} = :{c}" for c in converted)
                connection.execute(sa.text(f"UPDATE {table} SET {assignments} WHERE id = :id"), {"id": row[0], **converted})


def downgrade() -> None:
    op.drop_column("question", "asker")

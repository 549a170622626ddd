"""The journal: weeks, sections, questions with tags, study links.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "week",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("course", sa.String, nullable=False, server_default=""),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("course", "number"),
    )
    op.create_index("ix_week_course", "week", ["course"])
    op.create_index("ix_week_number", "week", ["number"])
    op.create_table(
        "section",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("week_id", sa.Integer, sa.ForeignKey("week.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("level", sa.Integer, nullable=False, server_default="1"),
        sa.Column("kind", sa.String, nullable=False, server_default="note"),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_section_week_id", "section", ["week_id"])
    op.create_table(
        "question",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String, nullable=False),
        sa.Column("week_id", sa.Integer, sa.ForeignKey("week.id", ondelete="SET NULL")),
        sa.Column("section_id", sa.Integer, sa.ForeignKey("section.id", ondelete="SET NULL")),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("question", sa.Text, nullable=False, server_default=""),
        sa.Column("answer", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.String, nullable=False, server_default="open"),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_question_slug", "question", ["slug"], unique=True)
    op.create_index("ix_question_week_id", "question", ["week_id"])
    op.create_table(
        "questiontag",
        sa.Column("question_id", sa.Integer, sa.ForeignKey("question.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("tag", sa.String, primary_key=True),
    )
    op.create_index("ix_questiontag_tag", "questiontag", ["tag"])
    op.create_table(
        "link",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("week_id", sa.Integer, sa.ForeignKey("week.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("posted_on", sa.Date),
        sa.Column("category", sa.String, nullable=False, server_default=""),
        sa.Column("title", sa.String, nullable=False, server_default=""),
        sa.Column("url", sa.String, nullable=False, server_default=""),
    )
    op.create_index("ix_link_week_id", "link", ["week_id"])


def downgrade() -> None:
    for table in ("link", "questiontag", "question", "section", "week"):
        op.drop_table(table)

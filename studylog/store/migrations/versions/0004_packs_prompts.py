"""Questions remember the pack that loaded them (and a digest of what it loaded, so a reload never
overwrites a user's edit); numeric quiz prompts move from question files into the database.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("question", sa.Column("pack", sa.String, nullable=False, server_default=""))
    op.add_column("question", sa.Column("pack_digest", sa.String, nullable=False, server_default=""))
    op.create_table(
        "questionprompt",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("question_id", sa.Integer, sa.ForeignKey("question.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("text", sa.String, nullable=False, server_default=""),
        sa.Column("check_id", sa.String, nullable=False, server_default=""),
        sa.Column("claim", sa.String, nullable=False, server_default=""),
        sa.Column("unit", sa.Integer, nullable=False, server_default="1000"),
    )
    op.create_index("ix_questionprompt_question_id", "questionprompt", ["question_id"])


def downgrade() -> None:
    op.drop_table("questionprompt")
    op.drop_column("question", "pack_digest")
    op.drop_column("question", "pack")

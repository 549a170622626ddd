"""Check results (runs and their claims) and spaced-repetition state (cards and reviews).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkrun",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("check_id", sa.String, nullable=False),
        sa.Column("question_slug", sa.String, nullable=False),
        sa.Column("cache_key", sa.String, nullable=False),
        sa.Column("code_hash", sa.String, nullable=False, server_default=""),
        sa.Column("torch_version", sa.String, nullable=False, server_default=""),
        sa.Column("torchvision_version", sa.String, nullable=False, server_default=""),
        sa.Column("device", sa.String, nullable=False, server_default=""),
        sa.Column("device_name", sa.String, nullable=False, server_default=""),
        sa.Column("status", sa.String, nullable=False, server_default=""),
        sa.Column("message", sa.Text, nullable=False, server_default=""),
        sa.Column("duration_s", sa.Float, nullable=False, server_default="0"),
        sa.Column("started_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_checkrun_check_id", "checkrun", ["check_id"])
    op.create_index("ix_checkrun_question_slug", "checkrun", ["question_slug"])
    op.create_index("ix_checkrun_cache_key", "checkrun", ["cache_key"])
    op.create_table(
        "claimresult",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("checkrun.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("label", sa.String, nullable=False, server_default=""),
        sa.Column("computed", sa.String, nullable=False, server_default=""),
        sa.Column("expected", sa.String, nullable=False, server_default=""),
        sa.Column("rule", sa.String, nullable=False, server_default=""),
        sa.Column("verdict", sa.String, nullable=False, server_default=""),
        sa.Column("asserted", sa.Boolean, nullable=False, server_default="1"),
        sa.Column("citation", sa.String, nullable=False, server_default=""),
    )
    op.create_index("ix_claimresult_run_id", "claimresult", ["run_id"])
    op.create_table(
        "card",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("question_id", sa.Integer, sa.ForeignKey("question.id", ondelete="CASCADE"), nullable=False, unique=True),
        sa.Column("state", sa.Integer, nullable=False, server_default="1"),
        sa.Column("step", sa.Integer),
        sa.Column("stability", sa.Float),
        sa.Column("difficulty", sa.Float),
        sa.Column("due", sa.DateTime, nullable=False),
        sa.Column("last_review", sa.DateTime),
    )
    op.create_index("ix_card_due", "card", ["due"])
    op.create_table(
        "reviewlog",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("card_id", sa.Integer, sa.ForeignKey("card.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rating", sa.Integer, nullable=False),
        sa.Column("reviewed_at", sa.DateTime, nullable=False),
        sa.Column("duration_ms", sa.Integer),
        sa.Column("answer", sa.String, nullable=False, server_default=""),
        sa.Column("correct", sa.Boolean),
        sa.Column("cram", sa.Boolean, nullable=False, server_default="0"),
    )
    op.create_index("ix_reviewlog_card_id", "reviewlog", ["card_id"])
    op.create_index("ix_reviewlog_reviewed_at", "reviewlog", ["reviewed_at"])


def downgrade() -> None:
    for table in ("reviewlog", "card", "claimresult", "checkrun"):
        op.drop_table(table)

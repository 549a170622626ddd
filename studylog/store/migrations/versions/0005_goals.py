"""Goals (the items of a week's goal-like sections, with a status and a note, and the goal they carry
on) and the template each week was started from (the new-week dialog offers the last one used).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "goal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("week_id", sa.Integer, sa.ForeignKey("week.id", ondelete="CASCADE"), nullable=False),
        sa.Column("section_id", sa.Integer, sa.ForeignKey("section.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
        sa.Column("text", sa.String, nullable=False, server_default=""),
        sa.Column("status", sa.String, nullable=False, server_default="open"),
        sa.Column("note", sa.String, nullable=False, server_default=""),
        sa.Column("carried_from_id", sa.Integer, sa.ForeignKey("goal.id", ondelete="SET NULL")),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_goal_week_id", "goal", ["week_id"])
    op.create_index("ix_goal_section_id", "goal", ["section_id"])
    with op.batch_alter_table("week") as batch:
        batch.add_column(sa.Column("template", sa.String, nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("week") as batch:
        batch.drop_column("template")
    op.drop_table("goal")

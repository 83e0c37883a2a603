"""young people's activities in a young people's panel's plan (timed and printed, not
scored), and how a panel held in school hours was agreed

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 20:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "plan_activity",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "stage_id",
            sa.Integer(),
            sa.ForeignKey("stage.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("exercise_id", sa.String(length=80), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("frozen_content", sa.JSON(), nullable=True),
    )
    op.create_index("ix_plan_activity_stage_id", "plan_activity", ["stage_id"])
    with op.batch_alter_table("stage") as batch:
        batch.add_column(sa.Column("school_hours_agreement", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("stage") as batch:
        batch.drop_column("school_hours_agreement")
    op.drop_index("ix_plan_activity_stage_id", "plan_activity")
    op.drop_table("plan_activity")

"""an advisory stage's structured report on each candidate for the deciding panel

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 14:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "advisory_report",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "stage_id", sa.Integer(), sa.ForeignKey("stage.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("candidate.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("strengths", sa.Text(), nullable=False),
        sa.Column("concerns", sa.Text(), nullable=False),
        sa.Column(
            "traffic_light",
            sa.Enum("GREEN", "AMBER", "RED", name="trafficlight", native_enum=False, length=10),
            nullable=True,
        ),
        sa.Column(
            "recorded_by_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("recorded_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lock_version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("stage_id", "candidate_id", name="uq_advisory_report_stage_candidate"),
    )
    op.create_index("ix_advisory_report_stage_id", "advisory_report", ["stage_id"])
    op.create_index("ix_advisory_report_candidate_id", "advisory_report", ["candidate_id"])


def downgrade():
    op.drop_index("ix_advisory_report_candidate_id", "advisory_report")
    op.drop_index("ix_advisory_report_stage_id", "advisory_report")
    op.drop_table("advisory_report")

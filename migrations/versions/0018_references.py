"""references: one row per reference taken up for a candidate, with its dates, who
scrutinised it, and a summary of any concern and its resolution

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 17:00:00.000000

The reference's content is not stored: only a short summary of any concern it raised.
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "candidate_reference",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("candidate.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("referee_name", sa.String(length=200), nullable=False),
        sa.Column("referee_role_and_organisation", sa.String(length=300), nullable=False),
        sa.Column("relationship", sa.String(length=100), nullable=False),
        sa.Column("is_current_or_recent_employer", sa.Boolean(), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("scrutinised_on", sa.Date(), nullable=True),
        sa.Column(
            "scrutinised_by_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("concerns", sa.Text(), nullable=True),
        sa.Column("concern_resolution", sa.Text(), nullable=True),
        sa.Column("created_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lock_version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_candidate_reference_candidate_id", "candidate_reference", ["candidate_id"])


def downgrade():
    op.drop_index("ix_candidate_reference_candidate_id", "candidate_reference")
    op.drop_table("candidate_reference")

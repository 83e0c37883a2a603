"""pre-employment checks: one row per candidate and kind, with status, dates, a short
outcome and who verified it

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 16:00:00.000000

No certificate's content or number is stored: safer recruitment records the check, its date,
its outcome and who verified it.
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

KINDS = (
    "IDENTITY",
    "RIGHT_TO_WORK",
    "ENHANCED_DBS",
    "BARRED_LIST",
    "QUALIFICATIONS",
    "PROFESSIONAL_REGISTRATION",
    "OVERSEAS",
    "OCCUPATIONAL_HEALTH",
)
STATUSES = ("NOT_STARTED", "REQUESTED", "RECEIVED", "SATISFACTORY", "CONCERN", "NOT_REQUIRED")


def upgrade():
    op.create_table(
        "pre_employment_check",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("candidate.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(*KINDS, name="checkkind", native_enum=False, length=30),
            nullable=False,
        ),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(*STATUSES, name="checkstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=200), nullable=False),
        sa.Column("not_required_reason", sa.String(length=500), nullable=False),
        sa.Column(
            "verified_by_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("verified_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lock_version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("candidate_id", "kind", name="uq_pre_employment_check_kind"),
    )
    op.create_index(
        "ix_pre_employment_check_candidate_id", "pre_employment_check", ["candidate_id"]
    )


def downgrade():
    op.drop_index("ix_pre_employment_check_candidate_id", "pre_employment_check")
    op.drop_table("pre_employment_check")

"""advisory report agreements: each member of an advisory panel who agreed its report on a
candidate as it now reads

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 18:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "advisory_report_agreement",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "report_id",
            sa.Integer(),
            sa.ForeignKey("advisory_report.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("agreed_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("report_id", "user_id", name="uq_advisory_report_agreement_user"),
    )
    op.create_index(
        "ix_advisory_report_agreement_report_id", "advisory_report_agreement", ["report_id"]
    )


def downgrade():
    op.drop_index("ix_advisory_report_agreement_report_id", "advisory_report_agreement")
    op.drop_table("advisory_report_agreement")

"""a vacancy's person specification: essential and desirable criteria, each marked with how
it is assessed

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 15:30:00.000000

Existing vacancies start with none: HR starts one from the standard criteria for the
post's role level and innovation.
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "person_spec_criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("vacancy_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("essential", sa.Boolean(), nullable=False),
        sa.Column("assessed_by", sa.JSON(), nullable=False),
        sa.Column(
            "created_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(["vacancy_id"], ["vacancy.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_person_spec_criterion_vacancy_id", "person_spec_criterion", ["vacancy_id"]
    )


def downgrade():
    op.drop_index("ix_person_spec_criterion_vacancy_id", table_name="person_spec_criterion")
    op.drop_table("person_spec_criterion")

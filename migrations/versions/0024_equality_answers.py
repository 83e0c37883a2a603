"""equality monitoring answers, one row per candidate, in their own table (read only by
the new equality monitoring role and administrators), and the anonymous counts the
retention purge keeps of anonymised candidates' answers

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 23:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

CATEGORIES = (
    "ethnicity",
    "sex",
    "gender_identity",
    "disability",
    "age_band",
    "religion",
    "sexual_orientation",
    "care_experience",
)


def upgrade():
    op.create_table(
        "equality_answers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("candidate.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        *(sa.Column(name, sa.String(length=40), nullable=True) for name in CATEGORIES),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("recorded_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "recorded_by_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="SET NULL"),
            nullable=True,
        ),
    )


    op.create_table(
        "equality_tally",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "vacancy_id",
            sa.Integer(),
            sa.ForeignKey("vacancy.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("answer", sa.String(length=40), nullable=False),
        sa.Column("furthest_step", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.UniqueConstraint(
            "vacancy_id", "category", "answer", "furthest_step", name="uq_equality_tally_cell"
        ),
    )
    op.create_index("ix_equality_tally_vacancy_id", "equality_tally", ["vacancy_id"])


def downgrade():
    op.drop_index("ix_equality_tally_vacancy_id", "equality_tally")
    op.drop_table("equality_tally")
    op.drop_table("equality_answers")

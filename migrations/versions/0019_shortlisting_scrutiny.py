"""shortlisting scrutiny: gaps and discrepancies noted on each application with what a
stage's panel explores, the shortlisting decision with each essential criterion's outcome,
and the appointed candidate's start date

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 17:30:00.000000

The candidate's new status "not_shortlisted" needs no change: the status column is a
string checked by the app.
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def _user(name):
    return sa.Column(
        name,
        sa.Integer(),
        sa.ForeignKey("user_account.id", ondelete="RESTRICT"),
        nullable=True,
    )


def _moment(name):
    return sa.Column(name, recruit.models._types.UTCDateTime(timezone=True), nullable=False)


def upgrade():
    op.create_table(
        "scrutiny_point",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("candidate.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "stage_id",
            sa.Integer(),
            sa.ForeignKey("stage.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=True),
        sa.Column("to_date", sa.Date(), nullable=True),
        sa.Column("noted", sa.Text(), nullable=False),
        sa.Column("to_explore", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=True),
        _user("recorded_by_id"),
        _moment("created_at"),
        _moment("updated_at"),
        sa.Column("lock_version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_scrutiny_point_candidate_id", "scrutiny_point", ["candidate_id"])
    op.create_table(
        "shortlisting_decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("candidate.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("shortlisted", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        _user("decided_by_id"),
        _moment("decided_at"),
        sa.Column("lock_version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "criterion_assessment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "decision_id",
            sa.Integer(),
            sa.ForeignKey("shortlisting_decision.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "criterion_id",
            sa.Integer(),
            sa.ForeignKey("person_spec_criterion.id"),
            nullable=False,
        ),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.UniqueConstraint("decision_id", "criterion_id", name="uq_criterion_assessment"),
    )
    op.create_index(
        "ix_criterion_assessment_decision_id", "criterion_assessment", ["decision_id"]
    )
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("starts_on", sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table("candidate") as batch:
        batch.drop_column("starts_on")
    op.drop_index("ix_criterion_assessment_decision_id", "criterion_assessment")
    op.drop_table("criterion_assessment")
    op.drop_table("shortlisting_decision")
    op.drop_index("ix_scrutiny_point_candidate_id", "scrutiny_point")
    op.drop_table("scrutiny_point")

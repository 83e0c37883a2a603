"""the appointment decision: each deciding member's confirmation, the notice to the
executive and its objections, and the offer

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 13:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _when():  # type: ignore[no-untyped-def]
    return recruit.models._types.UTCDateTime(timezone=True)


def _person(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.Integer(), sa.ForeignKey("user_account.id", ondelete="SET NULL"), nullable=True
    )


def upgrade():
    op.create_table(
        "appointment_decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "vacancy_id",
            sa.Integer(),
            sa.ForeignKey("vacancy.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column(
            "stage_id", sa.Integer(), sa.ForeignKey("stage.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column(
            "candidate_id",
            sa.Integer(),
            sa.ForeignKey("candidate.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("reasons", sa.Text(), nullable=False),
        _person("recorded_by_id"),
        sa.Column("recorded_at", _when(), nullable=False),
        sa.Column("executive_notified_on", sa.Date(), nullable=True),
        _person("executive_notified_by_id"),
        sa.Column("objection_days", sa.Integer(), nullable=True),
        sa.Column("objection_deadline", sa.Date(), nullable=True),
        sa.Column("offer_made_at", _when(), nullable=True),
        _person("offer_made_by_id"),
        sa.Column("lock_version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "decision_confirmation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "decision_id",
            sa.Integer(),
            sa.ForeignKey("appointment_decision.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("confirmed_at", _when(), nullable=False),
        sa.UniqueConstraint("decision_id", "user_id", name="uq_decision_confirmation_user"),
    )
    op.create_index(
        "ix_decision_confirmation_decision_id", "decision_confirmation", ["decision_id"]
    )
    op.create_table(
        "executive_objection",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "decision_id",
            sa.Integer(),
            sa.ForeignKey("appointment_decision.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("objector", sa.String(length=200), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        _person("recorded_by_id"),
        sa.Column("recorded_at", _when(), nullable=False),
        sa.Column("upheld", sa.Boolean(), nullable=True),
        sa.Column("ruling_reasons", sa.Text(), nullable=True),
        _person("ruled_by_id"),
        sa.Column("ruled_at", _when(), nullable=True),
    )
    op.create_index("ix_executive_objection_decision_id", "executive_objection", ["decision_id"])


def downgrade():
    op.drop_index("ix_executive_objection_decision_id", "executive_objection")
    op.drop_table("executive_objection")
    op.drop_index("ix_decision_confirmation_decision_id", "decision_confirmation")
    op.drop_table("decision_confirmation")
    op.drop_table("appointment_decision")

"""scoring record integrity: set-aside sheets, stood-down seats, closing moderation,
the inputs a moderation record was made on, and no cascade from scores to seats or plans

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 21:30:00.000000

Submitted scores are never deleted: the foreign keys from score sheets to panel seats and
from scores and amendments to plan items become RESTRICT, so removing a seat or a scored
question fails in the database too, not only in the app.

On SQLite the foreign keys can only change by copying the table (batch mode). migrations/
env.py turns foreign keys off around the migration on SQLite, so dropping the old table
does not cascade to the scores that point at it, and checks them again afterwards.
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The names PostgreSQL gave these constraints; on SQLite they were unnamed, and batch mode
# names them with this convention so they can be dropped.
NAMING = {"fk": "%(table_name)s_%(column_0_name)s_fkey"}
RESTRICTED = (
    ("score_sheet", "seat_id", "panel_seat"),
    ("score", "plan_item_id", "plan_item"),
    ("score_amendment", "plan_item_id", "plan_item"),
)


def _when():  # type: ignore[no-untyped-def]
    return recruit.models._types.UTCDateTime(timezone=True)


def upgrade():  # type: ignore[no-untyped-def]
    _set_foreign_keys("RESTRICT")
    with op.batch_alter_table("score_sheet", naming_convention=NAMING) as batch_op:
        batch_op.add_column(sa.Column("set_aside_at", _when(), nullable=True))
        batch_op.add_column(sa.Column("set_aside_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("set_aside_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "score_sheet_set_aside_by_id_fkey",
            "user_account",
            ["set_aside_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("panel_seat") as batch_op:
        batch_op.add_column(sa.Column("stood_down_at", _when(), nullable=True))
        batch_op.add_column(sa.Column("stood_down_reason", sa.Text(), nullable=True))
    with op.batch_alter_table("stage_moderation", naming_convention=NAMING) as batch_op:
        batch_op.add_column(sa.Column("closed_at", _when(), nullable=True))
        batch_op.add_column(sa.Column("closed_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("close_reason", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("lock_version", sa.Integer(), nullable=False, server_default="1")
        )
        batch_op.create_foreign_key(
            "stage_moderation_closed_by_id_fkey",
            "user_account",
            ["closed_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("candidate_decision") as batch_op:
        batch_op.add_column(sa.Column("inputs_digest", sa.String(length=64), nullable=True))


def downgrade():  # type: ignore[no-untyped-def]
    with op.batch_alter_table("candidate_decision") as batch_op:
        batch_op.drop_column("inputs_digest")
    with op.batch_alter_table("stage_moderation", naming_convention=NAMING) as batch_op:
        batch_op.drop_constraint("stage_moderation_closed_by_id_fkey", type_="foreignkey")
        batch_op.drop_column("lock_version")
        batch_op.drop_column("close_reason")
        batch_op.drop_column("closed_by_id")
        batch_op.drop_column("closed_at")
    with op.batch_alter_table("panel_seat") as batch_op:
        batch_op.drop_column("stood_down_reason")
        batch_op.drop_column("stood_down_at")
    with op.batch_alter_table("score_sheet", naming_convention=NAMING) as batch_op:
        batch_op.drop_constraint("score_sheet_set_aside_by_id_fkey", type_="foreignkey")
        batch_op.drop_column("set_aside_by_id")
        batch_op.drop_column("set_aside_reason")
        batch_op.drop_column("set_aside_at")
    _set_foreign_keys("CASCADE")


def _set_foreign_keys(ondelete: str) -> None:
    for table, column, referred in RESTRICTED:
        name = f"{table}_{column}_fkey"
        with op.batch_alter_table(table, naming_convention=NAMING) as batch_op:
            batch_op.drop_constraint(name, type_="foreignkey")
            batch_op.create_foreign_key(name, referred, [column], ["id"], ondelete=ondelete)

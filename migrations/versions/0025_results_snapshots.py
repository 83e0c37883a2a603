"""results snapshots: a results version on each stage, raised by every write that could
move its results, and the stored consolidated results of a stage at one version

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-08 03:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("stage") as batch:
        batch.add_column(
            sa.Column("results_version", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "results_snapshot",
        sa.Column(
            "stage_id",
            sa.Integer(),
            sa.ForeignKey("stage.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(length=64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("made_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
    )


def downgrade():
    op.drop_table("results_snapshot")
    with op.batch_alter_table("stage") as batch:
        batch.drop_column("results_version")

"""deciding and advisory stages, a stage's start time and slot length, and the discussion
a red flag needs at moderation

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 12:00:00.000000

Every stage is deciding or advisory. Existing vacancies keep their decision where it was
made: each vacancy's last stage becomes deciding and the others advisory. Start time,
slot length and break are new and blank (the packs then suggest times as before).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "stage",
        sa.Column("role", sa.String(length=20), nullable=False, server_default="ADVISORY"),
    )
    op.add_column("stage", sa.Column("starts_at", sa.Time(), nullable=True))
    op.add_column("stage", sa.Column("slot_minutes", sa.Integer(), nullable=True))
    op.add_column("stage", sa.Column("break_minutes", sa.Integer(), nullable=True))
    op.add_column(
        "candidate_decision", sa.Column("red_flag_discussion", sa.Text(), nullable=True)
    )
    # The last stage of each vacancy (highest position, then highest id) decides.
    op.execute(
        """
        UPDATE stage SET role = 'DECIDING'
        WHERE id IN (
            SELECT s.id FROM stage s
            WHERE NOT EXISTS (
                SELECT 1 FROM stage later
                WHERE later.vacancy_id = s.vacancy_id
                  AND (later.position > s.position
                       OR (later.position = s.position AND later.id > s.id))
            )
        )
        """
    )


def downgrade():
    # Not in batch mode, as in 0007: a batch copy of stage would cascade on SQLite.
    op.drop_column("candidate_decision", "red_flag_discussion")
    op.drop_column("stage", "break_minutes")
    op.drop_column("stage", "slot_minutes")
    op.drop_column("stage", "starts_at")
    op.drop_column("stage", "role")

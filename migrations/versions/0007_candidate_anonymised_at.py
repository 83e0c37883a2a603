"""candidate anonymised_at, set by the retention purge

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 10:00:00.000000

Nullable, with no server default and no backfill: nobody was anonymised before this.
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

# revision identifiers, used by Alembic.
revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "candidate",
        sa.Column("anonymised_at", recruit.models._types.UTCDateTime(timezone=True), nullable=True),
    )


def downgrade():
    # Not in batch mode: on SQLite a batch drop copies the table and drops the original, and
    # with foreign keys on that drop cascades to every score sheet and decision of every
    # candidate. ALTER TABLE ... DROP COLUMN (SQLite 3.35+, PostgreSQL) keeps them.
    op.drop_column("candidate", "anonymised_at")

"""the date each user last completed safer recruitment training

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 15:00:00.000000

Every stage's panel needs a scoring member trained in safer recruitment within the
refresh period (five years unless the council sets another). Blank for existing users:
nobody is assumed trained.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "user_account", sa.Column("safer_recruitment_trained_on", sa.Date(), nullable=True)
    )


def downgrade():
    # Not in batch mode: a batch copy of user_account would cascade to its sessions on SQLite.
    op.drop_column("user_account", "safer_recruitment_trained_on")

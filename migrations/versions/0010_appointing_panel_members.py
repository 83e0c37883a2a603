"""who sits on an appointing panel as an elected member, and who of them is on the executive

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 13:00:00.000000

For a post that elected members appoint (a chief or deputy chief officer), the deciding
panel's scoring seats are councillors, at least one of them a member of the executive;
officers advise. Existing seats are marked councillors where their panel role already says
so (elected member); nobody is marked executive until HR says who is.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "panel_seat",
        sa.Column("is_councillor", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "panel_seat",
        sa.Column("is_executive_member", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute("UPDATE panel_seat SET is_councillor = TRUE WHERE panel_role = 'ELECTED_MEMBER'")


def downgrade():
    # Not in batch mode, as in 0007: a batch copy of panel_seat would cascade on SQLite.
    op.drop_column("panel_seat", "is_executive_member")
    op.drop_column("panel_seat", "is_councillor")

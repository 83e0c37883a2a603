"""panel members added by HR without a password: one-time set-password links, and
generated passwords that must be changed at first sign-in

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 23:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

import recruit.models._types

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(
            sa.Column("awaiting_password", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    op.create_table(
        "set_password_link",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "user_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("token_digest", sa.String(length=64), nullable=False, unique=True),
        sa.Column(
            "created_by_id",
            sa.Integer(),
            sa.ForeignKey("user_account.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", recruit.models._types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", recruit.models._types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("replaced_at", recruit.models._types.UTCDateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_set_password_link_user_id", "set_password_link", ["user_id"])


def downgrade():
    op.drop_index("ix_set_password_link_user_id", "set_password_link")
    op.drop_table("set_password_link")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("must_change_password")
        batch.drop_column("awaiting_password")

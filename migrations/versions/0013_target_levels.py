"""target profiles as minimum levels on the rubric's words, a reason per attribute, and
a leadership profile shown beside them as context instead of copied in

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 14:30:00.000000

A target was a decimal minimum per attribute, often seeded from the outgoing leader's
self-rating. It becomes a level per attribute: 3 (Sound), 4 (Strong) or 5 (Exceptional).
An existing minimum becomes the level nearest it (halves up), never below Sound, with a
reason saying so, for the panel to check. The profile it was seeded from stays named,
now only as context shown beside the target.
"""

import json
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

LOWEST_TARGET_LEVEL, HIGHEST_TARGET_LEVEL = 3, 5


def upgrade():
    op.add_column(
        "target_profile", sa.Column("levels", sa.JSON(), nullable=False, server_default="{}")
    )
    op.add_column(
        "target_profile", sa.Column("reasons", sa.JSON(), nullable=False, server_default="{}")
    )
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, minimums FROM target_profile")).all()
    for target_id, minimums in rows:
        levels, reasons = _converted(minimums)
        connection.execute(
            sa.text("UPDATE target_profile SET levels = :levels, reasons = :reasons WHERE id = :id"),
            {"levels": json.dumps(levels), "reasons": json.dumps(reasons), "id": target_id},
        )
    # target_profile is a leaf (nothing refers to it), so a batch copy on SQLite is safe.
    with op.batch_alter_table("target_profile") as batch:
        batch.drop_column("minimums")
        batch.alter_column("seeded_from_id", new_column_name="context_profile_id")


def _converted(minimums):
    if isinstance(minimums, str):
        minimums = json.loads(minimums or "{}")
    levels, reasons = {}, {}
    for key, minimum in (minimums or {}).items():
        nearest = int(Decimal(str(minimum)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        levels[key] = min(max(nearest, LOWEST_TARGET_LEVEL), HIGHEST_TARGET_LEVEL)
        reasons[key] = (
            f"Carried over from the earlier minimum of {minimum:g} on the 1 to 5 scale: "
            "check this level and give the role's reason for it."
        )
    return levels, reasons


def downgrade():
    op.add_column(
        "target_profile",
        sa.Column("minimums", sa.JSON(), nullable=False, server_default="{}"),
    )
    op.execute("UPDATE target_profile SET minimums = levels")
    with op.batch_alter_table("target_profile") as batch:
        batch.alter_column("context_profile_id", new_column_name="seeded_from_id")
        batch.drop_column("reasons")
        batch.drop_column("levels")

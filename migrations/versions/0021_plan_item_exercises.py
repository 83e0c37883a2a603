"""plan items for exercises: a plan item is a bank question or one attribute of an exercise
(its id and the attribute it scores), never both

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 18:10:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("plan_item") as batch:
        batch.alter_column("question_id", existing_type=sa.String(length=80), nullable=True)
        batch.add_column(sa.Column("exercise_id", sa.String(length=80), nullable=True))
        batch.add_column(sa.Column("exercise_attribute", sa.String(length=40), nullable=True))
        batch.create_check_constraint(
            "ck_plan_item_question_or_exercise",
            "(question_id IS NULL) <> (exercise_id IS NULL)",
        )


def downgrade():
    op.execute("DELETE FROM plan_item WHERE exercise_id IS NOT NULL")
    with op.batch_alter_table("plan_item") as batch:
        batch.drop_constraint("ck_plan_item_question_or_exercise", type_="check")
        batch.drop_column("exercise_attribute")
        batch.drop_column("exercise_id")
        batch.alter_column("question_id", existing_type=sa.String(length=80), nullable=False)

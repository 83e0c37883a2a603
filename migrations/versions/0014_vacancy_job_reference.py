"""the council's own job reference for a vacancy

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 14:45:00.000000

Documents named a vacancy "Vacancy 2", the app's row number, which means nothing to a
candidate, an HR file or a tribunal. The council's job reference is optional and blank for
existing vacancies: documents then show the app's reference ("recruit vacancy 2").
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "vacancy",
        sa.Column("job_reference", sa.String(length=40), nullable=False, server_default=""),
    )


def downgrade():
    # Not in batch mode: a batch copy of vacancy would cascade to its stages on SQLite.
    op.drop_column("vacancy", "job_reference")

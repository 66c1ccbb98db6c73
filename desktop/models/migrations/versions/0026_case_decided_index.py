"""the assessment counts the cases decided in a period per agency in SQL: an index on decided_on
reads the period's decisions instead of the whole register (the closed ones are read through
ix_cases_review_scope)

Revision ID: 0026
Revises: 0024
Create Date: 2026-12-07 19:40:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0026"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_decided_on", "cases", ["decided_on"])


def downgrade() -> None:
    op.drop_index("ix_cases_decided_on", table_name="cases")

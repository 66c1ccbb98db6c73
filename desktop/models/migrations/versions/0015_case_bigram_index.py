"""index of character pairs over 案号, 当事人 and 案由 for searches of one or two characters

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 15:00:00.000000

The objects are not in the models (``desktop.models.bigrams``): SQLite, a contentless FTS5 table
with its triggers, a view and a table of positions; PostgreSQL, an immutable function and a GIN
index over it. A later batch migration that copies ``cases`` on SQLite must create the triggers
again.
"""

from __future__ import annotations

from alembic import op

from desktop.models import bigrams

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bigrams.create(op.get_bind())


def downgrade() -> None:
    bigrams.drop(op.get_bind())

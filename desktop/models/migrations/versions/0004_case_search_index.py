"""trigram search index over 案号, 当事人 and 案由 (SQLite FTS5 trigram, PostgreSQL pg_trgm GIN)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 12:00:00.000000

The objects are not in the models (``desktop.models.search``): a SQLite without FTS5's trigram
tokenizer, or a server where ``pg_trgm`` cannot be created, keeps searching by a plain scan.
A later batch migration that copies ``cases`` on SQLite must create the triggers again.
"""

from __future__ import annotations

from alembic import op

from desktop.models import search

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search.create(op.get_bind())


def downgrade() -> None:
    search.drop(op.get_bind())

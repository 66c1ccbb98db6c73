"""PostgreSQL: the index of character pairs over lexemes (``array_to_tsvector``)

Revision ID: 0016
Revises: 0023
Create Date: 2026-12-07 17:00:00.000000

The same pairs as 0015's GIN index over the array, as lexemes of one ``tsvector``: a lexeme's
match is exact, so the register counts a short search through it without LIKE (its rows are
still LIKE's). SQLite is unchanged (its FTS5 table counts already). See
``desktop.models.bigrams``.
"""

from __future__ import annotations

from alembic import op

from desktop.models import bigrams

revision = "0016"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bigrams.index_words(op.get_bind())


def downgrade() -> None:
    bigrams.index_arrays(op.get_bind())

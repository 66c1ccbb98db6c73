"""indicator sets of the assessment (versioned) and published assessment results

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-07 15:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "indicator_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_sets")),
        sa.UniqueConstraint("name", "version", name="uq_indicator_sets_name_version"),
    )
    op.create_index(op.f("ix_indicator_sets_name"), "indicator_sets", ["name"], unique=False)
    op.create_table(
        "published_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("period_from", sa.Date(), nullable=False),
        sa.Column("period_to", sa.Date(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.String(length=32), nullable=False),
        sa.Column("published_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"], ["indicator_sets.id"], name=op.f("fk_published_assessments_set_id_indicator_sets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_assessments")),
    )
    op.create_index(
        op.f("ix_published_assessments_set_id"), "published_assessments", ["set_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_published_assessments_set_id"), table_name="published_assessments")
    op.drop_table("published_assessments")
    op.drop_index(op.f("ix_indicator_sets_name"), table_name="indicator_sets")
    op.drop_table("indicator_sets")

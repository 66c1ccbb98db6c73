"""optimistic locks for warning dispositions, calendar overrides and review feedback

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("warning_dispositions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("calendar_overrides", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("updated_at", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("updated_by", sa.String(length=64), nullable=False, server_default=""))
    with op.batch_alter_table("review_feedback", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("updated_at", sa.String(length=32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("updated_by", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("review_feedback", schema=None) as batch_op:
        batch_op.drop_column("updated_by")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("version")
    with op.batch_alter_table("calendar_overrides", schema=None) as batch_op:
        batch_op.drop_column("updated_by")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("version")
    with op.batch_alter_table("warning_dispositions", schema=None) as batch_op:
        batch_op.drop_column("version")

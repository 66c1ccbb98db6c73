"""处置 kinds, follow-up dates, attachments and reopening

Revision ID: 0006
Revises: 0008
Create Date: 2026-12-07 15:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "warning_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.String(length=32), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_attachments")),
    )
    op.create_index(op.f("ix_warning_attachments_sha256"), "warning_attachments", ["sha256"], unique=False)
    with op.batch_alter_table("warning_dispositions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("handled_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("follow_up_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("attachment_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reopened_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("reopened_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("reopen_reason", sa.String(length=500), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_warning_dispositions_attachment_id"), ["attachment_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_warning_dispositions_attachment_id_warning_attachments"),
            "warning_attachments",
            ["attachment_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("warning_dispositions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_warning_dispositions_attachment_id_warning_attachments"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_warning_dispositions_attachment_id"))
        batch_op.drop_column("reopen_reason")
        batch_op.drop_column("reopened_by")
        batch_op.drop_column("reopened_at")
        batch_op.drop_column("attachment_id")
        batch_op.drop_column("follow_up_on")
        batch_op.drop_column("kind")
        batch_op.drop_column("handled_on")
    op.drop_index(op.f("ix_warning_attachments_sha256"), table_name="warning_attachments")
    op.drop_table("warning_attachments")

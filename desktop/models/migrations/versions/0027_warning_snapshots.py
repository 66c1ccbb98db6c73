"""the register's warnings kept per day (warning_snapshots, their rows, the days a case must be
decided again to carry a snapshot forward, the stale marks) and the
triggers that mark a changed case stale or drop the snapshots when what every case is decided by
changes

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 20:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.models.warning_snapshots import create_triggers, drop_triggers

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "warning_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("stale_mark", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_snapshots")),
        sa.UniqueConstraint("as_of", name=op.f("uq_warning_snapshots_as_of")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "warning_snapshot_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("case_no", sa.String(length=64), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("handled", sa.Boolean(), nullable=False),
        sa.Column("handled_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_snapshot_rows")),
    )
    op.create_index(
        "ix_warning_snapshot_rows_counts",
        "warning_snapshot_rows",
        ["snapshot_id", "agency_id", "code", "handled", "due", "filed_on"],
    )
    op.create_index(
        "ix_warning_snapshot_rows_snapshot_case", "warning_snapshot_rows", ["snapshot_id", "case_id"]
    )
    op.create_table(
        "warning_snapshot_watch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_snapshot_watch")),
    )
    op.create_index(
        "ix_warning_snapshot_watch_snapshot_day", "warning_snapshot_watch", ["snapshot_id", "day"]
    )
    op.create_table(
        "warning_stale",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_stale")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_warning_stale_case_id"), "warning_stale", ["case_id"])
    create_triggers(op.get_bind())


def downgrade() -> None:
    drop_triggers(op.get_bind())
    op.drop_index(op.f("ix_warning_stale_case_id"), table_name="warning_stale")
    op.drop_table("warning_stale")
    op.drop_index("ix_warning_snapshot_watch_snapshot_day", table_name="warning_snapshot_watch")
    op.drop_table("warning_snapshot_watch")
    op.drop_index("ix_warning_snapshot_rows_snapshot_case", table_name="warning_snapshot_rows")
    op.drop_index("ix_warning_snapshot_rows_counts", table_name="warning_snapshot_rows")
    op.drop_table("warning_snapshot_rows")
    op.drop_table("warning_snapshots")

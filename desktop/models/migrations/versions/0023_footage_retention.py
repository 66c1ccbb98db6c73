"""footage retention: reviewed deletion lists, tombstones of deleted files, the files counted per
agency and an index for the library's first screen

Revision ID: 0023
Revises: 0015
Create Date: 2026-12-07 17:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "footage_deletions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.String(length=32), nullable=False),
        sa.Column("proposed_by", sa.String(length=64), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.String(length=32), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("deleted_at", sa.String(length=32), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_footage_deletions_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_footage_deletions")),
    )
    with op.batch_alter_table("footage_files", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("deleted_by", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("deletion_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_footage_files_deletion_id_footage_deletions"),
            "footage_deletions",
            ["deletion_id"],
            ["id"],
        )
        batch_op.create_index("ix_footage_files_first_screen", ["start_at", "id"])
    op.create_table(
        "footage_deletion_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deletion_id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("retention_class", sa.String(length=10), nullable=False),
        sa.Column("retain_until", sa.String(length=10), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["deletion_id"],
            ["footage_deletions.id"],
            name=op.f("fk_footage_deletion_items_deletion_id_footage_deletions"),
        ),
        sa.ForeignKeyConstraint(
            ["file_id"], ["footage_files.id"], name=op.f("fk_footage_deletion_items_file_id_footage_files")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_footage_deletion_items")),
        sa.UniqueConstraint("deletion_id", "file_id", name="uq_footage_deletion_items_file"),
    )
    op.create_index(op.f("ix_footage_deletion_items_deletion_id"), "footage_deletion_items", ["deletion_id"])
    op.create_index(op.f("ix_footage_deletion_items_file_id"), "footage_deletion_items", ["file_id"])
    op.create_table(
        "footage_counts",
        sa.Column("agency_key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("files", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("agency_key", name=op.f("pk_footage_counts")),
    )
    op.execute(
        "INSERT INTO footage_counts (agency_key, files) "
        "SELECT COALESCE(agency_id, 0), COUNT(*) FROM footage_files GROUP BY COALESCE(agency_id, 0)"
    )
    op.execute("INSERT INTO footage_counts (agency_key, files) VALUES (-1, 0)")


def downgrade() -> None:
    op.drop_table("footage_counts")
    op.drop_index(op.f("ix_footage_deletion_items_file_id"), table_name="footage_deletion_items")
    op.drop_index(op.f("ix_footage_deletion_items_deletion_id"), table_name="footage_deletion_items")
    op.drop_table("footage_deletion_items")
    with op.batch_alter_table("footage_files", schema=None) as batch_op:
        batch_op.drop_index("ix_footage_files_first_screen")
        batch_op.drop_constraint(op.f("fk_footage_files_deletion_id_footage_deletions"), type_="foreignkey")
        batch_op.drop_column("deletion_id")
        batch_op.drop_column("deleted_by")
        batch_op.drop_column("deleted_at")
    op.drop_table("footage_deletions")

"""body-camera footage: stored files, stations, the import journal, officer and device numbers

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-07 14:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "footage_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("ext", sa.String(length=8), nullable=False),
        sa.Column("officer_no", sa.String(length=40), nullable=False),
        sa.Column("device_no", sa.String(length=60), nullable=False),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("seq", sa.String(length=12), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("important", sa.Boolean(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("source_name", sa.String(length=255), nullable=False),
        sa.Column("station", sa.String(length=255), nullable=False),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("linked_at", sa.String(length=32), nullable=True),
        sa.Column("linked_by", sa.String(length=64), nullable=True),
        sa.Column("gps", sa.String(length=60), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_footage_files_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_footage_files_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_footage_files_officer_id_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_footage_files")),
        sa.UniqueConstraint("sha256", name=op.f("uq_footage_files_sha256")),
    )
    op.create_index("ix_footage_files_start", "footage_files", ["start_at"])
    op.create_index("ix_footage_files_agency_start", "footage_files", ["agency_id", "start_at"])
    op.create_index("ix_footage_files_case", "footage_files", ["case_id"])
    op.create_index("ix_footage_files_officer_no", "footage_files", ["officer_no", "start_at"])
    op.create_index(op.f("ix_footage_files_device_no"), "footage_files", ["device_no"])
    op.create_index(op.f("ix_footage_files_officer_id"), "footage_files", ["officer_id"])
    op.create_table(
        "footage_stations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column("pattern", sa.String(length=500), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("last_import_at", sa.String(length=32), nullable=True),
        sa.Column("last_result", sa.Text(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_footage_stations_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_footage_stations")),
        sa.UniqueConstraint("name", name=op.f("uq_footage_stations_name")),
    )
    op.create_table(
        "footage_journal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("source_key", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_footage_journal")),
        sa.UniqueConstraint("source", "source_key", name="uq_footage_journal_source_key"),
    )
    op.create_table(
        "footage_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_footage_numbers_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_footage_numbers_officer_id_officers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_footage_numbers")),
        sa.UniqueConstraint("kind", "number", name="uq_footage_numbers_kind_number"),
    )


def downgrade() -> None:
    op.drop_table("footage_numbers")
    op.drop_table("footage_journal")
    op.drop_table("footage_stations")
    op.drop_index(op.f("ix_footage_files_officer_id"), table_name="footage_files")
    op.drop_index(op.f("ix_footage_files_device_no"), table_name="footage_files")
    op.drop_index("ix_footage_files_officer_no", table_name="footage_files")
    op.drop_index("ix_footage_files_case", table_name="footage_files")
    op.drop_index("ix_footage_files_agency_start", table_name="footage_files")
    op.drop_index("ix_footage_files_start", table_name="footage_files")
    op.drop_table("footage_files")

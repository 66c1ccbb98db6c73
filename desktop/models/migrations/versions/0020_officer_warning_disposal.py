"""处置 of the personnel warnings (a disposition names an officer and a subject instead of a
case); certificate applications (申领 → 审核 → 发证)

Revision ID: 0020
Revises: 0016
Create Date: 2026-12-07 17:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("exam_sitting_id", sa.Integer(), nullable=True),
        sa.Column("exam_doc", sa.String(length=120), nullable=True),
        sa.Column("hours", sa.Numeric(precision=7, scale=1), nullable=False),
        sa.Column("gate_hours", sa.Integer(), nullable=False),
        sa.Column("vetted_on", sa.Date(), nullable=True),
        sa.Column("vet_reason", sa.String(length=200), nullable=True),
        sa.Column("vetted_by", sa.String(length=64), nullable=True),
        sa.Column("certificate_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificates.id"],
            name=op.f("fk_certificate_applications_certificate_id_certificates"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officers.id"],
            name=op.f("fk_certificate_applications_officer_id_officers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_applications")),
    )
    op.create_index(
        op.f("ix_certificate_applications_officer_id"),
        "certificate_applications",
        ["officer_id"],
        unique=False,
    )
    with op.batch_alter_table("warning_dispositions", schema=None) as batch_op:
        batch_op.alter_column("case_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("officer_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("subject", sa.String(length=120), nullable=True))
        batch_op.create_index(batch_op.f("ix_warning_dispositions_officer_id"), ["officer_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_warning_dispositions_officer_id_officers"),
            "officers",
            ["officer_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_warning_dispositions_subject_code"), ["subject", "code"]
        )


def downgrade() -> None:
    op.execute("DELETE FROM warning_dispositions WHERE case_id IS NULL")
    with op.batch_alter_table("warning_dispositions", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_warning_dispositions_subject_code"), type_="unique")
        batch_op.drop_constraint(
            batch_op.f("fk_warning_dispositions_officer_id_officers"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_warning_dispositions_officer_id"))
        batch_op.drop_column("subject")
        batch_op.drop_column("officer_id")
        batch_op.alter_column("case_id", existing_type=sa.Integer(), nullable=False)
    op.drop_index(op.f("ix_certificate_applications_officer_id"), table_name="certificate_applications")
    op.drop_table("certificate_applications")

"""enforcement powers, inspection targets and plans, leads

Revision ID: 0013
Revises: 0006
Create Date: 2026-12-07 14:06:02.395200
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inspection_targets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("risk", sa.String(length=2), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_targets")),
        sa.UniqueConstraint("credit_code", name=op.f("uq_inspection_targets_credit_code")),
    )
    with op.batch_alter_table("inspection_targets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_targets_field"), ["field"], unique=False)

    op.create_table(
        "inspection_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("seed", sa.String(length=200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=True),
        sa.Column("percent", sa.Numeric(precision=6, scale=2), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("items_to_check", sa.Text(), nullable=True),
        sa.Column("directory_digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_inspection_plans_agency_id_agencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_plans")),
        sa.UniqueConstraint("name", name=op.f("uq_inspection_plans_name")),
    )
    with op.batch_alter_table("inspection_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_plans_agency_id"), ["agency_id"], unique=False)

    op.create_table(
        "powers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("category", sa.String(length=8), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("imported_at", sa.String(length=32), nullable=False),
        sa.Column("imported_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_powers_agency_id_agencies")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_powers")),
        sa.UniqueConstraint("code", "effective_on", name="uq_powers_code_effective_on"),
    )
    with op.batch_alter_table("powers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_powers_agency_id"), ["agency_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_powers_code"), ["code"], unique=False)

    op.create_table(
        "inspection_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("credit_code", sa.String(length=18), nullable=False),
        sa.Column("risk", sa.String(length=2), nullable=False),
        sa.Column("rank", sa.String(length=64), nullable=False),
        sa.Column("inspector_ids", sa.String(length=40), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=True),
        sa.Column("result_on", sa.Date(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_inspection_items_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["inspection_plans.id"],
            name=op.f("fk_inspection_items_plan_id_inspection_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["inspection_targets.id"],
            name=op.f("fk_inspection_items_target_id_inspection_targets"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_items")),
        sa.UniqueConstraint("plan_id", "target_id", name="uq_inspection_items_plan_id"),
    )
    with op.batch_alter_table("inspection_items", schema=None) as batch_op:
        batch_op.create_index("ix_inspection_items_target", ["target_id"], unique=False)

    op.create_table(
        "leads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("party", sa.String(length=120), nullable=True),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("decision", sa.String(length=8), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agencies.id"], name=op.f("fk_leads_agency_id_agencies")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_leads_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leads")),
        sa.UniqueConstraint("agency_id", "number", name="uq_leads_agency_id"),
    )
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_leads_agency_id"), ["agency_id"], unique=False)

    op.create_table(
        "power_bands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("power_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("band", sa.String(length=8), nullable=False),
        sa.Column("circumstances", sa.Text(), nullable=True),
        sa.Column("penalty_kinds", sa.String(length=200), nullable=True),
        sa.Column("fine_min", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("fine_max", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["power_id"], ["powers.id"], name=op.f("fk_power_bands_power_id_powers"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_power_bands")),
        sa.UniqueConstraint("power_id", "band", name="uq_power_bands_power_id"),
    )
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("power_code", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("discretion_band", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("target_code", sa.String(length=18), nullable=True))
        batch_op.create_index(batch_op.f("ix_cases_power_code"), ["power_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_cases_party_id_number"), ["party_id_number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_party_id_number"))
        batch_op.drop_index(batch_op.f("ix_cases_power_code"))
        batch_op.drop_column("target_code")
        batch_op.drop_column("discretion_band")
        batch_op.drop_column("power_code")

    op.drop_table("power_bands")
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leads_agency_id"))

    op.drop_table("leads")
    with op.batch_alter_table("inspection_items", schema=None) as batch_op:
        batch_op.drop_index("ix_inspection_items_target")

    op.drop_table("inspection_items")
    with op.batch_alter_table("powers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_powers_code"))
        batch_op.drop_index(batch_op.f("ix_powers_agency_id"))

    op.drop_table("powers")
    with op.batch_alter_table("inspection_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_plans_agency_id"))

    op.drop_table("inspection_plans")
    with op.batch_alter_table("inspection_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_targets_field"))

    op.drop_table("inspection_targets")

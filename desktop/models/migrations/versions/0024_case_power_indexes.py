"""the power checks' pre-filter reads the register through two indexes: cases filed outside a
version of their power, and each (power, agency, band, kinds) with its fines in order (the
power_code index they begin with replaces ix_cases_power_code)

Revision ID: 0024
Revises: 0021
Create Date: 2026-12-07 18:00:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_power_filed", "cases", ["power_code", "agency_id", "filed_on"])
    op.create_index(
        "ix_cases_power_band",
        "cases",
        ["power_code", "agency_id", "discretion_band", "penalty_kinds", "amount", "filed_on"],
    )
    op.drop_index("ix_cases_power_code", table_name="cases")


def downgrade() -> None:
    op.create_index("ix_cases_power_code", "cases", ["power_code"])
    op.drop_index("ix_cases_power_band", table_name="cases")
    op.drop_index("ix_cases_power_filed", table_name="cases")

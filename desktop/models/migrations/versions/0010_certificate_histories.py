"""certificate histories (events and validity intervals) and the training ledger

Every certificate row becomes a history: 发证 on its issue date and, for a certificate that is
not active, its state as a second event. The date of that state was never recorded, so it is
dated on the issue date: the certificate stays invalid on every date, as the register's
``uncertified_officer`` warning read it before, and no warning changes.

Revision ID: 0010
Revises: 0011
Create Date: 2026-12-07 14:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0011"
branch_labels = None
depends_on = None

_STATE_EVENT = {"suspended": "suspend", "cancelled": "cancel", "revoked": "revoke"}
_MIGRATED = "migration"
_UNKNOWN_DATE = "状态登记于证件历史之前，日期不详"


def upgrade() -> None:
    events = op.create_table(
        "certificate_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("result", sa.String(length=8), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("document_no", sa.String(length=60), nullable=True),
        sa.Column("decided_by", sa.String(length=60), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificates.id"],
            name=op.f("fk_certificate_events_certificate_id_certificates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_events")),
    )
    op.create_index(
        "ix_certificate_events_cert_seq", "certificate_events", ["certificate_id", "seq"], unique=True
    )
    validity = op.create_table(
        "certificate_validity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certificate_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["certificate_id"],
            ["certificates.id"],
            name=op.f("fk_certificate_validity_certificate_id_certificates"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officers.id"],
            name=op.f("fk_certificate_validity_officer_id_officers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_validity")),
    )
    op.create_index(
        op.f("ix_certificate_validity_certificate_id"),
        "certificate_validity",
        ["certificate_id"],
        unique=False,
    )
    op.create_index(
        "ix_certificate_validity_officer",
        "certificate_validity",
        ["officer_id", "valid_from", "valid_to"],
        unique=False,
    )
    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("course", sa.String(length=120), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=6, scale=1), nullable=False),
        sa.Column("organiser", sa.String(length=120), nullable=True),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["officers.id"],
            name=op.f("fk_training_records_officer_id_officers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_records")),
    )
    op.create_index("ix_training_records_officer_on", "training_records", ["officer_id", "on"], unique=False)
    op.create_index(op.f("ix_training_records_on"), "training_records", ["on"], unique=False)
    _histories(events, validity)


def _histories(events: sa.Table, validity: sa.Table) -> None:
    certificates = sa.table(
        "certificates",
        sa.column("id", sa.Integer),
        sa.column("officer_id", sa.Integer),
        sa.column("issued_on", sa.Date),
        sa.column("expires_on", sa.Date),
        sa.column("status", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            certificates.c.id,
            certificates.c.officer_id,
            certificates.c.issued_on,
            certificates.c.expires_on,
            certificates.c.status,
        ).order_by(certificates.c.id)
    ).all()
    new_events, periods = [], []
    for cert_id, officer_id, issued_on, expires_on, status in rows:
        base = {"certificate_id": cert_id, "result": None, "document_no": None, "decided_by": None}
        base |= {"recorded_by": _MIGRATED, "recorded_at": ""}
        new_events.append(base | {"seq": 1, "kind": "issue", "on": issued_on, "reason": ""})
        if status in _STATE_EVENT:
            new_events.append(
                base | {"seq": 2, "kind": _STATE_EVENT[status], "on": issued_on, "reason": _UNKNOWN_DATE}
            )
        elif status == "active" and issued_on <= expires_on:
            periods.append(
                {
                    "certificate_id": cert_id,
                    "officer_id": officer_id,
                    "valid_from": issued_on,
                    "valid_to": expires_on,
                }
            )
    for start in range(0, len(new_events), 5000):
        op.bulk_insert(events, new_events[start : start + 5000])
    for start in range(0, len(periods), 5000):
        op.bulk_insert(validity, periods[start : start + 5000])


def downgrade() -> None:
    op.drop_index(op.f("ix_training_records_on"), table_name="training_records")
    op.drop_index("ix_training_records_officer_on", table_name="training_records")
    op.drop_table("training_records")
    op.drop_index("ix_certificate_validity_officer", table_name="certificate_validity")
    op.drop_index(op.f("ix_certificate_validity_certificate_id"), table_name="certificate_validity")
    op.drop_table("certificate_validity")
    op.drop_index("ix_certificate_events_cert_seq", table_name="certificate_events")
    op.drop_table("certificate_events")

"""Data rows checked against the audit record: each audited row's current values must equal the
last ``after`` the record holds for it; what differs was changed outside the program.

Checked: accounts, agencies, officers, certificates, cases and bank questions — the records whose ``after`` is a snapshot of
the row (creation, import, edit; for cases also a recorded stage or an approved extension). A
row whose last such record is a deletion must be gone; a row with no record is not checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select

from desktop.accounts.audit import to_jsonable
from desktop.core.security import Actor, Permission, require
from desktop.models import Agency, AuditRecord, Case, Certificate, Officer, Question, User
from desktop.models.db import Store

SNAPSHOT_ACTIONS: dict[str, tuple[Any, tuple[str, ...]]] = {
    "user": (User, ("create", "update")),
    "agency": (Agency, ("create", "import", "update")),
    "officer": (Officer, ("create", "import", "update")),
    "certificate": (Certificate, ("create", "update")),
    "case": (
        Case,
        (
            "create",
            "import",
            "update",
            "record_stage",
            "approve_extension",
            "correct_stage",
            "withdraw_stage",
        ),
    ),
    "exam_question": (Question, ("create", "import", "update", "retire")),
}
"""Per audited entity: its table and the actions whose ``after`` is a snapshot of the row."""
DELETE = "delete"
_BATCH = 500
MISSING = "(missing)"
"""What ``current`` says of a row that is gone though the record never deleted it."""


@dataclass(frozen=True)
class DataMismatch:
    """One value that differs from the record: ``field`` empty when the whole row is missing or
    present though deleted."""

    entity: str
    entity_id: str
    field: str
    recorded: Any
    current: Any
    record_id: int

    def as_dict(self) -> dict[str, Any]:
        """The command line's JSON."""
        return {
            "entity": self.entity,
            "id": self.entity_id,
            "field": self.field,
            "recorded": self.recorded,
            "current": self.current,
            "record": self.record_id,
        }


def verify_data(store: Store, actor: Actor) -> tuple[DataMismatch, ...]:
    """Every audited row compared with the last snapshot the record holds for it."""
    require(actor, Permission.VIEW_AUDIT)
    found: list[DataMismatch] = []
    with store.reading() as session:
        for entity, (model, actions) in SNAPSHOT_ACTIONS.items():
            last = (
                select(func.max(AuditRecord.id))
                .where(
                    AuditRecord.entity == entity,
                    AuditRecord.entity_id != "",
                    AuditRecord.action.in_((*actions, DELETE)),
                )
                .group_by(AuditRecord.entity_id)
            )
            ids = sorted(session.execute(last).scalars())
            for start in range(0, len(ids), _BATCH):
                records = session.execute(
                    select(
                        AuditRecord.id, AuditRecord.entity_id, AuditRecord.action, AuditRecord.after
                    ).where(AuditRecord.id.in_(ids[start : start + _BATCH]))
                ).all()
                keys = [int(r.entity_id) for r in records if r.entity_id.isdigit()]
                rows = {
                    row.id: row for row in session.execute(select(model).where(model.id.in_(keys))).scalars()
                }
                for rec in records:
                    found.extend(_compare(entity, model, rec, rows))
                session.expunge_all()
    return tuple(found)


def _compare(entity: str, model: Any, rec: Any, rows: dict[int, Any]) -> list[DataMismatch]:
    row = rows.get(int(rec.entity_id)) if rec.entity_id.isdigit() else None
    if rec.action == DELETE:
        if row is None:
            return []
        return [DataMismatch(entity, rec.entity_id, "", None, "(present)", rec.id)]
    if row is None:
        return [DataMismatch(entity, rec.entity_id, "", "(present)", MISSING, rec.id)]
    after = json.loads(rec.after) if rec.after else {}
    columns = model.__table__.columns.keys()
    found = []
    for name, recorded in sorted(after.items()):
        if name not in columns:
            continue
        current = to_jsonable(getattr(row, name))
        if not _same(recorded, current):
            found.append(DataMismatch(entity, rec.entity_id, name, recorded, current, rec.id))
    return found


def _same(recorded: Any, current: Any) -> bool:
    if recorded == current:
        return True
    if isinstance(recorded, str | int | float) and isinstance(current, str | int | float):
        try:
            return Decimal(str(recorded)) == Decimal(str(current))
        except InvalidOperation:
            return False
    return False

"""The directory of inspection targets (检查对象名录, FORMATS.md §11): import and list.

An import checks every row first and writes nothing when one is wrong; a known 统一社会信用代码
with other values updates the target; a target is never removed by a missing row (a plan that
drew it keeps it).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, or_, select

from desktop.accounts import audit
from desktop.accounts.input_settings import apply_input_limits
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import is_valid_credit_code, normalize_id
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require
from desktop.io.imports import (
    IsCancelled,
    Progress,
    RowCheck,
    Summary,
    read_checked,
    report_duplicate,
    tick,
    unknown_column_warnings,
)
from desktop.io.xlsx import Column, parse_text
from desktop.models import InspectionTarget
from desktop.models.db import Store
from desktop.personnel.dto import ImportResult
from desktop.powers import terms
from desktop.powers.dto import TargetRow

TARGET_COLUMNS = (
    Column("名称", required=True),
    Column("统一社会信用代码", required=True),
    Column("类型", required=True),
    Column("所属领域", required=True),
    Column("风险等级"),
    Column("地址"),
)
"""The directory workbook's columns (FORMATS.md §11)."""

_FIELDS = {
    "name": "名称",
    "credit_code": "统一社会信用代码",
    "kind": "类型",
    "field": "所属领域",
    "risk": "风险等级",
    "address": "地址",
}
_LIMITS = {"name": 200, "kind": 20, "field": 30, "address": 300}
_REQUIRED = QT_TRANSLATE_NOOP("errors", "{field} is required.")
_NOT_ONE_OF = QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}.")
_TOO_LONG = QT_TRANSLATE_NOOP("errors", "longer than {limit} characters")
_BAD_CODE = QT_TRANSLATE_NOOP("errors", "{value} is not a valid 统一社会信用代码.")


def import_targets(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Import 检查对象 from a workbook; all rows or none."""
    require(actor, Permission.MANAGE_POWERS)
    apply_input_limits(store)  # the store's row and problem limits and plausible years
    sheet = read_checked(path, TARGET_COLUMNS, progress, cancelled, sheet_name="检查对象名录")
    check = RowCheck(sheet)
    seen: dict[str, int] = {}
    items: list[dict[str, str | None]] = []
    for row in sheet.rows:
        values: dict[str, str | None] = {}
        before = len(check.errors)
        for name, column in _FIELDS.items():
            value = check.cell(row, column, parse_text)
            if value is not None and name in _LIMITS and len(value) > _LIMITS[name]:
                check.add(row.number, column, translate("errors", _TOO_LONG).format(limit=_LIMITS[name]))
            values[name] = value
        for name in ("name", "credit_code", "kind", "field"):
            if not values[name]:
                check.add(
                    row.number, _FIELDS[name], translate("errors", _REQUIRED).format(field=_FIELDS[name])
                )
        code = normalize_id(values["credit_code"] or "") or None
        values["credit_code"] = code
        if code and not is_valid_credit_code(code):
            check.add(row.number, "统一社会信用代码", translate("errors", _BAD_CODE).format(value=code))
        values["risk"] = values["risk"] or terms.DEFAULT_RISK
        for name, allowed in (("kind", terms.TARGET_KINDS), ("risk", terms.RISKS)):
            if values[name] and values[name] not in allowed:
                check.add(
                    row.number,
                    _FIELDS[name],
                    translate("errors", _NOT_ONE_OF).format(value=values[name], allowed="、".join(allowed)),
                )
        report_duplicate(check, seen, code, row.number, "统一社会信用代码")
        if len(check.errors) == before:
            items.append(values)
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    kept = [f for f, column in _FIELDS.items() if column not in sheet.present]
    summary = Summary(_FIELDS)
    with store.importing(actor.name), store.unit_of_work() as uow:
        session = uow.session
        existing: dict[str, InspectionTarget] = {}
        codes = [str(v["credit_code"]) for v in items]
        for start in range(0, len(codes), 1000):
            for t in session.execute(
                select(InspectionTarget).where(InspectionTarget.credit_code.in_(codes[start : start + 1000]))
            ).scalars():
                existing[t.credit_code] = t
        changes = []
        for done, values in enumerate(items, 1):
            tick(done, len(items), progress, cancelled)
            target = existing.get(str(values["credit_code"]))
            old = audit.snapshot(target, tuple(_FIELDS)) if target is not None else None
            if target is not None:
                values.update({f: getattr(target, f) for f in kept})
            if old is not None and all(old[f] == values[f] for f in _FIELDS):
                summary.skipped += 1
                continue
            if target is None:
                target = InspectionTarget()
                session.add(target)
            for f, v in values.items():
                setattr(target, f, v)
            target.updated_by = actor.name
            session.flush()
            b, a = summary.count(old, audit.snapshot(target, tuple(_FIELDS)))
            changes.append(
                audit.Change(
                    "import" if old is None else "update",
                    "inspection_target",
                    target.id,
                    b,
                    a,
                    target.name,
                )
            )
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return ImportResult(
        summary.imported,
        summary.skipped,
        warnings=unknown_column_warnings(sheet),
        updated=summary.updated,
        fields=summary.fields,
    )


def list_targets(store: Store, actor: Actor, query: ListQuery | None = None) -> Page[TargetRow]:
    """The directory, searched by name or code, filtered by ``field`` and ``risk``."""
    require(actor, Permission.VIEW_CASES)
    query = query or ListQuery(limit=None)
    stmt = select(InspectionTarget)
    text = query.search.strip()
    if text:
        stmt = stmt.where(
            or_(
                InspectionTarget.name.contains(text, autoescape=True),
                InspectionTarget.credit_code.contains(text.upper(), autoescape=True),
            )
        )
    for name in ("field", "risk"):
        value = query.filter(name)
        if value:
            stmt = stmt.where(getattr(InspectionTarget, name) == value)
    with store.reading() as session:
        total = session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        stmt = stmt.order_by(InspectionTarget.credit_code).offset(query.offset)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        rows = tuple(
            TargetRow(t.id, t.name, t.credit_code, t.kind, t.field, t.risk, t.address)
            for t in session.execute(stmt).scalars()
        )
    return Page(rows, total)

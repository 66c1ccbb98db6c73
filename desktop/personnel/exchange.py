"""Excel in and out for agencies (FORMATS.md §0) and officers (§2).

An import checks every row first and writes nothing when any row is wrong: the error names
file, sheet, row, column and rule. A row equal to what the store holds is skipped; a known
身份证号 (or agency name) with other values updates the record. Every write is audited.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.accounts import audit
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.core.validation import shown
from desktop.io.imports import (
    IsCancelled,
    Progress,
    RowCheck,
    read_checked,
    report_duplicate,
    tick,
    unknown_column_warnings,
)
from desktop.io.xlsx import (
    Column,
    SheetData,
    parse_date,
    parse_text,
    write_workbook,
)
from desktop.models import Agency, Certificate, Officer
from desktop.models.db import Store
from desktop.personnel import service
from desktop.personnel.dto import AgencyInput, ImportResult, OfficerInput
from desktop.personnel.repository import agency_names
from desktop.personnel.rules import clean_agency, clean_officer

AGENCY_COLUMNS = (
    Column("名称", required=True),
    Column("简称"),
    Column("统一社会信用代码"),
    Column("执法领域"),
    Column("层级"),
)
AGENCY_FIELD_COLUMNS = {
    "name": "名称",
    "short_name": "简称",
    "credit_code": "统一社会信用代码",
    "field": "执法领域",
    "level": "层级",
}

OFFICER_COLUMNS = (
    Column("姓名", required=True),
    Column("身份证号", required=True),
    Column("性别"),
    Column("执法主体", required=True),
    Column("职务"),
    Column("执法证号"),
    Column("发证日期"),
    Column("有效期至"),
    Column("执法类别"),
    Column("执法区域"),
)
OFFICER_FIELD_COLUMNS = {
    "name": "姓名",
    "id_number": "身份证号",
    "gender": "性别",
    "agency": "执法主体",
    "position": "职务",
    "cert_number": "执法证号",
    "cert_issued_on": "发证日期",
    "cert_expires_on": "有效期至",
    "category": "执法类别",
    "region": "执法区域",
    "cert_status": "执法证号",
}
CERT_STATE_TITLES = {
    "valid": "正常",
    "expiring": "即将到期",
    "expired": "过期",
    "suspended": "暂停",
    "cancelled": "注销",
    "revoked": "吊销",
    "none": "无证",
}


# ---------------------------------------------------------------------------- agencies


def import_agencies(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Import 执法主体 from a workbook; all rows or none."""
    require(actor, Permission.EDIT_AGENCIES)
    sheet = read_checked(path, AGENCY_COLUMNS, progress, cancelled)
    check = RowCheck(sheet)
    names: dict[str, int] = {}  # names and short names share one namespace
    items = []
    for row in sheet.rows:
        data = AgencyInput(*(check.cell(row, c.header, parse_text) for c in AGENCY_COLUMNS))
        data, problems = clean_agency(data)
        check.problems(row.number, problems, AGENCY_FIELD_COLUMNS)
        report_duplicate(check, names, data.name, row.number, "名称")
        if data.short_name != data.name:
            report_duplicate(check, names, data.short_name, row.number, "简称")
        items.append((row.number, data))
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    with store.unit_of_work() as uow:
        session = uow.session
        existing = {a.name: a for a in session.execute(select(Agency)).scalars()}
        _check_namespace(check, existing, items)
        if check.errors:
            raise ImportRefused(check.errors, sheet.file)
        changes, imported, skipped = [], 0, 0
        for done, (_number, data) in enumerate(items, 1):
            tick(done, len(items), progress, cancelled)
            agency = existing.get(data.name)
            values = {f: getattr(data, f) for f in service.AGENCY_FIELDS_AUDITED}
            if agency is not None and all(getattr(agency, f) == v for f, v in values.items()):
                skipped += 1
                continue
            before = audit.snapshot(agency, service.AGENCY_FIELDS_AUDITED) if agency else None
            if agency is None:
                agency = Agency()
                session.add(agency)
            for f, v in values.items():
                setattr(agency, f, v)
            service.stamp(agency, store, actor)
            session.flush()
            imported += 1
            changes.append(
                audit.Change(
                    "import" if before is None else "update",
                    "agency",
                    agency.id,
                    before,
                    audit.snapshot(agency, service.AGENCY_FIELDS_AUDITED),
                    agency.name,
                )
            )
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return ImportResult(imported, skipped, warnings=unknown_column_warnings(sheet))


def _check_namespace(
    check: RowCheck, existing: dict[str, Agency], items: list[tuple[int, AgencyInput]]
) -> None:
    """After the import, no name or short name may belong to two agencies (an agency is matched
    by its 名称: a row may rename its own short name, never take another agency's)."""
    shorts = {name: a.short_name for name, a in existing.items()}
    shorts.update({data.name: data.short_name for _, data in items})
    owners: dict[str, set[str]] = defaultdict(set)
    for name, short in shorts.items():
        owners[name].add(name)
        if short:
            owners[short].add(name)
    for number, data in items:
        for column, key in (("名称", data.name), ("简称", data.short_name)):
            others = sorted(owners.get(key or "", set()) - {data.name})
            if others:
                check.add(
                    number,
                    column,
                    translate(
                        "errors",
                        QT_TRANSLATE_NOOP("errors", "{value} is already the name or short name of {owner}."),
                    ).format(value=key, owner="、".join(others)),
                )


# ---------------------------------------------------------------------------- officers


def import_officers(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Import 执法人员 with their certificates from a workbook; all rows or none."""
    require(actor, Permission.EDIT_OFFICERS)
    sheet = read_checked(path, OFFICER_COLUMNS, progress, cancelled)
    with store.reading() as session:
        agencies = agency_names(session)
        cert_holders = dict(
            session.execute(select(Certificate.number, Officer.id_number).join(Officer)).all()
        )
    check = RowCheck(sheet)
    items = _check_officers(sheet, check, agencies, cert_holders, actor, store.clock.today())
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    return _write_officers(store, actor, items, unknown_column_warnings(sheet), progress, cancelled)


def _check_officers(
    sheet: SheetData,
    check: RowCheck,
    agencies: dict[str, int],
    cert_holders: dict[str, str],
    actor: Actor,
    today: date,
) -> list[tuple[int, OfficerInput]]:
    ids: dict[str, int] = {}
    certs: dict[str, int] = {}
    items = []
    for row in sheet.rows:
        c = check.cell
        data = OfficerInput(
            name=c(row, "姓名", parse_text) or "",
            id_number=c(row, "身份证号", parse_text) or "",
            agency=c(row, "执法主体", parse_text) or "",
            gender=c(row, "性别", parse_text),
            position=c(row, "职务", parse_text),
            category=c(row, "执法类别", parse_text),
            region=c(row, "执法区域", parse_text),
            cert_number=c(row, "执法证号", parse_text),
            cert_issued_on=c(row, "发证日期", parse_date),
            cert_expires_on=c(row, "有效期至", parse_date),
        )
        data, problems = clean_officer(data, today)
        check.problems(row.number, problems, OFFICER_FIELD_COLUMNS)
        agency_id = agencies.get(str(data.agency)) if data.agency else None
        if data.agency and agency_id is None:
            check.add(
                row.number,
                "执法主体",
                translate(
                    "errors",
                    QT_TRANSLATE_NOOP(
                        "errors", "unknown agency {agency}: import it first or use its exact name"
                    ),
                ).format(agency=shown(data.agency)),
            )
        elif agency_id is not None and actor.scope_agency_id not in (None, agency_id):
            check.add(
                row.number,
                "执法主体",
                translate("errors", QT_TRANSLATE_NOOP("errors", "outside your agency")),
            )
        report_duplicate(check, ids, data.id_number, row.number, "身份证号")
        report_duplicate(check, certs, data.cert_number, row.number, "执法证号")
        holder = cert_holders.get(data.cert_number or "")
        if holder and holder != data.id_number:
            check.add(
                row.number,
                "执法证号",
                translate(
                    "errors", QT_TRANSLATE_NOOP("errors", "certificate {number} belongs to another officer")
                ).format(number=data.cert_number),
            )
        items.append((row.number, OfficerInput(**{**data.__dict__, "agency": agency_id or 0})))
    return items


def _write_officers(
    store: Store,
    actor: Actor,
    items: list[tuple[int, OfficerInput]],
    warnings: tuple[str, ...],
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> ImportResult:
    with store.unit_of_work() as uow:
        session = uow.session
        agencies = {a.id: a for a in session.execute(select(Agency)).scalars()}
        wanted = [data.id_number for _, data in items]
        existing: dict[str, Officer] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for known in session.execute(
                select(Officer)
                .options(selectinload(Officer.certificates))
                .where(Officer.id_number.in_(chunk))
            ).scalars():
                existing[known.id_number] = known
        changes, imported, skipped = [], 0, 0
        for done, (_number, data) in enumerate(items, 1):
            tick(done, len(items), progress, cancelled)
            agency = agencies[int(data.agency)]
            officer = existing.get(data.id_number)
            before = service.officer_snapshot(officer) if officer else None
            if officer is None:
                officer = Officer(agency_id=agency.id)
                session.add(officer)
            else:
                require_agency(actor, officer.agency_id)
            service.apply_officer(officer, data, agency)
            after = service.officer_snapshot(officer)
            if before == after:
                skipped += 1
                continue
            service.stamp(officer, store, actor)
            imported += 1
            changes.append((officer, before, after))
        session.flush()
        audit.record_many(
            session,
            store,
            actor.name,
            [
                audit.Change("import" if b is None else "update", "officer", o.id, b, a, o.name)
                for o, b, a in changes
            ],
        )
        uow.commit()
    return ImportResult(imported, skipped, warnings=warnings)


# ---------------------------------------------------------------------------- export


def export_officers(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    reveal_ids: bool = False,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the officers a query shows to a workbook in the import layout; returns the count."""
    page = service.list_officers(store, actor, query.window(0, None), reveal_ids=reveal_ids)
    headers = [*(c.header for c in OFFICER_COLUMNS), "证件状态"]
    rows = (
        [
            o.name,
            o.id_number,
            o.gender,
            o.agency_name,
            o.position,
            o.cert_number,
            o.cert_issued_on,
            o.cert_expires_on,
            o.category,
            o.region,
            CERT_STATE_TITLES.get(o.cert_state, o.cert_state),
        ]
        for o in page.items
    )
    write_workbook(path, "执法人员", headers, rows, progress=progress, cancelled=cancelled, total=page.total)
    return page.total


def export_agencies(
    store: Store,
    actor: Actor,
    query: ListQuery,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> int:
    """Write the agencies a query shows to a workbook in the import layout; returns the count."""
    page = service.list_agencies(store, actor, query.window(0, None))
    headers = [*(c.header for c in AGENCY_COLUMNS), "执法人员数"]
    rows = ([a.name, a.short_name, a.credit_code, a.field, a.level, a.officer_count] for a in page.items)
    write_workbook(path, "执法主体", headers, rows, progress=progress, cancelled=cancelled, total=page.total)
    return page.total

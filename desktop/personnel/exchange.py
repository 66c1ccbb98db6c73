"""Excel in and out for agencies (FORMATS.md §0) and officers (§2).

An import checks every row first and writes nothing when any row is wrong: the error names
file, sheet, row, column and rule. A row equal to what the store holds is skipped; a known
身份证号 (or agency name) with other values updates the record. Every write is audited.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.accounts import audit
from desktop.accounts.input_settings import apply_input_limits
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import normalize_id
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.core.validation import shown
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
    apply_input_limits(store)  # the store's row and problem limits and plausible years
    sheet = read_checked(path, AGENCY_COLUMNS, progress, cancelled, sheet_name="执法主体导入")
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
    kept = [f for f, column in AGENCY_FIELD_COLUMNS.items() if column not in sheet.present]
    with store.importing(actor.name), store.unit_of_work() as uow:
        session = uow.session
        existing = {a.name: a for a in session.execute(select(Agency)).scalars()}
        items = [(n, _merged(data, existing.get(data.name), kept)) for n, data in items]
        _check_namespace(check, existing, items)
        if check.errors:
            raise ImportRefused(check.errors, sheet.file)
        changes, summary = [], Summary(AGENCY_FIELD_COLUMNS)
        for done, (_number, data) in enumerate(items, 1):
            tick(done, len(items), progress, cancelled)
            agency = existing.get(data.name)
            values = {f: getattr(data, f) for f in service.AGENCY_FIELDS_AUDITED}
            before = audit.snapshot(agency, service.AGENCY_FIELDS_AUDITED) if agency else None
            if before is not None and before == audit.snapshot(data, service.AGENCY_FIELDS_AUDITED):
                summary.skipped += 1
                continue
            if agency is None:
                agency = Agency()
                session.add(agency)
            for f, v in values.items():
                setattr(agency, f, v)
            service.stamp(agency, store, actor)
            session.flush()
            after = audit.snapshot(agency, service.AGENCY_FIELDS_AUDITED)
            before, after = summary.count(before, after)
            changes.append(
                audit.Change(
                    "import" if before is None else "update", "agency", agency.id, before, after, agency.name
                )
            )
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return _result(summary, unknown_column_warnings(sheet))


def _result(summary: Summary, warnings: tuple[str, ...]) -> ImportResult:
    return ImportResult(
        summary.imported, summary.skipped, warnings=warnings, updated=summary.updated, fields=summary.fields
    )


def _merged(data: AgencyInput, agency: Agency | None, kept: list[str]) -> AgencyInput:
    """A row of a known agency with the fields of absent columns as the store holds them."""
    if agency is None or not kept:
        return data
    return replace(data, **{f: getattr(agency, f) for f in kept})


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
    apply_input_limits(store)  # the store's row and problem limits and plausible years
    sheet = read_checked(path, OFFICER_COLUMNS, progress, cancelled, sheet_name="执法人员导入")
    with store.reading() as session:
        agencies = agency_names(session)
        cert_holders = dict(
            session.execute(select(Certificate.number, Officer.id_number).join(Officer)).all()
        )
        wanted = {normalize_id(parse_text(r.values.get("身份证号")) or "") for r in sheet.rows}
        known = {o.id_number: officer_input(o) for o in _officers(session, wanted).values()}
    check = RowCheck(sheet)
    items = _check_officers(sheet, check, agencies, cert_holders, known, actor, store.clock.today())
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    return _write_officers(store, actor, items, sheet, progress, cancelled)


_OFFICER_OPTIONAL = {"gender": "性别", "position": "职务", "category": "执法类别", "region": "执法区域"}
_CERT_DATES = {"cert_issued_on": "发证日期", "cert_expires_on": "有效期至"}
OFFICER_CHANGE_COLUMNS = {
    **{f: c for f, c in OFFICER_FIELD_COLUMNS.items() if not f.startswith("cert_")},
    "agency_id": "执法主体",
    "certificate.number": "执法证号",
    "certificate.issued_on": "发证日期",
    "certificate.expires_on": "有效期至",
    "certificate.status": "执法证号",
}
"""The column of each field of an officer's audit snapshot, for the import's summary."""


def officer_input(officer: Officer) -> OfficerInput:
    """What the store holds for an officer and their current certificate, as an input."""
    cert = officer.current_certificate()
    return OfficerInput(
        officer.name,
        officer.id_number,
        officer.agency_id,
        officer.gender,
        officer.position,
        officer.category,
        officer.region,
        cert.number if cert else None,
        cert.issued_on if cert else None,
        cert.expires_on if cert else None,
        cert.status if cert else "active",
    )


def merge_officer(data: OfficerInput, known: OfficerInput | None, present: frozenset[str]) -> OfficerInput:
    """A row of a known officer completed from the store: a column that is absent leaves its
    field as it is; an empty 执法证号 (or none) leaves the current certificate as it is (a
    certificate ends by a dated event, never by an empty cell), and the same 证号 keeps its
    status and the dates of absent columns."""
    if known is None:
        return data
    kept: dict[str, object] = {f: getattr(known, f) for f, c in _OFFICER_OPTIONAL.items() if c not in present}
    if data.cert_number in (None, known.cert_number) and known.cert_number:
        kept["cert_number"], kept["cert_status"] = known.cert_number, known.cert_status
        for f, column in _CERT_DATES.items():
            if column not in present or (data.cert_number is None and getattr(data, f) is None):
                kept[f] = getattr(known, f)
    return replace(data, **kept)  # type: ignore[arg-type]


def _officers(session: Session, id_numbers: Iterable[str]) -> dict[str, Officer]:
    """The officers with these 身份证号, with their certificates."""
    wanted = sorted(n for n in id_numbers if n)
    found: dict[str, Officer] = {}
    for start in range(0, len(wanted), 500):
        for officer in session.execute(
            select(Officer)
            .options(selectinload(Officer.certificates))
            .where(Officer.id_number.in_(wanted[start : start + 500]))
        ).scalars():
            found[officer.id_number] = officer
    return found


def _check_officers(
    sheet: SheetData,
    check: RowCheck,
    agencies: dict[str, int],
    cert_holders: dict[str, str],
    known: dict[str, OfficerInput],
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
        data = merge_officer(data, known.get(normalize_id(data.id_number)), sheet.present)
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
    sheet: SheetData,
    progress: Progress | None,
    cancelled: IsCancelled | None,
) -> ImportResult:
    with store.importing(actor.name), store.unit_of_work() as uow:
        session = uow.session
        agencies = {a.id: a for a in session.execute(select(Agency)).scalars()}
        existing = _officers(session, (data.id_number for _, data in items))
        changes, summary = [], Summary(OFFICER_CHANGE_COLUMNS)
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
                data = merge_officer(data, officer_input(officer), sheet.present)
            service.apply_officer(officer, data, agency)
            after = service.officer_snapshot(officer)
            if before == after:
                summary.skipped += 1
                continue
            service.stamp(officer, store, actor)
            changes.append((officer, before, after))
        session.flush()
        records = []
        for o, b, a in changes:
            b, a = summary.count(b, a)
            records.append(audit.Change("import" if b is None else "update", "officer", o.id, b, a, o.name))
        audit.record_many(session, store, actor.name, records)
        uow.commit()
    return _result(summary, unknown_column_warnings(sheet))


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

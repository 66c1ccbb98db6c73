"""Case sources (案源): leads imported from a workbook like the register, each decided (立案,
linking the case, or 不予立案 with a reason) within a limit of working days (a setting per
field, default 15), and listed with their due date.

The workbook (``leads import``; all rows or none):

| column | required | values |
|---|---|---|
| 执法主体 | yes | a known agency |
| 案源编号 | yes | unique within the agency |
| 来源 | yes | 投诉 · 举报 · 移送 · 检查发现 · 上级交办 · 其他 |
| 登记日期 | yes | date |
| 当事人 | no | |
| 内容 | yes | what the lead says |
| 处理结果 | no | 立案 · 不予立案 (empty: undecided) |
| 处理日期 | with 处理结果 | date, not before 登记日期 |
| 案号 | for 立案 | a case of the agency's register |
| 不予立案理由 | for 不予立案 | text |
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.accounts import audit
from desktop.accounts.input_settings import apply_input_limits
from desktop.cases.calendar import WorkCalendar
from desktop.cases.source_warnings import lead_days
from desktop.cases.supervision_settings import load_calendar
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.io.imports import (
    IsCancelled,
    Progress,
    RowCheck,
    read_checked,
    report_duplicate,
    tick,
    unknown_column_warnings,
)
from desktop.io.xlsx import Column, parse_date, parse_text
from desktop.models import Agency, Case, Lead
from desktop.models.db import Store
from desktop.personnel.dto import ImportResult
from desktop.personnel.lookup import agency_ids_by_name, find_agency
from desktop.powers import terms
from desktop.powers.dto import LeadRow

LEAD_COLUMNS = (
    Column("执法主体", required=True),
    Column("案源编号", required=True),
    Column("来源", required=True),
    Column("登记日期", required=True),
    Column("当事人"),
    Column("内容", required=True),
    Column("处理结果"),
    Column("处理日期"),
    Column("案号"),
    Column("不予立案理由"),
)
_LIMITS = {"案源编号": 60, "当事人": 120, "内容": 500, "不予立案理由": 500}


def _t(template: str) -> str:
    return translate("errors", template)


def due_date(received_on: date, field: str | None, days: dict[str, int], cal: WorkCalendar) -> date:
    """The last day to decide a lead received on ``received_on``."""
    return cal.add_working_days(received_on, days.get(field or "", days["*"]))


def import_leads(
    store: Store,
    actor: Actor,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Import 案源 from a workbook; all rows or none; a known 案源编号 is updated."""
    require(actor, Permission.EDIT_CASES)
    apply_input_limits(store)  # the store's row and problem limits and plausible years
    sheet = read_checked(path, LEAD_COLUMNS, progress, cancelled, sheet_name="案源导入")
    check = RowCheck(sheet)
    with store.reading() as session:
        agencies = agency_ids_by_name(session)
        cases = {(a, n): i for i, a, n in session.execute(select(Case.id, Case.agency_id, Case.case_no))}
    seen: dict[str, int] = {}
    items = []
    for row in sheet.rows:
        n, before = row.number, len(check.errors)
        text = {
            c.header: check.cell(row, c.header, parse_text) for c in LEAD_COLUMNS if "日期" not in c.header
        }
        days = {c.header: check.cell(row, c.header, parse_date) for c in LEAD_COLUMNS if "日期" in c.header}
        for c in LEAD_COLUMNS:
            value = text.get(c.header, days.get(c.header))
            if c.required and value is None and not any(e.column == c.header for e in check.errors[before:]):
                check.add(
                    n,
                    c.header,
                    _t(QT_TRANSLATE_NOOP("errors", "{field} is required.")).format(field=c.header),
                )
        for column, limit in _LIMITS.items():
            if text[column] and len(text[column] or "") > limit:
                check.add(
                    n,
                    column,
                    _t(QT_TRANSLATE_NOOP("errors", "longer than {limit} characters")).format(limit=limit),
                )
        agency_id = agencies.get(text["执法主体"] or "")
        if text["执法主体"] and agency_id is None:
            check.add(
                n,
                "执法主体",
                _t(QT_TRANSLATE_NOOP("errors", "{value} is not a known agency.")).format(
                    value=text["执法主体"]
                ),
            )
        elif agency_id is not None and actor.scope_agency_id not in (None, agency_id):
            check.add(n, "执法主体", _t(QT_TRANSLATE_NOOP("errors", "outside your agency")))
        for column, allowed in (("来源", terms.LEAD_SOURCES), ("处理结果", terms.LEAD_DECISIONS)):
            if text[column] and text[column] not in allowed:
                check.add(
                    n,
                    column,
                    _t(QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}.")).format(
                        value=text[column], allowed="、".join(allowed)
                    ),
                )
        decision, decided_on = text["处理结果"], days["处理日期"]
        if decision and decided_on is None:
            check.add(
                n,
                "处理日期",
                _t(QT_TRANSLATE_NOOP("errors", "{field} is required.")).format(field="处理日期"),
            )
        if decided_on and days["登记日期"] and decided_on < days["登记日期"]:
            check.add(n, "处理日期", _t(QT_TRANSLATE_NOOP("errors", "处理日期 is before 登记日期.")))
        case_id = None
        if decision == terms.LEAD_FILED:
            case_id = cases.get((agency_id or 0, text["案号"] or ""))
            if case_id is None:
                check.add(
                    n,
                    "案号",
                    _t(
                        QT_TRANSLATE_NOOP(
                            "errors", "立案 needs the case number of a case of the agency's register."
                        )
                    ),
                )
        if decision == terms.LEAD_REFUSED and not text["不予立案理由"]:
            check.add(n, "不予立案理由", _t(QT_TRANSLATE_NOOP("errors", "不予立案 needs its reason.")))
        report_duplicate(
            check, seen, f"{agency_id}|{text['案源编号']}" if text["案源编号"] else None, n, "案源编号"
        )
        if len(check.errors) == before:
            items.append((agency_id, text, days, case_id))
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    fields = (
        "agency_id",
        "number",
        "source",
        "received_on",
        "party",
        "summary",
        "decision",
        "decided_on",
        "case_id",
        "reason",
    )
    imported = skipped = 0
    with store.importing(actor.name), store.unit_of_work() as uow:
        session = uow.session
        existing = {(lead.agency_id, lead.number): lead for lead in session.execute(select(Lead)).scalars()}
        changes = []
        for done, (agency_id, text, days, case_id) in enumerate(items, 1):
            tick(done, len(items), progress, cancelled)
            values = dict(
                agency_id=agency_id,
                number=text["案源编号"],
                source=text["来源"],
                received_on=days["登记日期"],
                party=text["当事人"],
                summary=text["内容"],
                decision=text["处理结果"],
                decided_on=days["处理日期"],
                case_id=case_id,
                reason=text["不予立案理由"],
            )
            lead = existing.get((agency_id or 0, text["案源编号"] or ""))
            old = audit.snapshot(lead, fields) if lead is not None else None
            if old is not None and all(getattr(lead, f) == v for f, v in values.items()):
                skipped += 1
                continue
            if lead is None:
                lead = Lead()
                session.add(lead)
            for f, v in values.items():
                setattr(lead, f, v)
            lead.updated_by = actor.name
            session.flush()
            imported += 1
            changes.append(
                audit.Change(
                    "import" if old is None else "update",
                    "lead",
                    lead.id,
                    before,
                    audit.snapshot(lead, fields),
                    lead.number,
                )
            )
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return ImportResult(imported, skipped, warnings=unknown_column_warnings(sheet))


def list_leads(
    store: Store,
    actor: Actor,
    query: ListQuery | None = None,
    *,
    agency: str | int | None = None,
    as_of: date | None = None,
) -> Page[LeadRow]:
    """The leads (an agency user: their agency's) with their due date; ``undecided`` filter."""
    require(actor, Permission.VIEW_CASES)
    query = query or ListQuery(limit=None)
    as_of = as_of or store.clock.today()
    with store.reading() as session:
        stmt = select(Lead, Agency.name, Agency.field).join(Agency, Agency.id == Lead.agency_id)
        agency_id = find_agency(session, agency).id if agency not in (None, "") else None
        if agency_id is not None:
            require_agency(actor, agency_id)
        agency_id = actor.scope_agency_id or agency_id
        if agency_id is not None:
            stmt = stmt.where(Lead.agency_id == agency_id)
        if query.filter("undecided"):
            stmt = stmt.where(Lead.decision.is_(None))
        stmt = stmt.order_by(Lead.received_on, Lead.id)
        days, cal = lead_days(session), load_calendar(session)
        rows = []
        found = session.execute(stmt).all()
        case_ids = [lead.case_id for lead, _, _ in found if lead.case_id]
        case_nos = (
            dict(session.execute(select(Case.id, Case.case_no).where(Case.id.in_(case_ids))).all())
            if case_ids
            else {}
        )
        for lead, name, field in found:
            due = due_date(lead.received_on, field, days, cal)
            overdue = (lead.decided_on or as_of) > due  # decided late, or still undecided past it
            rows.append(
                LeadRow(
                    lead.id,
                    name,
                    lead.number,
                    lead.source,
                    lead.received_on,
                    lead.party,
                    lead.summary,
                    lead.decision,
                    lead.decided_on,
                    case_nos.get(lead.case_id) if lead.case_id else None,
                    lead.reason,
                    due,
                    overdue,
                )
            )
    window = rows[query.offset : None if query.limit is None else query.offset + query.limit]
    return Page(tuple(window), len(rows))

"""A 双随机 plan's results (一公开): recorded from a workbook, one row per drawn target.

| column | required | values |
|---|---|---|
| 统一社会信用代码 | yes | a target drawn in the plan |
| 检查结果 | yes | 未发现问题 · 发现问题已责令整改 · 立案查处 · 未检查 |
| 检查日期 | unless 未检查 | date |
| 案号 | for 立案查处 | a case of the plan's agency |
| 公示日期 | no | date, not before 检查日期 |
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.accounts import audit
from desktop.accounts.input_settings import apply_input_limits
from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require
from desktop.io.imports import IsCancelled, Progress, RowCheck, read_checked, unknown_column_warnings
from desktop.io.xlsx import Column, parse_date, parse_text
from desktop.models import Case
from desktop.models.db import Store
from desktop.personnel.dto import ImportResult
from desktop.powers import terms
from desktop.powers.inspections import load_plan

RESULT_COLUMNS = (
    Column("统一社会信用代码", required=True),
    Column("检查结果", required=True),
    Column("检查日期"),
    Column("案号"),
    Column("公示日期"),
)
"""The results workbook (``inspections results``): one row per drawn target."""


def import_results(
    store: Store,
    actor: Actor,
    name: str,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Record a plan's results from a workbook (one row per drawn target); all rows or none."""
    require(actor, Permission.EDIT_CASES)
    apply_input_limits(store)  # the store's row and problem limits and plausible years
    sheet = read_checked(path, RESULT_COLUMNS, progress, cancelled)
    check = RowCheck(sheet)
    with store.unit_of_work() as uow:
        session = uow.session
        plan = load_plan(session, actor, name)
        by_code = {i.credit_code: i for i in plan.items}
        cases = dict(
            session.execute(select(Case.case_no, Case.id).where(Case.agency_id == plan.agency_id)).all()
        )
        rows = []
        for row in sheet.rows:
            code = (check.cell(row, "统一社会信用代码", parse_text) or "").upper()
            result = check.cell(row, "检查结果", parse_text)
            on = check.cell(row, "检查日期", parse_date)
            case_no = check.cell(row, "案号", parse_text)
            published = check.cell(row, "公示日期", parse_date)
            item = by_code.get(code)
            if item is None:
                check.add(
                    row.number,
                    "统一社会信用代码",
                    translate(
                        "errors", QT_TRANSLATE_NOOP("errors", "{value} was not drawn in this plan.")
                    ).format(value=code),
                )
            if result not in terms.RESULTS:
                check.add(
                    row.number,
                    "检查结果",
                    translate(
                        "errors", QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}.")
                    ).format(value=result or "", allowed="、".join(terms.RESULTS)),
                )
            if result and result != "未检查" and on is None:
                check.add(
                    row.number,
                    "检查日期",
                    translate("errors", QT_TRANSLATE_NOOP("errors", "{field} is required.")).format(
                        field="检查日期"
                    ),
                )
            case_id = None
            if result == terms.RESULT_CASE:
                case_id = cases.get(case_no or "")
                if case_id is None:
                    check.add(
                        row.number,
                        "案号",
                        translate(
                            "errors",
                            QT_TRANSLATE_NOOP(
                                "errors", "立案查处 needs the case number of a case of the plan's agency."
                            ),
                        ),
                    )
            if published and on and published < on:
                check.add(
                    row.number,
                    "公示日期",
                    translate("errors", QT_TRANSLATE_NOOP("errors", "公示日期 is before 检查日期.")),
                )
            rows.append((item, result, on, case_id, published))
        if check.errors:
            raise ImportRefused(check.errors, sheet.file)
        changes = []
        for item, result, on, case_id, published in rows:
            assert item is not None
            fields = ("result", "result_on", "case_id", "published_on")
            before = audit.snapshot(item, fields)
            item.result, item.result_on, item.case_id, item.published_on = result, on, case_id, published
            item.updated_by = actor.name
            after = audit.snapshot(item, fields)
            if before != after:
                changes.append(
                    audit.Change(
                        "update", "inspection_item", item.id, before, after, f"{name} {item.credit_code}"
                    )
                )
        session.flush()
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return ImportResult(len(changes), len(rows) - len(changes), warnings=unknown_column_warnings(sheet))

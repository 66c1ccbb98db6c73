"""What the qualification area writes and reads as workbooks: the 培训台账 of a year (every
attendance, and the hours per officer against the target), an annual review batch (年审 with its
results) and the results of a batch filled in outside the program."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.core.errors import ImportRefused
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.identifiers import mask_resident_id
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.io.imports import RowCheck, read_checked, report_duplicate
from desktop.io.xlsx import Column, parse_choice, parse_text, write_sheets
from desktop.models import Agency, Officer, TrainingRecord
from desktop.models.db import Store
from desktop.personnel.certificates import list_certificates
from desktop.personnel.repository import find_agency
from desktop.personnel.training import agency_training, training_hours

LEDGER_HEADERS = (
    "姓名",
    "身份证号",
    "执法主体",
    "培训名称",
    "日期",
    "学时",
    "主办单位",
    "课程类别",
    "结束日期",
)
AGENCY_HEADERS = ("执法主体", "人数", "总学时", "人均学时", "达标人数", "未达标人数", "目标学时")
HOURS_HEADERS = ("姓名", "身份证号", "执法主体", "学时", "目标学时", "是否不足")
REVIEW_HEADERS = ("执法证号", "姓名", "身份证号", "执法主体", "年审到期", "年审结果", "事由")
RESULT_WORDS = {"pass": "合格", "fail": "不合格"}


def export_training_ledger(
    store: Store, actor: Actor, year: int, path: str | Path, *, agency: str | int | None = None
) -> int:
    """Write the year's ledger (sheet 培训台账), hours per officer (sheet 学时汇总) and per agency
    (sheet 单位汇总); returns the number of attendance rows. ID numbers masked."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        stmt = (
            select(
                Officer.name,
                Officer.id_number,
                Agency.name,
                TrainingRecord.course,
                TrainingRecord.kind,
                TrainingRecord.on,
                TrainingRecord.ends_on,
                TrainingRecord.hours,
                TrainingRecord.organiser,
            )
            .join(Officer, Officer.id == TrainingRecord.officer_id)
            .join(Agency, Agency.id == Officer.agency_id)
            .where(TrainingRecord.on >= date(year, 1, 1), TrainingRecord.on <= date(year, 12, 31))
            .order_by(Agency.name, Officer.name, TrainingRecord.on)
        )
        scope = actor.scope_agency_id
        if agency not in (None, ""):
            agency_id = find_agency(session, agency).id
            require_agency(actor, agency_id)
            scope = agency_id
        if scope is not None:
            stmt = stmt.where(Officer.agency_id == scope)
        ledger = [
            [name, mask_resident_id(idn), agency_name, course, on, float(hours), organiser, kind, ends]
            for name, idn, agency_name, course, kind, on, ends, hours, organiser in session.execute(stmt)
        ]
    hours = [
        [h.officer, h.id_number, h.agency, h.hours, h.target, "是" if h.short else "否"]
        for h in training_hours(store, actor, year, agency=agency)
    ]
    agencies = [
        [a.agency, a.officers, a.hours, a.average, a.reached, a.short, a.target]
        for a in agency_training(store, actor, year)
        if agency in (None, "") or a.agency in {h[2] for h in hours}
    ]
    write_sheets(
        path,
        [
            ("培训台账", LEDGER_HEADERS, ledger),
            ("学时汇总", HOURS_HEADERS, hours),
            ("单位汇总", AGENCY_HEADERS, agencies),
        ],
    )
    return len(ledger)


def export_review_batch(
    store: Store, actor: Actor, results: Sequence[tuple[str, str, str]], path: str | Path
) -> int:
    """Write an annual review batch — each certificate with its chosen result and reason — to a
    workbook (sheet 年审); returns the number of rows."""
    require(actor, Permission.VIEW_OFFICERS)
    wanted = {number: (result, reason) for number, result, reason in results}
    rows = [
        [
            r.number,
            r.officer,
            r.id_number,
            r.agency,
            r.next_review,
            RESULT_WORDS.get(wanted[r.number][0], wanted[r.number][0]),
            wanted[r.number][1],
        ]
        for r in list_certificates(store, actor).items
        if r.number in wanted
    ]
    write_sheets(path, [("年审", REVIEW_HEADERS, rows)])
    return len(rows)


REVIEW_COLUMNS = (
    Column("执法证号", required=True, aliases=("证号",)),
    Column("年审结果", required=True, aliases=("结果",)),
    Column("事由", aliases=("原因", "说明")),
)
RESULT_ALIASES = {"合格": "pass", "通过": "pass", "不合格": "fail", "不通过": "fail"}


def read_review_results(path: str | Path) -> list[tuple[str, str, str]]:
    """The results of an annual review workbook (sheet 年审, else the first: 执法证号, 年审结果
    合格/不合格, 事由 — the layout ``export_review_batch`` writes): all rows or none, a number twice
    or a 不合格 without a reason refused with its row and column. Nothing is recorded: the batch
    in the window takes the results, and its one confirmation records them."""
    sheet = read_checked(path, REVIEW_COLUMNS, None, None, sheet_name="年审")
    check = RowCheck(sheet)
    out: list[tuple[str, str, str]] = []
    seen: dict[str, int] = {}
    for row in sheet.rows:
        number = check.cell(row, "执法证号", parse_text)
        result = check.cell(row, "年审结果", lambda v: parse_choice(v, ("pass", "fail"), RESULT_ALIASES))
        reason = check.cell(row, "事由", parse_text) or ""
        report_duplicate(check, seen, number, row.number, "执法证号")
        if number is None or result is None:
            if number is None and not any(
                e.row == row.number and e.column == "执法证号" for e in check.errors
            ):
                check.add(
                    row.number, "执法证号", translate("errors", QT_TRANSLATE_NOOP("errors", "required"))
                )
            if result is None and not any(
                e.row == row.number and e.column == "年审结果" for e in check.errors
            ):
                check.add(
                    row.number, "年审结果", translate("errors", QT_TRANSLATE_NOOP("errors", "required"))
                )
            continue
        if result == "fail" and not reason:
            check.add(
                row.number,
                "事由",
                translate("errors", QT_TRANSLATE_NOOP("errors", "a failed review needs a reason")),
            )
        out.append((number, result, reason))
    if check.errors:
        raise ImportRefused(check.errors, sheet.file)
    return out

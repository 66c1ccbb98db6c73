"""What the qualification area writes as workbooks: the 培训台账 of a year (every attendance, and
the hours per officer against the target) and an annual review batch (年审 with its results)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop.core.identifiers import mask_resident_id
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.io.xlsx import write_sheets
from desktop.models import Agency, Officer, TrainingRecord
from desktop.models.db import Store
from desktop.personnel.certificates import list_certificates
from desktop.personnel.repository import find_agency
from desktop.personnel.training import training_hours

LEDGER_HEADERS = ("姓名", "身份证号", "执法主体", "培训名称", "日期", "学时", "主办单位")
HOURS_HEADERS = ("姓名", "身份证号", "执法主体", "学时", "目标学时", "是否不足")
REVIEW_HEADERS = ("执法证号", "姓名", "身份证号", "执法主体", "年审到期", "年审结果", "事由")
RESULT_WORDS = {"pass": "合格", "fail": "不合格"}


def export_training_ledger(
    store: Store, actor: Actor, year: int, path: str | Path, *, agency: str | int | None = None
) -> int:
    """Write the year's ledger (sheet 培训台账) and hours per officer (sheet 学时汇总); returns the
    number of attendance rows. ID numbers masked."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        stmt = (
            select(
                Officer.name,
                Officer.id_number,
                Agency.name,
                TrainingRecord.course,
                TrainingRecord.on,
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
            [name, mask_resident_id(idn), agency_name, course, on, float(hours), organiser]
            for name, idn, agency_name, course, on, hours, organiser in session.execute(stmt)
        ]
    hours = [
        [h.officer, h.id_number, h.agency, h.hours, h.target, "是" if h.short else "否"]
        for h in training_hours(store, actor, year, agency=agency)
    ]
    write_sheets(path, [("培训台账", LEDGER_HEADERS, ledger), ("学时汇总", HOURS_HEADERS, hours)])
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

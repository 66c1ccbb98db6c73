"""The training ledger by hand and per agency: a course entered with its attendance (checked,
audited, skipped when already stored), each agency's officers, hours, average, reached and short
against the target, and the 培训台账 workbook's agency sheet (both databases)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.core.errors import ValidationError
from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models import AuditRecord, TrainingRecord
from desktop.models.db import Store
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.qualification_exports import export_training_ledger
from desktop.personnel.service import create_agency, create_officer
from desktop.personnel.training import CourseInput, agency_training, record_course, training_hours


@pytest.fixture
def officers(store: Store, admin: Actor) -> list[int]:
    for full, short in (("示范县市场监督管理局", "县市场监管局"), ("示范县交通运输局", "县交通局")):
        create_agency(store, admin, AgencyInput(full, short, field="市场监管", level="县"))
    ids = []
    for n, (name, agency) in enumerate(
        (("张三", "县市场监管局"), ("李四", "县市场监管局"), ("王五", "县交通局"))
    ):
        ids.append(
            create_officer(
                store,
                admin,
                OfficerInput(name, make_resident_id("341122", date(1980, 5, 17), 11 + n), agency),
            ).id
        )
    return ids


COURSE = CourseInput(
    "行政处罚法专题", "专门法律知识", "县司法局", date(2026, 3, 2), date(2026, 3, 6), Decimal(40)
)


def test_a_course_entered_by_hand(store: Store, admin: Actor, officers: list[int]) -> None:
    done = record_course(store, admin, COURSE, officers[:2], today=date(2026, 3, 10))
    assert (done.imported, done.skipped) == (2, 0)
    again = record_course(store, admin, COURSE, officers, today=date(2026, 3, 10))
    assert (again.imported, again.skipped) == (1, 2)
    with store.reading() as session:
        rows = session.execute(select(TrainingRecord).order_by(TrainingRecord.id)).scalars().all()
        assert [(r.kind, r.on, r.ends_on, r.organiser, r.hours) for r in rows][0] == (
            "专门法律知识",
            date(2026, 3, 2),
            date(2026, 3, 6),
            "县司法局",
            Decimal(40),
        )
        assert session.execute(select(AuditRecord.id).where(AuditRecord.entity == "training")).all()
    hours = {h.officer: h.hours for h in training_hours(store, admin, 2026)}
    assert hours == {"张三": 40.0, "李四": 40.0, "王五": 40.0}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": " "}, "name"),
        ({"ends": date(2026, 3, 1)}, "ends"),
        ({"starts": date(2026, 4, 1), "ends": date(2026, 4, 2)}, "starts"),
        ({"hours": Decimal(0)}, "cell"),
    ],
)
def test_a_wrong_course_is_refused(
    store: Store, admin: Actor, officers: list[int], change: dict, field: str
) -> None:
    import dataclasses

    with pytest.raises(ValidationError) as caught:
        record_course(store, admin, dataclasses.replace(COURSE, **change), officers, today=date(2026, 3, 10))
    assert caught.value.field == field
    with pytest.raises(ValidationError):
        record_course(store, admin, COURSE, [], today=date(2026, 3, 10))


def test_per_agency_against_the_target(
    store: Store, admin: Actor, officers: list[int], tmp_path: Path
) -> None:
    record_course(store, admin, COURSE, officers[:1], today=date(2026, 3, 10))
    record_course(
        store,
        admin,
        CourseInput("执法技能", None, None, date(2026, 5, 1), date(2026, 5, 1), Decimal(24)),
        officers[:2],
        today=date(2026, 5, 1),
    )
    totals = {a.agency: a for a in agency_training(store, admin, 2026)}
    scj = totals["示范县市场监督管理局"]
    assert (scj.officers, scj.hours, scj.average, scj.reached, scj.short, scj.target) == (
        2,
        88.0,
        44.0,
        1,
        1,
        60,
    )
    jtj = totals["示范县交通运输局"]
    assert (jtj.officers, jtj.hours, jtj.reached, jtj.short) == (1, 0.0, 0, 1)
    assert export_training_ledger(store, admin, 2026, tmp_path / "ledger.xlsx") == 3
    book = openpyxl.load_workbook(tmp_path / "ledger.xlsx")
    assert list(book["单位汇总"].values)[0][:4] == ("执法主体", "人数", "总学时", "人均学时")
    by_agency = {r[0]: r for r in list(book["单位汇总"].values)[1:]}
    assert by_agency["示范县市场监督管理局"][1:6] == (2, 88, 44, 1, 1)
    ledger = list(book["培训台账"].values)
    assert ledger[0][-2:] == ("课程类别", "结束日期") and "专门法律知识" in [r[7] for r in ledger[1:]]

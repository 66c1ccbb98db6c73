"""A small hand-built county for the report tests: two agencies, five officers, seven cases of
2025 whose every figure the tests count by hand."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from desktop.cases import entry
from desktop.cases.dto import CaseInput
from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models import Agency, Officer
from desktop.models.db import Store
from desktop.models.devices import FootageFile
from desktop.models.exam import Paper, Sitting
from desktop.models.personnel import TrainingRecord
from desktop.personnel.dto import AgencyInput, OfficerInput
from desktop.personnel.service import create_agency, create_officer

MARKET, TRANSPORT = "示范县市场监督管理局", "示范县交通运输局"

OFFICERS = (
    # name, agency, certificate number, issued, expires
    ("张三", "县市场监管局", "A001", date(2020, 1, 1), date(2030, 1, 1)),
    ("李四", "县市场监管局", "A002", date(2018, 1, 1), date(2025, 6, 30)),
    ("王五", "县市场监管局", None, None, None),
    ("赵六", "县交通局", "B001", date(2020, 1, 1), date(2030, 1, 1)),
    ("钱七", "县交通局", "B002", date(2020, 1, 1), date(2030, 1, 1)),
)


def d(text: str) -> date:
    return date.fromisoformat(text)


def make_report_county(store: Store, admin: Actor) -> dict[str, int]:
    """The county; returns case ids by short key (M1 … M5 of the market bureau, T1, T2 of
    transport)."""
    create_agency(store, admin, AgencyInput(MARKET, "县市场监管局"))
    create_agency(store, admin, AgencyInput(TRANSPORT, "县交通局"))
    for n, (name, agency, number, issued, expires) in enumerate(OFFICERS, start=1):
        create_officer(
            store,
            admin,
            OfficerInput(
                name,
                make_resident_id("341122", date(1980, 1, n), 1),
                agency,
                cert_number=number,
                cert_issued_on=issued,
                cert_expires_on=expires,
            ),
        )
    penalty = dict(category="行政处罚", procedure="普通程序")
    cases = {
        "M1": CaseInput(
            "市监罚〔2025〕1号",
            "县市场监管局",
            cause="销售过期食品",
            party="甲超市",
            filed_on=d("2025-03-03"),
            officers=("A001", "A002"),
            legal_review_on=d("2025-03-28"),
            decided_on=d("2025-04-01"),
            served_on=d("2025-04-02"),
            published_on=d("2025-04-03"),
            executed_on=d("2025-04-20"),
            closed_on=d("2025-04-25"),
            penalty_kinds=("罚款",),
            amount=Decimal("5000"),
            major=True,
            **penalty,
        ),
        "M2": CaseInput(
            "市监罚〔2025〕2号",
            "县市场监管局",
            cause="无证经营",
            party="乙商店",
            filed_on=d("2025-01-02"),
            officers=("A001", "A002"),
            decided_on=d("2025-06-30"),
            served_on=d("2025-07-01"),
            penalty_kinds=("警告", "罚款"),
            amount=Decimal("200"),
            **penalty,
        ),
        "M3": CaseInput(
            "市监罚〔2025〕3号",
            "县市场监管局",
            "行政处罚",
            "未明码标价",
            "丙摊点",
            d("2025-05-05"),
            ("A001", "A002"),
            procedure="简易程序",
            decided_on=d("2025-05-05"),
            served_on=d("2025-05-05"),
            penalty_kinds=("警告",),
        ),
        "M4": CaseInput(
            "市监强〔2025〕1号",
            "县市场监管局",
            "行政强制",
            "涉嫌假冒商品",
            "丁公司",
            d("2025-07-01"),
            ("A001", "A002"),
            measures=("查封",),
            measure_on=d("2025-07-01"),
            measure_released_on=d("2025-07-20"),
        ),
        "M5": CaseInput(
            "市监检〔2025〕1号",
            "县市场监管局",
            "行政检查",
            "食品安全检查",
            "戊餐馆",
            d("2025-08-01"),
            ("A001", "A002"),
            closed_on=d("2025-08-02"),
        ),
        "T1": CaseInput(
            "交罚〔2025〕1号",
            "县交通局",
            cause="超限运输",
            party="己物流",
            filed_on=d("2025-02-03"),
            officers=("B001", "B002"),
            decided_on=d("2025-03-03"),
            served_on=d("2025-03-04"),
            published_on=d("2025-03-05"),
            executed_on=d("2025-03-10"),
            penalty_kinds=("罚款",),
            amount=Decimal("1000"),
            **penalty,
        ),
        "T2": CaseInput(
            "交罚〔2025〕2号",
            "县交通局",
            cause="非法营运",
            party="庚客运",
            filed_on=d("2025-09-01"),
            officers=("B001", "B002"),
            legal_review_on=d("2025-10-08"),
            decided_on=d("2025-10-10"),
            served_on=d("2025-10-11"),
            published_on=d("2025-10-13"),
            penalty_kinds=("暂扣许可证件",),
            major=True,
            **penalty,
        ),
    }
    return {key: entry.create_case(store, admin, data).id for key, data in cases.items()}


KEPT_CASES = {
    # key, case number, agency, 简称, officers, closed on: 普通程序 penalties found on inspection
    "M6": ("市监罚〔2025〕6号", "县市场监管局", ("A001", "A002"), "2025-06-20"),
    "M7": ("市监罚〔2025〕7号", "县市场监管局", ("A001", "A002"), "2025-07-15"),
    "T3": ("交罚〔2025〕3号", "县交通局", ("B001", "B002"), "2025-11-01"),
}


def add_kept_data(store: Store, admin: Actor) -> dict[str, int]:
    """The later areas' rows for the county, written to the store by hand:

    - training (target 60 hours a year): 张三 40 + 25 = 65, 李四 30, 王五 none; 赵六 60, 钱七 59.5
      (and 10 hours on 2024-12-31, outside 2025);
    - exam papers graded in 2025: 张三 85 passed, 李四 50 failed, 孙八 (no officer record, paper
      names 县交通局) 72 passed; 赵六's not graded; 钱七's graded in 2026;
    - three closed 普通程序 penalties from 监督检查 (M6, M7 of the market bureau, T3 of transport);
      footage: two files linked to M6, one to T3, one market file and one file of no agency not
      linked, all imported in 2025, and a third file linked to M6 imported in 2026.

    Returns the new cases' ids by key."""
    ids = {}
    for key, (number, agency, officers, closed) in KEPT_CASES.items():
        ids[key] = entry.create_case(
            store,
            admin,
            CaseInput(
                number,
                agency,
                "行政处罚",
                "现场检查发现违法",
                "辛公司",
                d("2025-05-10"),
                officers,
                procedure="普通程序",
                source="监督检查",
                discovered_on=d("2025-05-10"),
                decided_on=d("2025-06-01"),
                served_on=d("2025-06-02"),
                published_on=d("2025-06-03"),
                closed_on=d(closed),
                penalty_kinds=("警告",),
            ),
        ).id
    with store.unit_of_work() as uow:
        s = uow.session
        officer = {o.name: o for o in s.execute(select(Officer)).scalars()}
        agency = {a.short_name: a.id for a in s.execute(select(Agency)).scalars()}
        for name, on, hours in (
            ("张三", "2025-03-01", "40"),
            ("张三", "2025-09-01", "25"),
            ("李四", "2025-03-01", "30"),
            ("赵六", "2025-05-01", "60"),
            ("钱七", "2025-05-01", "59.5"),
            ("钱七", "2024-12-31", "10"),
        ):
            s.add(
                TrainingRecord(officer_id=officer[name].id, course="执法培训", on=d(on), hours=Decimal(hours))
            )
        sitting = Sitting(
            name="2025年资格考试",
            seed="s",
            blueprint={},
            minutes=90,
            pass_mark=60.0,
            total_points=100.0,
            created_at="2025-06-01T00:00:00Z",
            created_by="admin",
            code="RPT2025",
        )
        s.add(sitting)
        for no, name, agency_name, score, passed, graded in (
            ("P1", "张三", None, 85.0, True, "2025-06-10T02:00:00Z"),
            ("P2", "李四", None, 50.0, False, "2025-06-10T02:00:00Z"),
            ("P3", "孙八", "县交通局", 72.0, True, "2025-06-10T02:00:00Z"),
            ("P4", "赵六", None, None, None, None),
            ("P5", "钱七", None, 90.0, True, "2026-01-05T02:00:00Z"),
        ):
            o = officer.get(name)
            s.add(
                Paper(
                    sitting=sitting,
                    paper_no=no,
                    name=name,
                    id_number=o.id_number if o else make_resident_id("341122", date(1990, 1, 1), 1),
                    agency=agency_name,
                    officer_id=o.id if o else None,
                    points=100.0,
                    score=score,
                    passed=passed,
                    graded_at=graded,
                )
            )
        for n, (agency_key, case, imported) in enumerate(
            (
                ("县市场监管局", ids["M6"], "2025-06-05T01:00:00Z"),
                ("县市场监管局", ids["M6"], "2025-06-05T01:00:00Z"),
                ("县交通局", ids["T3"], "2025-10-01T01:00:00Z"),
                ("县市场监管局", None, "2025-06-05T01:00:00Z"),
                (None, None, "2025-08-01T01:00:00Z"),
                ("县市场监管局", ids["M6"], "2026-01-02T01:00:00Z"),
            ),
            start=1,
        ):
            s.add(
                FootageFile(
                    sha256=f"{n:064x}",
                    size=1000,
                    kind="video",
                    ext="mp4",
                    officer_no="A001",
                    device_no="DSJ-1",
                    start_at=datetime(2025, 5, 10, 9, n),
                    source_name=f"clip{n}.mp4",
                    station="test",
                    imported_at=imported,
                    imported_by="admin",
                    agency_id=agency[agency_key] if agency_key else None,
                    case_id=case,
                )
            )
        uow.commit()
    return ids


LATE_CASE_NO = "交罚〔2024〕9号"
"""Filed long before the report year and decided in it, late (``add_late_decision``)."""
CHANGING_CASE_NO = "市监罚〔2025〕9号"
"""A 2025 penalty decided and not published (``add_unpublished_2025_decision``)."""


def add_late_decision(store: Store, admin: Actor) -> None:
    """A 行政处罚 of 县交通局 filed on 2024-06-03 and decided on 2026-02-02 (published the next
    day): the warnings' window reaches back before the period for it."""
    entry.create_case(
        store,
        admin,
        CaseInput(
            LATE_CASE_NO,
            "县交通局",
            "行政处罚",
            "超限运输",
            "辛物流",
            date(2024, 6, 3),
            ("B001", "B002"),
            procedure="普通程序",
            decided_on=date(2026, 2, 2),
            published_on=date(2026, 2, 3),
        ),
    )


def add_unpublished_2025_decision(store: Store, admin: Actor) -> None:
    """One more 普通程序 行政处罚 of the market agency decided in 2025 (no 公示 recorded): it changes
    the year's figures (a store changed after a computation)."""
    entry.create_case(
        store,
        admin,
        CaseInput(
            CHANGING_CASE_NO,
            MARKET,
            "行政处罚",
            "无照经营",
            "庚商店",
            date(2025, 3, 3),
            ("A001", "A002"),
            procedure="普通程序",
            decided_on=date(2025, 4, 1),
        ),
    )

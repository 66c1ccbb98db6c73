"""A small hand-built county for the report tests: two agencies, five officers, seven cases of
2025 whose every figure the tests count by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from desktop.cases import entry
from desktop.cases.dto import CaseInput
from desktop.core.identifiers import make_resident_id
from desktop.core.security import Actor
from desktop.models.db import Store
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

"""The measures of the later areas on the hand-built county with its training records, exam papers
and footage (both databases; tests.helpers.report_county.add_kept_data says what is there): the
training and footage indicators of the default set, the exam pass rate, the dashboard's figures
and the annual report's tables, counted by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.core.security import Actor, Role
from desktop.models import Agency
from desktop.models.db import Store
from desktop.reports.annual import annual_report
from desktop.reports.area_figures import period_target
from desktop.reports.assessment import assess
from desktop.reports.dashboard import dashboard
from desktop.reports.documents import dashboard_document
from desktop.reports.dto import Period
from desktop.reports.indicators import default_set
from desktop.reports.measures import MEASURES, NOT_KEPT, Context
from tests.helpers.pages import make_actor
from tests.helpers.report_county import MARKET, TRANSPORT, add_kept_data, make_report_county

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
HALF = Period(date(2025, 1, 1), date(2025, 6, 30))


@pytest.fixture
def ids(store: Store, admin: Actor) -> dict[str, int]:
    make_report_county(store, admin)
    add_kept_data(store, admin)
    with store.reading() as session:
        return {r[0]: r[1] for r in session.execute(select(Agency.name, Agency.id))}


def measured(store: Store, actor: Actor, name: str, agency_id: int, period: Period):  # type: ignore[no-untyped-def]
    with store.reading() as session:
        ctx = Context(session, store, actor, period, period.end)
        return MEASURES[name](ctx, agency_id, period)


def test_the_three_are_kept_now() -> None:
    assert not {"training_hours", "exam_pass", "footage_archived"} & NOT_KEPT
    assert period_target(60, YEAR) == Decimal(60)
    assert period_target(60, HALF) == Decimal("29.8")  # 60 × 181 / 365


def test_training_and_footage_in_the_default_set(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    result = assess(store, admin, YEAR.start, YEAR.end, default_set())
    by_agency = {a.agency: {s.key: s for s in a.indicators} for a in result.agencies}
    m, t = by_agency[MARKET], by_agency[TRANSPORT]
    # 张三 65 ≥ 60; 李四 30 and 王五 0 short. 赵六 exactly 60; 钱七 59.5 (his 2024 hours not counted).
    assert (m["training_rate"].numerator, m["training_rate"].denominator) == (1, 3)
    assert m["training_rate"].value == Decimal("33.33") and m["training_rate"].counted
    assert [(r.ref, r.label, r.counted) for r in m["training_rate"].rows] == [
        ("张三", "65 / 60", True),
        ("李四", "30 / 60", False),
        ("王五", "0 / 60", False),
    ]
    assert (t["training_rate"].numerator, t["training_rate"].denominator) == (1, 2)
    assert {r.ref: r.counted for r in t["training_rate"].rows} == {"赵六": True, "钱七": False}
    # Footage: M6 has three files (one imported in 2026: linked all the same), M7 none; M1 is not
    # from 监督检查. Transport: T3 with one file.
    assert (m["footage_rate"].numerator, m["footage_rate"].denominator) == (1, 2)
    assert [(r.ref, r.label, r.counted) for r in m["footage_rate"].rows] == [
        ("市监罚〔2025〕6号", "2025-06-20 3", True),
        ("市监罚〔2025〕7号", "2025-07-15 0", False),
    ]
    assert (t["footage_rate"].numerator, t["footage_rate"].denominator, t["footage_rate"].value) == (
        1,
        1,
        Decimal("100.00"),
    )
    assert not any("training" in n or "footage" in n for n in result.notes)


def test_the_rates_over_half_a_year(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    # Target 29.8 hours: 张三's 40 and 李四's 30 reach it; 赵六 60 and 钱七 59.5 too.
    training = measured(store, admin, "training_hours", ids[MARKET], HALF)
    assert (training.numerator, training.denominator) == (2, 3)
    assert measured(store, admin, "training_hours", ids[TRANSPORT], HALF).numerator == 2
    # Only M6 closed by 2025-06-30.
    footage = measured(store, admin, "footage_archived", ids[MARKET], HALF)
    assert (footage.numerator, footage.denominator) == (1, 1)


def test_the_exam_pass_rate(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    market = measured(store, admin, "exam_pass", ids[MARKET], YEAR)
    assert (market.numerator, market.denominator) == (1, 2)
    assert [(r.ref, r.counted) for r in market.rows] == [("P1", True), ("P2", False)]
    # 孙八 has no officer record; his paper names 县交通局. 赵六's is not graded, 钱七's in 2026.
    transport = measured(store, admin, "exam_pass", ids[TRANSPORT], YEAR)
    assert (transport.numerator, transport.denominator) == (1, 1)
    assert transport.rows[0].label == "孙八 2025年资格考试 72"
    assert (
        measured(store, admin, "exam_pass", ids[TRANSPORT], Period(date(2026, 1, 1), date(2026, 1, 31)))
        .rows[0]
        .ref
        == "P5"
    )


def test_the_dashboard_figures(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    doc = dashboard_document(dashboard(store, admin, YEAR.start, YEAR.end, as_of=YEAR.end))
    assert doc["not_available"] == []
    assert [
        (i["agency"], i["officers"], i["reached"], i["hours"], i["target"]) for i in doc["training_hours"]
    ] == [
        (TRANSPORT, 2, 1, 119.5, 60),
        (MARKET, 3, 1, 95, 60),
    ]
    assert [(i["agency"], i["papers"], i["passed"], i["rate"]) for i in doc["exam_pass_rate"]] == [
        (TRANSPORT, 1, 1, 100),
        (MARKET, 2, 1, 50),
    ]
    assert [(i["agency"], i["imported"], i["unlinked"]) for i in doc["footage_unlinked"]] == [
        (TRANSPORT, 1, 0),
        (MARKET, 3, 1),
        ("", 1, 1),  # the file of no agency
    ]
    user = make_actor(store, admin, "danwei01", Role.AGENCY, ids[MARKET])
    own = dashboard_document(dashboard(store, user, YEAR.start, YEAR.end, as_of=YEAR.end))
    assert [i["agency"] for i in own["training_hours"]] == [MARKET]
    assert [(i["agency"], i["imported"]) for i in own["footage_unlinked"]] == [(MARKET, 3)]


def test_the_annual_tables(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    report = annual_report(store, admin, 2025, as_of=YEAR.end)
    training = next(t for t in report.tables if t.key == "training")
    assert training.note != "not available"
    assert training.rows == (
        (TRANSPORT, 2, Decimal("119.5"), Decimal("59.75"), 1),
        (MARKET, 3, Decimal("95"), Decimal("31.67"), 1),
        ("合计", 5, Decimal("214.5"), Decimal("42.90"), 2),
    )
    exams = next(t for t in report.tables if t.key == "exams")
    assert exams.rows == ((TRANSPORT, 1, 1, 0), (MARKET, 2, 1, 1), ("合计", 3, 2, 1))

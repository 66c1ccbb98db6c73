"""The assessment on the hand-built county (both databases): every indicator's numerator,
denominator, value and score counted by hand, the ranking, the rows behind, an agency user's
view, and a 处置 that makes the warning indicator move."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.cases.supervision import handle_warning
from desktop.core.errors import ValidationError
from desktop.core.security import Actor, Role
from desktop.models import Agency
from desktop.models.db import Store
from desktop.reports.assessment import assess
from desktop.reports.indicators import default_set
from tests.helpers.pages import make_actor
from tests.helpers.report_county import MARKET, TRANSPORT, add_late_decision, make_report_county

YEAR = (date(2025, 1, 1), date(2025, 12, 31))
NOT_KEPT = {"reconsideration_rate", "litigation_rate"}


def by_key(agency):  # type: ignore[no-untyped-def]
    return {s.key: s for s in agency.indicators}


@pytest.fixture
def county(store: Store, admin: Actor) -> dict[str, int]:
    return make_report_county(store, admin)


def test_each_indicator_counted_by_hand(store: Store, admin: Actor, county: dict[str, int]) -> None:
    result = assess(store, admin, *YEAR, default_set())
    transport, market = result.agencies
    assert (transport.agency, transport.rank, transport.total) == (TRANSPORT, 1, Decimal("87.76"))
    assert (market.agency, market.rank) == (MARKET, 2)
    m = by_key(market)
    # 持证率: 张三 valid; 李四's expired on 2025-06-30; 王五 has none.
    assert (m["cert_rate"].numerator, m["cert_rate"].denominator, m["cert_rate"].value) == (
        1,
        3,
        Decimal("33.33"),
    )
    assert [(r.label, r.counted) for r in m["cert_rate"].rows] == [
        ("张三", True),
        ("李四", False),
        ("王五", False),
    ]
    # 按期办结: M1 in time, M2 decided 2025-06-30 after its due date 2025-04-02.
    assert (m["in_time_rate"].numerator, m["in_time_rate"].denominator) == (1, 2)
    assert {r.ref: r.counted for r in m["in_time_rate"].rows} == {
        "市监罚〔2025〕1号": True,
        "市监罚〔2025〕2号": False,
    }
    # 超期案件数: M2 — one point off of 6.
    assert (m["overdue_count"].value, m["overdue_count"].score) == (1, Decimal("5.00"))
    # 罚没执行: M1 executed, M2 (200 yuan) not.
    assert (m["fines_rate"].numerator, m["fines_rate"].denominator) == (1, 2)
    # 公示及时: M1 published in 2 days; M2 never.
    assert (m["publicity_rate"].numerator, m["publicity_rate"].denominator, m["publicity_rate"].score) == (
        1,
        2,
        Decimal("0.00"),
    )
    # 法制审核: M1 the one major decision, reviewed before.
    assert (m["legal_review_rate"].numerator, m["legal_review_rate"].denominator) == (1, 1)
    assert m["legal_review_rate"].score == Decimal("8.00")
    # 预警处置: two red warnings due in 2025 (M2's decision and publicity), none handled.
    assert (m["warning_rate"].numerator, m["warning_rate"].denominator) == (0, 2)
    # No campaign: nothing to count, left out; the later areas' data: not available.
    assert not m["review_average"].counted and m["review_average"].denominator == 0
    for key in NOT_KEPT:
        assert not m[key].counted and m[key].value is None and m[key].score is None
    assert len(result.notes) == len(NOT_KEPT)
    # Counted weights 6 + 6 + 9 + 6 + 9 + 5 + 8 + 20 = 69; scores 5 + 8 = 13 → 18.84 of 100.
    assert (market.weight_counted, market.total) == (Decimal(69), Decimal("18.84"))
    assert "1 / 3 = 33.33%" in m["cert_rate"].working
    t = by_key(transport)
    assert not t["warning_rate"].counted  # no red warning due
    # 43 of everything else plus 人均培训学时达标率's 6 at 0% (no training records): 43 / 49.
    assert t["training_rate"].counted and t["training_rate"].score == Decimal("0.00")
    assert transport.weight_counted == Decimal(49)


def test_a_timely_disposal_counts(store: Store, admin: Actor, county: dict[str, int]) -> None:
    handle_warning(store, admin, county["M2"], "decision_overdue", None, "已约谈", as_of=date(2025, 4, 5))
    handle_warning(store, admin, county["M2"], "publicity_overdue", None, "已通报", as_of=date(2025, 9, 1))
    m = by_key(assess(store, admin, *YEAR, default_set(), as_of=date(2025, 12, 31)).agencies[1])
    assert (m["warning_rate"].numerator, m["warning_rate"].denominator, m["warning_rate"].value) == (
        1,
        2,
        Decimal("50.00"),
    )
    assert m["warning_rate"].score == Decimal("0.00")


def test_an_agency_user_sees_their_agency_only(store: Store, admin: Actor, county: dict[str, int]) -> None:
    user = make_actor(store, admin, "danwei01", Role.AGENCY, transport_id(store, admin))
    result = assess(store, user, *YEAR, default_set())
    assert [a.agency for a in result.agencies] == [TRANSPORT]


def transport_id(store: Store, admin: Actor) -> int:
    with store.reading() as session:
        return session.execute(select(Agency.id).where(Agency.name == TRANSPORT)).scalar_one()


def test_a_period_that_ends_before_it_starts_is_refused(store: Store, admin: Actor) -> None:
    with pytest.raises(ValidationError):
        assess(store, admin, date(2025, 2, 1), date(2025, 1, 1), default_set())


def test_a_case_filed_long_before_the_period_and_decided_in_it_counts_late(
    store: Store, admin: Actor, county: dict[str, int]
) -> None:
    add_late_decision(store, admin)
    result = assess(store, admin, date(2026, 1, 1), date(2026, 6, 30), default_set(), as_of=date(2026, 6, 30))
    t = by_key(next(a for a in result.agencies if a.agency == TRANSPORT))
    assert (t["in_time_rate"].numerator, t["in_time_rate"].denominator) == (0, 1)

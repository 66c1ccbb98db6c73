"""The case measures counted in SQL (``case_figures``, a context that is not detailed) against the
rows behind them (a detailed context) on the hand-built county with its footage (both databases):
for each measure and agency the numerator is the rows counted and the denominator the rows, and
the market's figures are the ones counted by hand in test_assessment and test_area_figures. The
assessment without rows carries the same numbers as with them; one figure's rows read alone are
the full computation's; a store changed since refuses to fill in the rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop.core.errors import Conflict, PermissionDenied
from desktop.core.security import Actor, Role
from desktop.models import Agency
from desktop.models.db import Store
from desktop.reports.assessment import assess, with_rows, working_rows
from desktop.reports.context import Context
from desktop.reports.dto import Measured, Period
from desktop.reports.indicators import default_set
from desktop.reports.measures import MEASURES
from desktop.reports.published import open_published
from desktop.reports.sets import publish
from tests.helpers.pages import make_actor
from tests.helpers.report_county import (
    MARKET,
    TRANSPORT,
    add_kept_data,
    add_late_decision,
    add_unpublished_2025_decision,
    make_report_county,
)

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
HALF = Period(date(2025, 1, 1), date(2025, 6, 30))
NEXT_HALF = Period(date(2026, 1, 1), date(2026, 6, 30))
CASE_MEASURES = (
    "decided_in_time",
    "overdue_cases",
    "published_in_time",
    "legal_review_coverage",
    "fines_executed",
    "footage_archived",
)
# The market's figures of 2025, counted by hand (test_assessment, test_area_figures; M6 and M7,
# the footage cases, decided 2025-06-01 24 days after 立案 and published two days later).
MARKET_2025 = {
    "decided_in_time": (3, 4),  # M1, M6, M7 in time, M2 decided after its due date
    "overdue_cases": (1, None),  # M2
    "published_in_time": (3, 4),  # M1 published in 2 days, M6 and M7 too, M2 never
    "legal_review_coverage": (1, 1),  # M1, reviewed before its decision
    "fines_executed": (1, 2),  # M1 executed, M2 not
    "footage_archived": (1, 2),  # M6 with three files, M7 none
}


@pytest.fixture
def ids(store: Store, admin: Actor) -> dict[str, int]:
    make_report_county(store, admin)
    add_kept_data(store, admin)
    add_late_decision(store, admin)  # the warnings' window reaches back before the period
    with store.reading() as session:
        return {r[0]: r[1] for r in session.execute(select(Agency.name, Agency.id))}


def measured(
    store: Store, actor: Actor, name: str, agency_id: int, period: Period, detailed: bool
) -> Measured:
    with store.reading() as session:
        ctx = Context(session, store, actor, period, period.end, detailed=detailed)
        return MEASURES[name](ctx, agency_id, period)


@pytest.mark.parametrize("name", CASE_MEASURES)
def test_the_sql_count_is_the_rows_behind(store: Store, admin: Actor, ids: dict[str, int], name: str) -> None:
    for period in (YEAR, HALF, NEXT_HALF):
        for agency in (MARKET, TRANSPORT):
            counted = measured(store, admin, name, ids[agency], period, detailed=False)
            rows = measured(store, admin, name, ids[agency], period, detailed=True)
            assert counted.rows == ()
            assert counted.numerator == sum(1 for r in rows.rows if r.counted) == rows.numerator
            expected = None if counted.denominator is None else len(rows.rows)
            assert counted.denominator == expected == rows.denominator, (period, agency)
    market = measured(store, admin, name, ids[MARKET], YEAR, detailed=False)
    assert (market.numerator, market.denominator) == (Decimal(MARKET_2025[name][0]), MARKET_2025[name][1])


def test_the_case_filed_in_2024_and_decided_late_in_2026(
    store: Store, admin: Actor, ids: dict[str, int]
) -> None:
    counted = measured(store, admin, "decided_in_time", ids[TRANSPORT], NEXT_HALF, detailed=False)
    assert (counted.numerator, counted.denominator) == (0, 1)
    published = measured(store, admin, "published_in_time", ids[TRANSPORT], NEXT_HALF, detailed=False)
    assert (published.numerator, published.denominator) == (1, 1)  # published the next day


def test_the_assessment_without_rows_has_the_same_numbers(
    store: Store, admin: Actor, ids: dict[str, int]
) -> None:
    full = assess(store, admin, YEAR.start, YEAR.end, default_set())
    quick = assess(store, admin, YEAR.start, YEAR.end, default_set(), rows=False)
    assert full.detailed and not quick.detailed and quick.as_of == full.as_of == YEAR.end
    assert all(not s.rows for g in quick.agencies for s in g.indicators)
    strip = [
        (
            g.agency,
            g.rank,
            g.total,
            [(s.key, s.numerator, s.denominator, s.value, s.score, s.working) for s in g.indicators],
        )
        for g in full.agencies
    ]
    assert strip == [
        (
            g.agency,
            g.rank,
            g.total,
            [(s.key, s.numerator, s.denominator, s.value, s.score, s.working) for s in g.indicators],
        )
        for g in quick.agencies
    ]
    assert with_rows(store, admin, quick) == full
    for g in full.agencies:
        for s in g.indicators:
            alone = working_rows(store, admin, quick, g.agency_id, s.key)
            assert (alone.rows, alone.numerator) == (s.rows, s.numerator), (g.agency, s.key)


def test_rows_asked_for_after_the_store_changed(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    quick = assess(store, admin, YEAR.start, YEAR.end, default_set(), rows=False)
    add_unpublished_2025_decision(store, admin)
    with pytest.raises(Conflict):
        with_rows(store, admin, quick)
    alone = working_rows(store, admin, quick, ids[MARKET], "in_time_rate")
    assert (alone.numerator, alone.denominator) == (4, 5)  # the figure as the store has it now (3 / 4 before)


def test_an_agency_user_reads_the_rows_of_their_agency_only(
    store: Store, admin: Actor, ids: dict[str, int]
) -> None:
    user = make_actor(store, admin, "danwei01", Role.AGENCY, ids[TRANSPORT])
    quick = assess(store, user, YEAR.start, YEAR.end, default_set(), rows=False)
    rows = working_rows(store, user, quick, ids[TRANSPORT], "footage_rate")
    assert [(r.ref, r.counted) for r in rows.rows] == [("交罚〔2025〕3号", True)]
    with pytest.raises(PermissionDenied):
        working_rows(store, user, quick, ids[MARKET], "footage_rate")


def test_a_result_without_rows_is_published_with_them(
    store: Store, admin: Actor, ids: dict[str, int]
) -> None:
    quick = assess(store, admin, YEAR.start, YEAR.end, default_set(), rows=False)
    full = assess(store, admin, YEAR.start, YEAR.end, default_set())
    kept = open_published(store, admin, publish(store, admin, quick)).assessment
    assert [[s.rows for s in g.indicators] for g in kept.agencies] == [
        [s.rows for s in g.indicators] for g in full.agencies
    ]
    market = next(g for g in kept.agencies if g.agency == MARKET)
    in_time = next(s for s in market.indicators if s.key == "in_time_rate")
    assert [(r.ref, r.counted) for r in in_time.rows][:2] == [
        ("市监罚〔2025〕1号", True),
        ("市监罚〔2025〕2号", False),
    ]

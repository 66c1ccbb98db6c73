"""The warning summary counts what the warning centre lists (both databases): on the demo county
(deadlines met late and missed, follow-ups of 处置, reopened 处置, powers, inspections and case
sources, officers without certificates, summary-procedure limits) and on the hand-built report
county, for several as-of days, filing windows, counting periods, one agency and an agency user."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.cases.warning_summary import SQL_CODES, warning_summary
from desktop.core.errors import PermissionDenied
from desktop.core.security import Actor, Role
from desktop.models import Agency
from desktop.models.db import Store
from tests.helpers.report_county import make_report_county
from tests.helpers.stores import DemoTemplate
from tests.helpers.warning_checks import assert_same

TODAY = date(2026, 11, 23)


@pytest.mark.xdist_group("demo")
def test_the_demo_county_counted_as_the_warning_centre_lists_it(
    demo_store: tuple[Store, DemoTemplate],
) -> None:
    store, template = demo_store
    admin = template.admin
    s = assert_same(store, admin, TODAY)
    codes = {t.code for t in s.tallies}
    assert {"single_officer", "decision_overdue", "disposal_follow_up_due"} <= codes  # a mixed store
    assert any(t.handled for t in s.tallies) and any(t.code in SQL_CODES and t.handled for t in s.tallies)
    assert any(w.case_id == 0 for w in s.ruled)  # inspections or case sources
    for as_of in (date(2025, 6, 30), date(2026, 3, 1), date(2026, 10, 8)):
        assert_same(store, admin, as_of)
    assert_same(store, admin, TODAY, filed_to=date(2026, 6, 30))
    assert_same(store, admin, TODAY, filed_from=date(2025, 11, 23), filed_to=date(2026, 10, 31))
    with store.reading() as session:
        agencies = session.execute(select(Agency.id, Agency.name).order_by(Agency.id)).all()
    busiest = max(agencies, key=lambda a: sum(t.total for t in s.of_agency(a.id)))
    assert_same(store, admin, TODAY, agency_id=busiest.id)
    user = Actor(999_999, "danwei", "单位用户", Role.AGENCY, busiest.id, busiest.name)
    mine = assert_same(store, user, TODAY)
    assert {t.agency_id for t in mine.tallies} == {busiest.id}
    assert mine.tallies == s.of_agency(busiest.id)


def test_the_report_county_and_who_may_count(store: Store, admin: Actor) -> None:
    make_report_county(store, admin)
    for as_of in (date(2025, 4, 30), date(2025, 12, 31), date(2026, 2, 1)):
        assert_same(store, admin, as_of)
        assert_same(store, admin, as_of, filed_from=date(2025, 3, 1), filed_to=date(2025, 12, 31))
    nobody = Actor(999_997, "peixun", "培训管理员", Role.TRAINER, None, None)  # no VIEW_CASES
    with pytest.raises(PermissionDenied):
        warning_summary(store, nobody, TODAY)

"""The rows behind the dashboard's exam bar (both databases): an agency's papers graded in the
period, by sitting — the same papers the pass rate counts (by the officer's agency, or the agency
named on a paper without an officer record)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.core.errors import PermissionDenied
from desktop.core.security import Actor, Role
from desktop.models import Agency
from desktop.models.db import Store
from desktop.reports.drill import exam_papers_behind
from tests.helpers.pages import make_actor
from tests.helpers.report_county import MARKET, TRANSPORT, add_kept_data, make_report_county


def test_the_papers_behind_the_pass_rate(store: Store, admin: Actor) -> None:
    make_report_county(store, admin)
    add_kept_data(store, admin)
    with store.reading() as session:
        ids = {n: i for n, i in session.execute(select(Agency.name, Agency.id))}
    year = (date(2025, 1, 1), date(2025, 12, 31))
    market = exam_papers_behind(store, admin, *year, ids[MARKET])
    assert [(b.sitting, b.papers, b.passed) for b in market] == [("2025年资格考试", ("P1", "P2"), 1)]
    transport = exam_papers_behind(store, admin, *year, ids[TRANSPORT])
    assert [(b.papers, b.passed) for b in transport] == [(("P3",), 1)]  # 孙八, named 县交通局; 钱七's in 2026
    assert exam_papers_behind(store, admin, date(2026, 1, 1), date(2026, 12, 31), ids[MARKET]) == ()
    own = make_actor(store, admin, "danwei01", Role.AGENCY, ids[MARKET])
    with pytest.raises(PermissionDenied):
        exam_papers_behind(store, own, *year, ids[MARKET])  # an agency user does not see exam results

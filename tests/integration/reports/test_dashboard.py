"""The dashboard's numbers on the hand-built county (both databases): cases by month and
category, open warnings by agency and code, the overdue trend, certificates by state and
expiring, one agency's view, and the workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from desktop.core.errors import PermissionDenied
from desktop.core.security import Actor, Role
from desktop.models import Agency
from desktop.models.db import Store
from desktop.reports.dashboard import dashboard
from desktop.reports.documents import dashboard_document
from desktop.reports.workbook import write_dashboard
from tests.helpers.pages import make_actor
from tests.helpers.report_county import MARKET, TRANSPORT, make_report_county

START, END = date(2025, 1, 1), date(2025, 12, 31)


@pytest.fixture
def ids(store: Store, admin: Actor) -> dict[str, int]:
    make_report_county(store, admin)
    with store.reading() as session:
        return {r[0]: r[1] for r in session.execute(select(Agency.name, Agency.id))}


def test_the_figures_counted_by_hand(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    doc = dashboard_document(dashboard(store, admin, START, END, as_of=END))
    months = {(i["month"], i["category"]): i["count"] for i in doc["cases_by_month"]}
    assert months == {
        ("2025-01", "行政处罚"): 1,
        ("2025-02", "行政处罚"): 1,
        ("2025-03", "行政处罚"): 1,
        ("2025-05", "行政处罚"): 1,
        ("2025-07", "行政强制"): 1,
        ("2025-08", "行政检查"): 1,
        ("2025-09", "行政处罚"): 1,
    }
    warnings = {(i["agency"], i["code"]): i["count"] for i in doc["open_warnings"]}
    assert warnings == {
        (MARKET, "decision_overdue"): 1,
        (MARKET, "publicity_overdue"): 1,
        (MARKET, "uncertified_officer"): 2,
    }
    trend = {i["month"]: i["count"] for i in doc["overdue_trend"]}
    assert len(trend) == 12 and trend["2025-04"] == 1 and sum(trend.values()) == 1  # empty months too
    certs = {(i["agency"], i["state"]): i["count"] for i in doc["certificates"]}
    assert certs == {(MARKET, "正常"): 1, (MARKET, "过期"): 1, (MARKET, "无证"): 1, (TRANSPORT, "正常"): 2}
    assert doc["certificates_expiring"] == []
    assert doc["campaign_grades"] == []
    assert doc["not_available"] == []
    assert [(i["agency"], i["officers"], i["reached"]) for i in doc["training_hours"]] == [
        (TRANSPORT, 2, 0),
        (MARKET, 3, 0),
    ]
    assert doc["exam_pass_rate"] == [] and doc["footage_unlinked"] == []


def test_one_agency_and_an_agency_user(store: Store, admin: Actor, ids: dict[str, int]) -> None:
    doc = dashboard_document(dashboard(store, admin, START, END, ids[TRANSPORT], as_of=END))
    assert doc["agency"] == TRANSPORT and doc["open_warnings"] == []
    assert sum(i["count"] for i in doc["cases_by_month"]) == 2
    user = make_actor(store, admin, "danwei01", Role.AGENCY, ids[MARKET])
    own = dashboard_document(dashboard(store, user, START, END, as_of=END))
    assert own["agency"] == MARKET and sum(i["count"] for i in own["cases_by_month"]) == 5
    with pytest.raises(PermissionDenied):
        dashboard(store, user, START, END, ids[TRANSPORT])


def test_expiring_certificates_and_the_workbook(
    store: Store, admin: Actor, ids: dict[str, int], tmp_path: Path
) -> None:
    d = dashboard(store, admin, date(2029, 1, 1), date(2029, 12, 1), as_of=date(2029, 12, 1))
    doc = dashboard_document(d)
    assert [(i["officer"], i["expires"]) for i in doc["certificates_expiring"]] == [
        ("赵六", date(2030, 1, 1)),  # by expiry, then agency (交通 before 市场), then name
        ("钱七", date(2030, 1, 1)),
        ("张三", date(2030, 1, 1)),
    ]
    write_dashboard(tmp_path / "d.xlsx", d)
    book = openpyxl.load_workbook(tmp_path / "d.xlsx")
    assert book.sheetnames[0] == "封面" and len(book.sheetnames) == 1 + len(d.tables)

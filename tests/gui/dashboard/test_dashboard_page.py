"""The dashboard page on the hand-built county: the charts hold the service's numbers, values on
hover, a bar of an agency's warnings of a code asks for the warning centre filtered to them, an
agency user sees their agency only, each chart saved as PNG and all the numbers as a workbook;
read through the task runner (the store guard fails a read on the GUI thread)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage
from sqlalchemy import select

from desktop.core.security import Role
from desktop.models import Agency
from desktop.views.common.messages import FakeDialogs
from desktop.views.dashboard.page import DashboardPage
from tests.helpers.pages import make_actor, make_ctx
from tests.helpers.report_county import MARKET, TRANSPORT, make_report_county


@pytest.fixture
def ids(store, admin):  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    with store.reading() as session:
        return {r[0]: r[1] for r in session.execute(select(Agency.name, Agency.id))}


def open_page(qtbot, ctx) -> DashboardPage:  # type: ignore[no-untyped-def]
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.start_edit.setDate(QDate(2025, 1, 1))
    page.end_edit.setDate(QDate(2025, 12, 31))
    page.refresh()
    return page


def test_the_charts_hold_the_numbers_and_click_through(qtbot, store, admin, clock, ids) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, make_ctx(store, admin, clock))
    assert page.data is not None and page.data.period.start == date(2025, 1, 1)
    cases = page.cases_chart
    assert cases.categories == ["2025-01", "2025-02", "2025-03", "2025-05", "2025-07", "2025-08", "2025-09"]
    assert sum(sum(s.values) for s in cases.series) == 7
    warnings = page.warnings_chart
    assert warnings.categories == ["县市场监管局"]
    assert {s.key: s.values for s in warnings.series} == {
        "decision_overdue": (1,),
        "publicity_overdue": (1,),
        "uncertified_officer": (2,),
    }
    assert warnings.tooltip_at(0, "uncertified_officer").endswith(": 2")
    asked = []
    page.filter_requested.connect(lambda area, filters: asked.append((area, filters)))
    warnings.bar_clicked.emit(0, "uncertified_officer")
    assert asked == [("warnings", {"agency_id": ids[MARKET], "code": "uncertified_officer"})]
    assert len(page.overdue_chart.categories) == 12
    assert [s.values for s in page.overdue_chart.series] == [(0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0)]
    certs = {s.key: s.values for s in page.certs_chart.series}
    assert page.certs_chart.categories == ["县交通局", "县市场监管局"]
    assert certs["正常"] == (2, 1) and certs["过期"] == (0, 1)
    assert "Officers reaching the training target (60 hours)" in page.side_text.text()


def test_an_agency_user_sees_their_agency_only(qtbot, store, admin, clock, ids) -> None:  # type: ignore[no-untyped-def]
    user = make_actor(store, admin, "danwei01", Role.AGENCY, ids[TRANSPORT])
    page = open_page(qtbot, make_ctx(store, user, clock))
    assert page.agency_filter.count() == 1 and page.agency_filter.currentData() == ids[TRANSPORT]
    assert page.data is not None and page.data.agency == TRANSPORT
    assert page.warnings_chart.series == [] and page.certs_chart.categories == ["县交通局"]


def test_png_and_workbook(qtbot, store, admin, clock, ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(files=[str(tmp_path / "warnings"), str(tmp_path / "all")])
    page = open_page(qtbot, make_ctx(store, admin, clock, dialogs))
    page.save_chart("warnings")
    image = QImage(str(tmp_path / "warnings.png"))
    assert not image.isNull() and image.width() > 100
    page.export_workbook()
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames[0] == "封面" and len(book.sheetnames) == 10


def test_the_annual_statistics_from_the_window(qtbot, store, admin, clock, ids, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(files=[str(tmp_path / "年报")])
    page = open_page(qtbot, make_ctx(store, admin, clock, dialogs))
    assert page.year_spin.value() == 2025  # the clock's year is 2026: last year's statistics
    page.export_annual()
    book = openpyxl.load_workbook(tmp_path / "年报.xlsx")
    sheet = book["案件情况"]
    assert [c.value for c in sheet[sheet.max_row]][:2] == ["合计", 7]

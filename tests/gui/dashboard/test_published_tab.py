"""Published results in the window: the assessment published from its tab (asked once), listed
with its set version, period, time and publisher; opened with its numbers and their working as
published (the set changed since does not change them); exported to Excel."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate

from desktop.reports.indicators import default_set, set_document
from desktop.reports.sets import save_set
from desktop.views.common.messages import FakeDialogs
from desktop.views.dashboard.page import DashboardPage
from desktop.views.dashboard.result_view import FIXED_COLUMNS
from tests.helpers.pages import make_ctx
from tests.helpers.report_county import MARKET, TRANSPORT, make_report_county


def test_publish_list_open_and_export(qtbot, store, admin, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    dialogs = FakeDialogs(answers=[False, True], files=[str(tmp_path / "已发布")])
    page = DashboardPage(make_ctx(store, admin, clock, dialogs))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    published = page.published
    assert published.list.rowCount() == 0 and "Nothing published yet" in published.count.text()
    tab = page.assessment
    tab.start_edit.setDate(QDate(2025, 1, 1))
    tab.end_edit.setDate(QDate(2025, 12, 31))
    tab.compute()
    tab.publish()  # asked once: declined
    assert published.list.rowCount() == 0
    tab.publish()
    assert dialogs.calls[0][0] == "confirm" and "2025-01-01 to 2025-12-31" in dialogs.calls[0][2]
    assert not tab.publish_button.isEnabled()  # published: not twice
    assert published.list.rowCount() == 1
    cells = [published.list.item(0, c).text() for c in range(published.list.columnCount())]
    assert cells[2:6] == ["系统管理员", "default v1", "2025-01-01 – 2025-12-31", "2"]
    doc = set_document(default_set())
    doc["indicators"][0]["weight"] = "10"
    save_set(store, admin, doc)  # the set changes after publishing
    published.open_current()
    view = published.view
    assert "default v1" in published.heading.text()
    assert [view.table.item(r, 1).text() for r in range(2)] == [TRANSPORT, MARKET]
    assert [view.table.item(r, 2).text() for r in range(2)] == ["87.76", "18.84"]
    keys = [i.key for i in view.result.indicator_set.indicators]  # type: ignore[union-attr]
    view.table.setCurrentCell(1, FIXED_COLUMNS + keys.index("cert_rate"))
    assert "1 / 3 = 33.33%" in view.working.toPlainText()
    published.export_current()
    book = openpyxl.load_workbook(tmp_path / "已发布.xlsx")
    assert book.sheetnames == ["封面", "考核排名", "计算过程", "明细"]

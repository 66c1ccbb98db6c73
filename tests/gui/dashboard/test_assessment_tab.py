"""The assessment tab on the hand-built county: the ranking with each indicator's score, the
working of a cell (numerator, denominator, the rows behind) one click away, data not kept yet
shown as not available, and the Excel export."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate

from desktop.views.common.messages import FakeDialogs
from desktop.views.dashboard.assessment import FIXED_COLUMNS, AssessmentTab
from tests.helpers.pages import make_ctx
from tests.helpers.report_county import MARKET, TRANSPORT, make_report_county


def test_ranking_working_and_export(qtbot, store, admin, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    dialogs = FakeDialogs(files=[str(tmp_path / "考核")])
    tab = AssessmentTab(make_ctx(store, admin, clock, dialogs))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.load_sets()
    assert tab.set_combo.currentText() == "default v1"
    tab.start_edit.setDate(QDate(2025, 1, 1))
    tab.end_edit.setDate(QDate(2025, 12, 31))
    tab.compute()
    table = tab.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == [TRANSPORT, MARKET]
    assert [table.item(r, 2).text() for r in range(table.rowCount())] == ["87.76", "18.84"]
    keys = [i.key for i in tab.result.indicator_set.indicators]  # type: ignore[union-attr]
    cert = FIXED_COLUMNS + keys.index("cert_rate")
    table.setCurrentCell(1, cert)
    text = tab.working.toPlainText()
    assert "1 / 3 = 33.33%" in text and "✓ A001  张三" in text and "✗ —  王五" in text
    litigation = FIXED_COLUMNS + keys.index("litigation_rate")
    assert table.item(0, litigation).text() == "not available"
    assert "not available" in tab.notes.text()
    tab.export()
    book = openpyxl.load_workbook(tmp_path / "考核.xlsx")
    assert book.sheetnames == ["封面", "考核排名", "计算过程", "明细"]

"""The assessment tab computes the figures without the rows behind them (counted in SQL) and reads
a figure's rows when the user chooses it: the rows of a case measure one click away, the whole
working in the workbook, and a note when the store changed since the computation (the workbook
then refused until it is computed again)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate

from desktop.core.errors import Conflict
from desktop.views.common.messages import FakeDialogs
from desktop.views.dashboard.assessment import FIXED_COLUMNS, AssessmentTab
from tests.helpers.pages import make_ctx
from tests.helpers.report_county import MARKET, add_unpublished_2025_decision, make_report_county


def computed(qtbot, store, admin, clock, dialogs: FakeDialogs) -> AssessmentTab:  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    tab = AssessmentTab(make_ctx(store, admin, clock, dialogs))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.load_sets()
    tab.start_edit.setDate(QDate(2025, 1, 1))
    tab.end_edit.setDate(QDate(2025, 12, 31))
    tab.compute()
    return tab


def column(tab: AssessmentTab, key: str) -> int:
    assert tab.result is not None
    return FIXED_COLUMNS + [i.key for i in tab.result.indicator_set.indicators].index(key)


def test_the_rows_behind_a_case_figure_one_click_away(qtbot, store, admin, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tab = computed(qtbot, store, admin, clock, FakeDialogs(files=[str(tmp_path / "考核")]))
    assert tab.result is not None and not tab.result.detailed
    assert all(not s.rows for g in tab.result.agencies for s in g.indicators)
    assert tab.table.item(1, 1).text() == MARKET
    tab.table.setCurrentCell(1, column(tab, "in_time_rate"))
    text = tab.working.toPlainText()
    assert "1 / 2 = 50.00%" in text
    assert "✓ 市监罚〔2025〕1号" in text and "✗ 市监罚〔2025〕2号" in text
    assert "changed" not in text
    tab.export()
    book = openpyxl.load_workbook(tmp_path / "考核.xlsx")
    details = [r for r in book["明细"].iter_rows(values_only=True) if r and r[0] == MARKET]
    assert any(r[2] == "市监罚〔2025〕2号" for r in details)


def test_a_store_changed_since_the_computation(qtbot, store, admin, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs = FakeDialogs(files=[str(tmp_path / "考核")])
    tab = computed(qtbot, store, admin, clock, dialogs)
    add_unpublished_2025_decision(store, admin)
    tab.table.setCurrentCell(1, column(tab, "in_time_rate"))
    text = tab.working.toPlainText()
    assert "1 / 2 = 50.00%" in text and "give 2 / 3 now" in text and "✓ 市监罚〔2025〕9号" in text
    tab.export()
    assert not (tmp_path / "考核.xlsx").exists()
    assert isinstance(dialogs.called("show_error")[-1][0], Conflict)

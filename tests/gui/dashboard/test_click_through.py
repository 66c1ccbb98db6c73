"""Every chart of the dashboard opens the list behind it, in the main window, on the hand-built
county with its training, exam and footage rows (2025): the register filtered to a month and
category, the warning centre, 执法资格 › 执法证 by state and by expiry, the officers without a
certificate, the 培训 tab of an agency's officers below the target, the exam results of the
agency's papers, and the footage library's unlinked files — each list holding what the bar
counts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from sqlalchemy import select

from desktop.models import Agency
from desktop.views.shell.main_window import MainWindow
from tests.helpers.pages import make_ctx
from tests.helpers.report_county import MARKET, TRANSPORT, add_kept_data, make_report_county


@pytest.fixture
def window(qtbot, store, admin, clock):  # type: ignore[no-untyped-def]
    make_report_county(store, admin)
    add_kept_data(store, admin)
    w = MainWindow(make_ctx(store, admin, clock))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    page = w.show_page("dashboard")
    page.start_edit.setDate(QDate(2025, 1, 1))
    page.end_edit.setDate(QDate(2025, 12, 31))
    page.refresh()
    with store.reading() as session:
        w.ids = {n: i for n, i in session.execute(select(Agency.name, Agency.id))}  # type: ignore[attr-defined]
    return w


def rows(page):  # type: ignore[no-untyped-def]
    return [page.model.row_at(n) for n in range(page.model.total)]


def click(window, chart: str, category, series: str):  # type: ignore[no-untyped-def]
    """Click the bar of ``chart`` standing for ``category`` (a month or an agency id)."""
    page = window.show_page("dashboard")
    page.on_bar_clicked(chart, page.keys[chart].index(category), series)
    shown = window.pages[window.current_key()]
    tabs = getattr(shown, "tab_widget", None)  # an area of tabs: the tab brought to the front
    return tabs.currentWidget() if tabs is not None else shown


def test_cases_by_month_and_category_open_the_register(window) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("dashboard")
    chart = page.cases_chart
    month = chart.categories.index("2025-03")
    series = next(s for s in chart.series if s.values[month])
    cases = click(window, "cases", "2025-03", series.key)
    assert window.current_key() == "cases"
    filters = dict(cases.model.query().filters)
    assert filters == {"category": series.key, "filed_from": date(2025, 3, 1), "filed_to": date(2025, 3, 31)}
    assert cases.model.total == series.values[month]


def test_certificates_by_state_expiring_and_without(window) -> None:  # type: ignore[no-untyped-def]
    ids = window.ids
    certs = click(window, "certificates", ids[MARKET], "过期")
    assert window.current_key() == "qualifications"
    assert certs.agency_filter.currentData() == ids[MARKET] and certs.state_filter.currentData() == "expired"
    assert [r.number for r in rows(certs)] == ["A002"]  # 李四's, expired 2025-06-30
    valid = click(window, "certificates", ids[TRANSPORT], "正常")
    assert sorted(r.number for r in rows(valid)) == ["B001", "B002"]
    nobody = click(window, "certificates", ids[MARKET], "无证")
    assert nobody.state_filter.currentData() == "none"
    assert [r.name for r in rows(nobody)] == ["王五"]


def test_training_exams_and_footage(window) -> None:  # type: ignore[no-untyped-def]
    ids = window.ids
    training = click(window, "training", ids[MARKET], "short")
    assert training.agency_filter.currentData() == ids[MARKET] and training.short_box.isChecked()
    assert training.year_spin.value() == 2025
    names = [training.table.item(r, 0).text() for r in range(training.table.rowCount())]
    assert sorted(names) == ["李四", "王五"]  # 张三 reached 65 of 60
    exams = click(window, "exams", ids[MARKET], "passed")
    assert window.current_key() == "exams"
    dialog = exams.results_dialog
    assert dialog is not None
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["P1", "P2"]
    footage = click(window, "footage", ids[MARKET], "unlinked")
    assert window.current_key() == "footage"
    assert dict(footage.model.query().filters) == {
        "unlinked": True,
        "agency_id": ids[MARKET],
        "imported_from": date(2025, 1, 1),
        "imported_to": date(2025, 12, 31),
    }
    assert footage.model.total == 1  # the market bureau's one file not linked, imported in 2025
    assert (
        footage.imported_box.isChecked() and footage.imported_box.text() == "Imported 2025-01-01 – 2025-12-31"
    )
    linked = click(window, "footage", ids[MARKET], "linked")
    assert linked.model.total == 3  # every market file imported in 2025 (two linked, one not)
    linked.imported_box.setChecked(False)  # whenever imported: the third file linked to M6, of 2026
    assert linked.imported is None and linked.model.total == 4


def test_warnings_and_the_overdue_trend(window) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("dashboard")
    asked = []
    page.filter_requested.connect(lambda area, filters: asked.append((area, filters)))
    agency = page.keys["warnings"][0]
    warnings = click(window, "warnings", agency, "uncertified_officer")
    assert asked[-1] == ("warnings", {"agency_id": agency, "code": "uncertified_officer"})
    assert warnings.code_filter.currentData() == "uncertified_officer"
    click(window, "overdue", "2025-04", "decision_overdue")
    assert asked[-1] == ("warnings", {"agency_id": None, "code": "decision_overdue", "state": "all"})


def test_certificates_expiring_by_the_period_end(window) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("dashboard")
    page.end_edit.setDate(QDate(2029, 12, 31))  # three certificates run to 2030-01-01
    page.refresh()
    certs = click(window, "expiring", window.ids[TRANSPORT], "expiring")
    assert certs.expiring_box.isChecked() and certs.expires_by == date(2030, 3, 1)
    assert sorted(r.number for r in rows(certs)) == ["B001", "B002"]
    certs.expiring_box.setChecked(False)  # the user widens it again: every valid one of the agency
    assert certs.expires_by is None and len(rows(certs)) == 2

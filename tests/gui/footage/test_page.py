"""The footage page: stations added and imported with progress, the library with its filter,
linking with suggestions, verifying, and the page in the window."""

from __future__ import annotations

import pytest

from desktop.devices.library import list_footage
from desktop.views.common.messages import FakeDialogs
from desktop.views.footage.page import FootagePage
from tests.helpers.footage import folder_station, footage_county
from tests.helpers.pages import click, column_texts, make_ctx, type_text


@pytest.fixture
def station_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DESK_EVIDENCE_DIR", str(tmp_path / "evidence"))
    folder = tmp_path / "station"
    folder_station(folder, 3)
    return folder


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def page(qtbot, store, admin, clock, station_dir, dialogs):
    footage_county(store, admin)
    page = FootagePage(make_ctx(store, admin, clock, dialogs))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def add_station(qtbot, page: FootagePage, folder) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    dialog = page.stations.new_station()
    type_text(dialog.name_edit, "一号采集站")
    type_text(dialog.location_edit, str(folder))
    click(qtbot, dialog.save_button)
    assert page.stations.table.rowCount() == 1


def test_a_station_is_added_imported_and_its_files_listed(qtbot, page, station_dir, store, admin) -> None:
    assert page.model.rowCount() == 0 and "No footage yet" in page.empty_text()
    add_station(qtbot, page, station_dir)
    page.stations.table.selectRow(0)
    click(qtbot, page.stations.import_button)
    assert "Imported 3, skipped 0" in page.stations.result.text()
    assert page.stations.table.item(0, 4).text().startswith("3 imported")
    assert page.model.rowCount() == 3 and page.count.text() == "Total 3"
    assert sorted(column_texts(page.model, 1)) == ["100001"] * 3
    page.table.selectRow(0)
    assert "SHA-256" in page.detail.text() and "张三" in page.detail.text()


def test_link_with_a_suggestion_then_filter_the_unlinked(qtbot, page, station_dir, store, admin) -> None:
    add_station(qtbot, page, station_dir)
    page.stations.table.selectRow(0)
    click(qtbot, page.stations.import_button)
    page.table.selectRow(0)
    page.link_current()
    dialog = page.dialog
    assert dialog.suggestions.count() == 2
    item = next(
        dialog.suggestions.item(i) for i in range(2) if dialog.suggestions.item(i).text().startswith("SJ-1")
    )
    dialog.on_suggestions_item_clicked(item)
    click(qtbot, dialog.save_button)
    assert [r.case_no for r in list_footage(store, admin).items].count("SJ-1") == 1
    page.filter.setCurrentIndex(1)
    assert page.model.rowCount() == 2


def test_verify_reports_an_intact_folder(qtbot, page, station_dir, dialogs) -> None:
    add_station(qtbot, page, station_dir)
    page.stations.table.selectRow(0)
    click(qtbot, page.stations.import_button)
    page.verify()
    assert dialogs.called("info")[-1][1] == "All 3 stored files are intact."

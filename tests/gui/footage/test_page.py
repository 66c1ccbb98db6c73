"""The footage page: stations added and imported with progress, the library with its filter,
linking with suggestions, verifying, and the page in the window."""

from __future__ import annotations

import gc
import time
from datetime import datetime

import pytest
from PySide6.QtCore import QTimer

from desktop.devices.dto import StationInput
from desktop.devices.library import list_footage
from desktop.devices.station_service import list_stations, save_station
from desktop.views.common.messages import FakeDialogs
from desktop.views.common.tasks import TaskRunner
from desktop.views.footage.page import FootagePage
from tests.helpers.footage import clip_bytes, folder_station, footage_county, recording_name, write_recording
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


FILES = 160


def test_the_gui_thread_never_stalls_during_an_import(
    qtbot, store, admin, clock, tmp_path, monkeypatch
) -> None:
    """A timer beats every 10 ms while a real task runner imports 160 files (64 MB, long enough
    for a few beats on a fast idle machine): no gap over 100 ms."""
    monkeypatch.setenv("DESK_EVIDENCE_DIR", str(tmp_path / "evidence"))
    folder = tmp_path / "big"
    for i in range(FILES):
        start = datetime(2026, 11, 1, 8 + i // 60, i % 60, 0)
        write_recording(folder, recording_name("1", "D1", start, i + 1), clip_bytes(i, 400_000))
    dialogs = FakeDialogs()
    ctx = make_ctx(store, admin, clock, dialogs)
    ctx.tasks = TaskRunner(dialogs)
    try:
        page = FootagePage(ctx)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        save_station(store, admin, StationInput("大站", str(folder)))
        page.stations.show_rows(list_stations(store, admin))
        page.stations.table.selectRow(0)
        beats: list[float] = []
        timer = QTimer(page, interval=10)
        timer.timeout.connect(lambda: beats.append(time.perf_counter()))
        # what earlier tests left in this process is not collected meanwhile: a full collection
        # of it (a test process grows to ≈ 1 GB) is a pause of the test's own, not the page's
        gc.freeze()
        timer.start()
        page.stations.import_now()
        qtbot.waitUntil(lambda: f"Imported {FILES}" in page.stations.result.text(), timeout=120_000)
        timer.stop()
        gaps = [b - a for a, b in zip(beats, beats[1:], strict=False)]
        assert len(beats) > 5 and max(gaps) < 0.1, max(gaps)
    finally:
        gc.unfreeze()
        assert ctx.tasks.shutdown(5_000)


def test_unknown_officer_and_device_numbers_are_mapped_once(qtbot, page, tmp_path, store, admin) -> None:
    folder = tmp_path / "other"
    write_recording(folder, recording_name("999999", "D9", datetime(2026, 11, 2, 9, 0, 0)), clip_bytes(77))
    save_station(store, admin, StationInput("三号采集站", str(folder)))
    page.tabs.setCurrentIndex(1)
    page.stations.refresh()
    page.stations.table.selectRow(0)
    click(qtbot, page.stations.import_button)
    texts = [page.stations.unknown.item(i).text() for i in range(page.stations.unknown.count())]
    assert texts == ["Officer no. 999999 (1 files)", "Device D9 (1 files)"]
    page.stations.unknown.setCurrentRow(0)
    assert page.stations.map_button.text() == "Map to officer…"
    page.stations.map_current()
    dialog = page.stations.map_dialog
    dialog.officer_combo.setCurrentIndex(1)
    click(qtbot, dialog.save_button)
    assert page.stations.unknown.count() == 1
    assert list_footage(store, admin).items[0].officer_name is not None
    page.stations.unknown.setCurrentRow(0)
    assert page.stations.map_button.text() == "Map device to agency…"
    page.stations.map_current()
    dialog = page.stations.map_dialog
    assert dialog.windowTitle() == "Map device D9"
    dialog.officer_combo.setCurrentIndex(1)
    click(qtbot, dialog.save_button)
    assert page.stations.unknown.count() == 0


def test_filters_by_agency_and_dates_and_the_free_space(qtbot, page, station_dir, store, admin) -> None:
    from datetime import date

    from desktop.devices.retention import change_settings

    add_station(qtbot, page, station_dir)
    page.stations.table.selectRow(0)
    click(qtbot, page.stations.import_button)
    page.refresh()
    assert page.agency_filter.count() == 2 and page.model.rowCount() == 3
    page.agency_filter.setCurrentIndex(1)
    assert page.model.rowCount() == 3
    page.date_from.set_value(date(2026, 11, 4))
    assert page.model.rowCount() == 0 and "No file matches" in page.empty_text()
    page.date_from.set_value(date(2026, 11, 3))
    page.date_to.set_value(date(2026, 11, 3))
    assert page.model.rowCount() == 3
    assert "GB free of" in page.space.text() and "below" not in page.space.text()
    change_settings(store, admin, min_free_gb=100_000)
    page.refresh()
    assert "below 100000 GB" in page.space.text()


def test_import_all_stations(qtbot, page, station_dir, tmp_path, store, admin) -> None:
    add_station(qtbot, page, station_dir)
    second = tmp_path / "second"
    write_recording(
        second, recording_name("100002", "DSJ02", datetime(2026, 11, 5, 8, 0, 0)), clip_bytes(901)
    )
    save_station(store, admin, StationInput("二号采集站", str(second)))
    page.stations.refresh()
    click(qtbot, page.stations.import_all_button)
    text = page.stations.result.text()
    assert "一号采集站: Imported 3" in text and "二号采集站: Imported 1" in text
    assert page.model.rowCount() == 4

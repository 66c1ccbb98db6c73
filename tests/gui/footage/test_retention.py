"""The 保留期 / 删除清单 tab: the periods in force, the files due, a list proposed with a reason,
approved (the files deleted) or rejected by another person, and the settings dialog."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.accounts.service import UserInput, authenticate, create_user
from desktop.core.errors import PermissionDenied
from desktop.core.paging import ListQuery
from desktop.devices.deletion import list_deletions, propose_deletion
from desktop.devices.evidence import EvidenceStore
from desktop.devices.importer import import_footage
from desktop.devices.library import list_footage
from desktop.devices.names import compile_pattern
from desktop.devices.retention import footage_settings
from desktop.devices.stations import FolderStation
from desktop.views.common.messages import FakeDialogs
from desktop.views.footage.page import FootagePage
from tests.helpers.footage import clip_bytes, footage_county, recording_name, write_recording
from tests.helpers.pages import click, make_ctx, type_text


@pytest.fixture
def old_files(tmp_path, monkeypatch, store, admin):  # type: ignore[no-untyped-def]
    """Four recordings of 2025 (ordinary ones past 6 months on 2026-11-23), one important."""
    monkeypatch.setenv("DESK_EVIDENCE_DIR", str(tmp_path / "evidence"))
    footage_county(store, admin)
    folder = tmp_path / "old"
    for i in range(4):
        name = recording_name("100001", "DSJ01", datetime(2025, 3, 1 + i, 9, 0, 0), i + 1, important=i == 0)
        write_recording(folder, name, clip_bytes(40 + i))
    import_footage(
        store, admin, FolderStation(folder, compile_pattern(None)), EvidenceStore(tmp_path / "evidence")
    )
    return EvidenceStore(tmp_path / "evidence")


@pytest.fixture
def dialogs():
    return FakeDialogs()


@pytest.fixture
def page(qtbot, store, admin, clock, old_files, dialogs):  # type: ignore[no-untyped-def]
    page = FootagePage(make_ctx(store, admin, clock, dialogs))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.retention)
    page.refresh()
    return page


def test_the_files_due_are_proposed_with_a_reason(qtbot, page, store, admin, dialogs) -> None:
    panel = page.retention
    assert "ordinary 6 months, important 24 months" in panel.periods.text()
    assert panel.due_table.rowCount() == 3 and "3 file(s) may be proposed" in panel.due_caption.text()
    assert panel.due_table.item(0, 5).text() == "2025-09-02"
    click(qtbot, panel.propose_button)
    assert dialogs.called("warn")  # a reason is needed
    type_text(panel.reason_edit, "保存期满")
    click(qtbot, panel.propose_button)
    assert "awaits a supervisor" in dialogs.called("info")[-1][1]
    assert panel.due_table.rowCount() == 0 and panel.lists_table.rowCount() == 1
    assert panel.lists_table.item(0, 1).text() == "Proposed"
    panel.lists_table.selectRow(0)
    assert panel.items_table.rowCount() == 3 and panel.items_table.item(0, 3).text() == "Undecided"
    approve = panel.approve_current()
    click(qtbot, approve.save_button)  # the proposer may not approve
    assert isinstance(dialogs.called("show_error")[-1][0], PermissionDenied)
    assert len(list_footage(store, admin).items) == 4


def test_another_person_approves_and_the_files_are_deleted(qtbot, page, store, admin, old_files) -> None:
    create_user(store, admin, UserInput("caiji", "clerk", agency="县市场监管局"), "Clerk-2026x")
    clerk = authenticate(store, "caiji", "Clerk-2026x")
    propose_deletion(store, clerk, "保存期满", page.ctx.today())
    page.refresh()
    panel = page.retention
    panel.lists_table.selectRow(0)
    assert panel.approve_button.isEnabled()
    dialog = panel.approve_current()
    assert "proposed by caiji" in dialog.notice.text()
    click(qtbot, dialog.save_button)
    assert panel.lists_table.item(0, 1).text() == "Deleted"
    assert panel.lists_table.item(0, 4).text() == "admin" and panel.lists_table.item(0, 7).text() == "3"
    assert page.model.rowCount() == 1  # the library read again
    deleted = list_footage(store, admin, ListQuery(filters=(("deleted", True),), limit=None)).items
    assert len(deleted) == 3 and not any(old_files.has(d.sha256) for d in deleted)
    page.tabs.setCurrentIndex(0)
    page.filter.setCurrentIndex(page.filter.findData("deleted"))
    assert page.model.rowCount() == 3


def test_a_rejection_says_why(qtbot, page, store, admin) -> None:
    create_user(store, admin, UserInput("caiji", "clerk", agency="县市场监管局"), "Clerk-2026x")
    propose_deletion(store, authenticate(store, "caiji", "Clerk-2026x"), "期满", page.ctx.today())
    page.refresh()
    panel = page.retention
    panel.lists_table.selectRow(0)
    dialog = panel.reject_current()
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()  # why is required
    type_text(dialog.note_edit, "涉及投诉")
    click(qtbot, dialog.save_button)
    assert [d.state for d in list_deletions(store, admin)] == ["rejected"]
    assert panel.due_table.rowCount() == 3 and "涉及投诉" in panel.lists_table.item(0, 9).text()


def test_the_settings_dialog_changes_the_periods(qtbot, page, store, admin) -> None:
    panel = page.retention
    dialog = panel.edit_settings()
    dialog.spins["normal_months"].setValue(36)
    dialog.spins["min_free_gb"].setValue(5)
    click(qtbot, dialog.save_button)
    assert footage_settings(store, admin).normal_months == 36
    assert "ordinary 36 months" in panel.periods.text() and panel.due_table.rowCount() == 0

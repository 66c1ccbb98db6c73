"""申领 → 审核 → 发证 in the window (the gate shown as it is typed, 申领 only when it is met, a refusal
in the dialog, 审核 by a supervisor, 发证 after one confirmation) and 执法资格 › 设置 (the next number
previewed as the pattern is typed, a bad pattern said in place of the preview, saved and audited)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop.accounts.audit import list_audit
from desktop.core.paging import ListQuery
from desktop.core.security import Role
from desktop.personnel.applications import apply_for_certificate, list_applications
from desktop.personnel.dto import OfficerInput
from desktop.personnel.qualification_admin import qualification_settings
from desktop.personnel.service import create_officer
from desktop.personnel.training import Attendance, add_attendance
from desktop.views.common.messages import FakeDialogs
from desktop.views.officers.applications_tab import ApplicationsTab
from desktop.views.officers.page import QualificationsPage
from desktop.views.officers.settings_tab import SettingsTab
from tests.helpers.pages import make_actor, make_ctx, resident_id, seed_agencies

NEW_ID = resident_id(41)


@pytest.fixture
def officer(store, admin, clock):
    agencies = seed_agencies(store, admin)
    row = create_officer(store, admin, OfficerInput("孙丽", NEW_ID, agencies[0].id))
    return row.id


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_apply_shows_the_gate_and_applies_only_when_it_is_met(qtbot, store, admin, clock, officer) -> None:
    tab = shown(qtbot, ApplicationsTab(make_ctx(store, admin, clock)))
    tab.refresh()
    assert tab.model.rowCount() == 0
    dialog = tab.start_apply()
    dialog.officer_edit.setText(NEW_ID)
    dialog.read_gate()
    assert "✘ no passed exam" in dialog.gate_label.text() and "0 of 60" in dialog.gate_label.text()
    assert not dialog.apply_button.isEnabled()
    add_attendance(store, admin, [Attendance(officer, "行政执法实务", date(2026, 6, 1), Decimal(60))])
    dialog.exam_edit.setText("县司〔2026〕12号")
    dialog.read_gate()
    assert "✔ training hours in 2026: 60 of 60" in dialog.gate_label.text()
    assert dialog.apply_button.isEnabled()
    dialog.on_buttons_accepted()
    assert not dialog.isVisible()
    assert [(r.officer, r.state) for r in list_applications(store, admin)] == [("孙丽", "applied")]
    assert tab.model.rowCount() == 1


def test_a_supervisor_vets_and_the_certificate_is_issued_after_one_confirmation(
    qtbot, store, admin, clock, officer
) -> None:
    add_attendance(store, admin, [Attendance(officer, "行政执法实务", date(2026, 6, 1), Decimal(60))])
    apply_for_certificate(store, admin, officer, exam_doc="县司〔2026〕12号")
    trainer = make_actor(store, admin, "trainer1", Role.TRAINER)
    as_trainer = shown(qtbot, ApplicationsTab(make_ctx(store, trainer, clock)))
    assert not as_trainer.vet_action.isVisible() and as_trainer.apply_action.isVisible()
    dialogs = FakeDialogs(answers=[True])
    tab = shown(qtbot, ApplicationsTab(make_ctx(store, admin, clock, dialogs)))
    tab.refresh()
    tab.table.selectRow(0)
    assert tab.vet_action.isEnabled() and not tab.issue_action.isEnabled()
    dialog = tab.start_vet()
    dialog.result_combo.setCurrentIndex(1)  # refuse without a reason: refused in the dialog
    dialog.on_buttons_accepted()
    assert dialog.isVisible() and "reason" in dialog.problem.text()
    dialog.result_combo.setCurrentIndex(0)
    dialog.reason_combo.setCurrentText("材料齐全")
    dialog.on_buttons_accepted()
    assert not dialog.isVisible()
    tab.table.selectRow(0)
    assert tab.issue_action.isEnabled()
    tab.issue_current()
    issued = list_applications(store, admin)[0]
    assert issued.state == "issued" and issued.number == "000000202600001"
    assert "孙丽" in dialogs.called("confirm")[0][1]


def test_the_applications_tab_is_in_the_area(qtbot, store, admin, clock, officer) -> None:
    page = shown(qtbot, QualificationsPage(make_ctx(store, admin, clock)))
    assert isinstance(page.show_tab("applications"), ApplicationsTab)
    assert isinstance(page.show_tab("settings"), SettingsTab)


def test_the_settings_preview_the_next_number_and_save(qtbot, store, admin, clock) -> None:
    tab = shown(qtbot, SettingsTab(make_ctx(store, admin, clock)))
    tab.refresh()
    tab.on_preview_timer_timeout()
    assert tab.preview_label.text() == "000000202600001"
    assert not tab.save_button.isEnabled()
    tab.region_edit.setText("341122")
    tab.template_edit.setText("ZF{region:6}-{year:4}-{seq:4}")
    tab.on_text_edited("")
    tab.on_preview_timer_timeout()
    assert tab.preview_label.text() == "ZF341122-2026-0001"
    tab.template_edit.setText("{region:6}{year:4}")
    tab.on_preview_timer_timeout()
    assert "seq" in tab.preview_label.text()
    tab.template_edit.setText("{region:6}{year:4}{seq:5}")
    tab.spins["training_gate"].setValue(40)
    tab.on_save_button_clicked()
    assert "Saved" in tab.message.text()
    settings = qualification_settings(store, admin).settings
    assert (settings.region, settings.training_gate) == ("341122", 40)
    assert list_audit(store, admin, ListQuery(filters=(("entity", "qualification_settings"),))).total == 1


def test_a_role_that_may_not_manage_certificates_reads_only(qtbot, store, admin, clock) -> None:
    clerk = make_actor(store, admin, "reader1", Role.REVIEWER)
    tab = shown(qtbot, SettingsTab(make_ctx(store, clerk, clock)))
    tab.refresh()
    assert tab.template_edit.isReadOnly() and not tab.save_button.isVisible()
    assert tab.read_only_note.isVisible()


def test_the_certificates_tab_applies_too(qtbot, store, admin, clock, officer) -> None:
    add_attendance(store, admin, [Attendance(officer, "行政执法实务", date(2026, 6, 1), Decimal(60))])
    page = shown(qtbot, QualificationsPage(make_ctx(store, admin, clock)))
    tab = page.show_tab("certificates")
    assert tab.apply_action.isVisible()
    dialog = tab.start_apply()
    dialog.officer_edit.setText(NEW_ID)
    dialog.exam_edit.setText("县司〔2026〕12号")
    dialog.read_gate()
    assert dialog.apply_button.isEnabled()
    dialog.on_buttons_accepted()
    assert not dialog.isVisible()
    assert [r.state for r in list_applications(store, admin)] == ["applied"]

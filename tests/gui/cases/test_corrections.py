"""Correcting the register from the case page: 编辑案件 opens the new-case form filled in, a recorded
stage's 更正 and 撤回 on the timeline — each with a reason, a withdrawal confirmed once — and
users who may not correct see the actions disabled with the reason."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog

from desktop.accounts.audit import list_audit
from desktop.cases.dto import CaseInput, StageInput
from desktop.cases.entry import create_case
from desktop.cases.stages import record_stage
from desktop.core.paging import ListQuery
from desktop.core.security import Role
from desktop.views.cases.correction_dialog import StageCorrectionDialog
from desktop.views.cases.edit_case_dialog import EditCaseDialog
from desktop.views.cases.page import CasesPage
from tests.helpers.pages import (
    click,
    column_texts,
    make_actor,
    make_ctx,
    seed_agencies,
    seed_officers,
    type_text,
)

CASE_NO = "示市监罚〔2026〕301号"


@pytest.fixture
def agencies(store, admin, clock):
    rows = seed_agencies(store, admin)
    seed_officers(store, admin, rows, clock.today())
    return rows


@pytest.fixture
def served(store, admin, agencies):
    """A penalty decided on 2026-10-09 and served on 2026-10-12."""
    data = CaseInput(
        CASE_NO,
        agencies[0].id,
        "行政处罚",
        "销售超过保质期的食品",
        "示范县好又多超市",
        date(2026, 9, 1),
        ("张伟", "李娜"),
        "普通程序",
        party_type="法人",
    )
    case = create_case(store, admin, data)
    case = record_stage(store, admin, case.id, case.version, StageInput("decided", date(2026, 10, 9)))
    return record_stage(store, admin, case.id, case.version, StageInput("served", date(2026, 10, 12)))


def open_page(qtbot, ctx) -> CasesPage:
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    page.table.select_row(column_texts(page.model, 0).index(CASE_NO))
    return page


def test_edit_correct_and_withdraw_from_the_case_page(qtbot, store, admin, clock, served):
    page = open_page(qtbot, make_ctx(store, admin, clock))
    assert page.detail.edit_button.isEnabled()

    # 编辑案件: the new-case form, filled in; 保存 waits for the reason
    click(qtbot, page.detail.edit_button)
    dialog = page.dialog
    assert isinstance(dialog, EditCaseDialog) and CASE_NO in dialog.windowTitle()
    assert dialog.case_no_edit.text() == CASE_NO and dialog.party_edit.text() == "示范县好又多超市"
    assert len(dialog.chosen_officers()) == 2
    assert not dialog.marks.widget("dossier").isVisibleTo(dialog)
    assert not dialog.save_button.isEnabled() and "Reason" in dialog.pending.text()
    dialog.party_edit.selectAll()
    type_text(dialog.party_edit, "示范县好又多超市有限公司")
    dialog.amount_spin.setValue(3000)
    type_text(dialog.reason_edit, "当事人名称以营业执照为准")
    assert dialog.save_button.isEnabled()
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.current_case().party == "示范县好又多超市有限公司"
    assert page.detail.text_of("amount") == "3,000.00"
    record = list_audit(store, admin, ListQuery(filters=(("action", "update"),))).items[0]
    assert record.after["reason"] == "当事人名称以营业执照为准"
    assert record.before["party"] == "示范县好又多超市"

    # 更正 the service date: out of order is marked, then saved
    timeline = page.detail.timeline
    assert timeline.dates["served"].text() == "2026-10-12"
    assert not timeline.withdraw_actions["decided"].isEnabled()
    assert "Served" in timeline.withdraw_actions["decided"].toolTip()
    assert not timeline.withdraw_actions["filed"].isEnabled()
    assert timeline.correction_buttons["served"].menu().actions() == [
        timeline.correct_actions["served"],
        timeline.withdraw_actions["served"],
    ]
    timeline.correct_actions["served"].trigger()
    fix = page.dialog
    assert isinstance(fix, StageCorrectionDialog) and fix.date_edit.date() == QDate(2026, 10, 12)
    fix.date_edit.setDate(QDate(2026, 10, 1))
    assert "cannot be before" in fix.marks.message("on")
    fix.date_edit.setDate(QDate(2026, 10, 13))
    assert not fix.save_button.isEnabled()
    type_text(fix.reason_edit, "送达回证日期为13日")
    click(qtbot, fix.save_button)
    assert fix.result() == QDialog.DialogCode.Accepted
    assert page.detail.timeline.dates["served"].text() == "2026-10-13"

    # 撤回 the service: asked once, then the warning is back
    assert "Service overdue" not in "\n".join(page.detail.warning_texts())
    page.detail.timeline.withdraw_actions["served"].trigger()
    withdraw = page.dialog
    assert isinstance(withdraw, StageCorrectionDialog) and withdraw.save_button.text() == "Withdraw"
    type_text(withdraw.reason_edit, "送达回证未签收，误录")
    page.ctx.dialogs.answers.append(False)  # not now: nothing happens
    click(qtbot, withdraw.save_button)
    assert withdraw.result() != QDialog.DialogCode.Accepted
    page.ctx.dialogs.answers.append(True)
    click(qtbot, withdraw.save_button)
    assert withdraw.result() == QDialog.DialogCode.Accepted
    title, text, ok = page.ctx.dialogs.called("confirm")[-1]
    assert CASE_NO in text and "Served" in text and ok == "Withdraw"
    assert page.detail.timeline.dates["served"].text() == "—"
    assert "served" not in page.detail.timeline.correction_buttons
    assert "Service overdue" in "\n".join(page.detail.warning_texts())
    assert page.current_case().stage == "decided"


def test_f2_on_the_register_opens_the_edit_form(qtbot, store, admin, clock, served):
    page = open_page(qtbot, make_ctx(store, admin, clock))
    edit = next(a for a in page.table.actions() if a.text() == "Edit case…")
    assert edit.shortcut().toString() == "F2"
    edit.trigger()  # what F2 does with the register focused
    assert isinstance(page.dialog, EditCaseDialog)
    texts = [a.text() for a in page.table.row_menu().actions() if not a.isSeparator()]
    assert texts[0] == "Edit case…"


def test_a_stale_edit_offers_to_reload(qtbot, store, admin, clock, served):
    page = open_page(qtbot, make_ctx(store, admin, clock))
    dialog = page.edit_case(page.current_case())
    record_stage(store, admin, served.id, served.version, StageInput("published", date(2026, 10, 15)))
    type_text(dialog.reason_edit, "更正")
    page.ctx.dialogs.answers.append(True)  # reload
    click(qtbot, dialog.save_button)
    assert page.ctx.dialogs.called("ask_reload")
    assert "Reloaded" in dialog.notice.text() and dialog.case.dates["published_on"] == date(2026, 10, 15)


def test_users_who_may_not_correct_see_the_actions_disabled_with_the_reason(
    qtbot, store, admin, clock, agencies, served
):
    viewer = make_actor(store, admin, "viewer", Role.AGENCY, agencies[0].id)
    page = open_page(qtbot, make_ctx(store, viewer, clock))
    assert not page.detail.edit_button.isEnabled()
    assert "supervisor" in page.detail.edit_button.toolTip()
    correct = page.detail.timeline.correction_buttons["served"]
    assert not correct.isEnabled() and "supervisor" in correct.toolTip()
    assert page.edit_case(page.current_case()) is None


def test_recording_a_recorded_stage_again_keeps_its_date(qtbot, store, admin, clock, served):
    """Another date for a recorded stage is a correction, with a reason: the record dialog says so."""
    page = open_page(qtbot, make_ctx(store, admin, clock))
    dialog = page.record_current()
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("served"))
    assert dialog.date_edit.date() == QDate(2026, 10, 12) and not dialog.marks.is_marked("on")
    dialog.date_edit.setDate(QDate(2026, 10, 14))
    assert "already recorded on 2026-10-12" in dialog.marks.message("on")
    assert not dialog.save_button.isEnabled()


def test_withdrawing_the_review_of_a_major_decision_is_marked_as_typed(qtbot, store, admin, clock, agencies):
    data = CaseInput(
        CASE_NO,
        agencies[0].id,
        "行政处罚",
        "销售超过保质期的食品",
        "示范县好又多超市",
        date(2026, 9, 1),
        ("张伟", "李娜"),
        "普通程序",
        major=True,
        legal_review_on=date(2026, 9, 20),
        decided_on=date(2026, 9, 25),
    )
    create_case(store, admin, data)
    page = open_page(qtbot, make_ctx(store, admin, clock))
    page.detail.timeline.withdraw_actions["legal_review"].trigger()
    dialog = page.dialog
    type_text(dialog.reason_edit, "误录")
    assert "legal review" in dialog.marks.message("reason") and not dialog.save_button.isEnabled()
    page.detail.timeline.correct_actions["legal_review"].trigger()
    fix = page.dialog
    fix.date_edit.setDate(QDate(2026, 9, 26))
    assert "legal review" in fix.marks.message("on")

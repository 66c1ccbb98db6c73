"""The warning centre at scale and its 处置: red first then newest, counts without zeros, the
说明 in full on hover, 处置 of several selected warnings with a kind, a follow-up date and an
attachment (opened from the detail), the follow-up warning once its date has passed, and
重新打开 with a reason (supervisors only)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from desktop.accounts.audit import list_audit
from desktop.cases.dto import CaseInput
from desktop.cases.entry import create_case
from desktop.core.paging import ListQuery
from desktop.core.security import Role
from desktop.views.common.messages import FakeDialogs
from desktop.views.warnings.page import WarningsPage
from tests.helpers.pages import click, make_actor, make_ctx, seed_agencies, seed_officers, type_text

HANDLING, DETAILS = 5, 6


@pytest.fixture
def agencies(store, admin, clock):
    rows = seed_agencies(store, admin)
    seed_officers(store, admin, rows, clock.today())
    return rows


@pytest.fixture
def cases(store, admin, clock, agencies) -> dict[str, int]:
    """1号 decision overdue (due about a month ago); 2号 and 4号 one officer (filed 10 and 40
    days ago); 3号 decision due soon (yellow)."""
    today = clock.today()

    def case(no: str, officers: tuple[str, ...], days_ago: int) -> int:
        data = CaseInput(
            no,
            agencies[0].id,
            "行政处罚",
            "未按规定明码标价",
            "城关镇惠民超市",
            today - timedelta(days=days_ago),
            officers,
            procedure="普通程序",
        )
        return create_case(store, admin, data).id

    return {
        "1": case("市监罚〔2026〕1号", ("张伟", "李娜"), 120),
        "2": case("市监罚〔2026〕2号", ("张伟",), 10),
        "3": case("市监罚〔2026〕3号", ("张伟", "李娜"), 80),
        "4": case("市监罚〔2026〕4号", ("张伟",), 40),
    }


def open_page(qtbot, ctx) -> WarningsPage:
    page = WarningsPage(ctx)
    page.set_scope("cases")  # the register's warnings (the officers' are tested in test_officer_warnings)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def page(qtbot, store, admin, clock, cases, dialogs):
    return open_page(qtbot, make_ctx(store, admin, clock, dialogs))


def rows_of(page: WarningsPage) -> list[tuple[str, str]]:
    return [(row.case_no, row.code) for row in (page.model.row_at(n) for n in range(page.model.rowCount()))]


def select_rows(page: WarningsPage, numbers: list[int]) -> None:
    selection = page.table.selectionModel()
    page.table.select_row(numbers[0])
    for n in numbers[1:]:
        selection.select(
            page.model.index(n, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_red_first_then_newest_and_the_details_in_full_on_hover(page):
    assert rows_of(page) == [
        ("市监罚〔2026〕2号", "single_officer"),  # filed 10 days ago
        ("市监罚〔2026〕1号", "decision_overdue"),  # due about 30 days ago
        ("市监罚〔2026〕4号", "single_officer"),  # filed 40 days ago
        ("市监罚〔2026〕3号", "decision_due_soon"),  # yellow last
    ]
    model = page.model
    index = model.index(1, DETAILS)
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == model.data(index)
    assert model.data(index).startswith("Not decided; the decision was due on ")
    short = model.index(0, DETAILS)  # a short text too: the column may be narrower than it
    assert model.data(short, Qt.ItemDataRole.ToolTipRole) == model.data(short)
    assert page.table.horizontalHeader().stretchLastSection()
    assert page.model.columns[-1].key == "message"


def test_counts_show_only_what_is_not_zero(qtbot, page, agencies, cases):
    grid, a = page.grid, agencies[0].id
    assert grid.text_at(a, "single_officer") == "Red 2"
    assert grid.text_at(a, "decision_due_soon") == "Yellow 1"
    assert grid.text_at(a, "seizure_overdue") == "" and grid.text_at(None, "disposal_follow_up_due") == ""
    assert grid.text_at(None, None) == "Red 4"  # the worst level with every open one
    select_rows(page, [0, 2])  # both single_officer warnings
    dialog = page.handle_current()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("约谈"))
    type_text(dialog.note_edit, "已约谈")
    with qtbot.waitSignal(page.warning_handled):
        click(qtbot, dialog.save_button)
    assert grid.text_at(a, "single_officer") == "(2)"
    assert grid.text_at(a, None) == "Red 2 (2)"  # 1号 and 3号 still open
    headers = [grid.table.horizontalHeaderItem(c).text() for c in range(grid.table.columnCount())]
    assert "Follow-up due" in headers


def test_several_selected_warnings_are_handled_at_once_with_kind_follow_up_and_attachment(
    qtbot, page, store, admin, cases, dialogs, tmp_path
):
    select_rows(page, [0, 1, 2])
    assert page.handle_action.text() == "Mark 3 handled…"
    dialog = page.handle_current()
    assert dialog.windowTitle() == "Handle 3 warnings"
    assert dialog.values["count"].text() == "3 warnings of 3 cases"
    assert [dialog.kind_combo.itemText(i) for i in range(1, dialog.kind_combo.count())] == [
        "约谈",
        "责令整改",
        "通报",
        "移送",
        "其他",
    ]
    click(qtbot, dialog.save_button)
    assert dialog.marks.message("kind") == "Choose the kind of handling."
    assert dialog.marks.message("note") == "Say what was done about this warning."
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("责令整改"))
    type_text(dialog.note_edit, "责令三个案件限期整改。")
    dialog.follow_up_edit.set_value(date(2026, 11, 30))
    scan = tmp_path / "整改通知书.pdf"
    scan.write_bytes(b"%PDF-1.4 notice")
    dialogs.files.append(str(scan))
    click(qtbot, dialog.choose_button)
    assert dialog.attachment_label.text() == "整改通知书.pdf"
    with qtbot.waitSignal(page.warning_handled):
        click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(dialog.rows_handled) == 3
    assert rows_of(page) == [("市监罚〔2026〕3号", "decision_due_soon")]
    records = list_audit(store, admin, ListQuery(filters=(("action", "handle_warning"),))).items
    assert len(records) == 3
    sha = hashlib.sha256(b"%PDF-1.4 notice").hexdigest()
    assert all(r.after["attachment"] == {"name": "整改通知书.pdf", "sha256": sha} for r in records)
    page.set_filters(state="handled")
    page.table.select_row(0)
    text = page.model.data(page.model.index(0, HANDLING))
    assert text.startswith("责令整改 · 系统管理员 ") and text.endswith("(follow up by 2026-11-30)")
    assert page.detail.attachment_button.isVisibleTo(page.detail)
    assert sha in page.detail.text_of("attachment")
    opened = []
    page.url_opener = lambda url: opened.append(url) or True
    page.detail.attachment_button.click()
    assert len(opened) == 1
    with open(opened[0].toLocalFile(), "rb") as f:
        assert f.read() == b"%PDF-1.4 notice"


def test_a_passed_follow_up_shows_as_its_own_warning(qtbot, store, admin, clock, cases):
    ctx = make_ctx(store, admin, clock)
    page = open_page(qtbot, ctx)
    page.table.select_row(rows_of(page).index(("市监罚〔2026〕2号", "single_officer")))
    dialog = page.handle_current()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("约谈"))
    type_text(dialog.note_edit, "约谈，补派执法人员")
    dialog.follow_up_edit.set_value(date(2026, 11, 24))
    with qtbot.waitSignal(page.warning_handled):
        click(qtbot, dialog.save_button)
    ctx.as_of = date(2026, 11, 25)
    page.refresh()
    assert ("市监罚〔2026〕2号", "disposal_follow_up_due") in rows_of(page)
    assert page.grid.text_at(None, "disposal_follow_up_due") == "Red 1"
    page.code_filter.setCurrentIndex(page.code_filter.findData("disposal_follow_up_due"))
    page.table.select_row(0)
    assert page.detail.heading.text() == "Red · Follow-up of a handling due"
    assert page.detail.text_of("due") == "2026-11-24"


def test_a_supervisor_reopens_a_handling_with_a_reason(qtbot, page, store, admin, clock, cases):
    page.table.select_row(0)
    assert not page.reopen_action.isEnabled()
    dialog = page.handle_current()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("约谈"))
    type_text(dialog.note_edit, "已约谈")
    with qtbot.waitSignal(page.warning_handled):
        click(qtbot, dialog.save_button)
    page.set_filters(state="all")
    page.table.select_row(rows_of(page).index(("市监罚〔2026〕2号", "single_officer")))
    assert page.current_warning().handled and page.reopen_action.isEnabled()
    assert page.detail.reopen_button.isVisibleTo(page.detail)
    reopen = page.reopen_current()
    assert reopen.save_button.text() == "Reopen"
    click(qtbot, reopen.save_button)
    assert reopen.marks.message("reason") == "Say why the handling is reopened."
    type_text(reopen.reason_edit, "约谈记录不全")
    with qtbot.waitSignal(page.warning_handled):
        click(qtbot, reopen.save_button)
    row = page.current_warning()
    assert (row.case_no, row.handled, row.reopened_by) == ("市监罚〔2026〕2号", False, "admin")
    assert "约谈记录不全" in page.detail.text_of("handled") and "已约谈" in page.detail.text_of("handled")
    assert row.reopened_by_name == "系统管理员"  # who reopened it, by name
    assert page.detail.text_of("handled").count("系统管理员") == 2  # who handled it, who reopened it
    assert not page.reopen_action.isEnabled()
    record = list_audit(store, admin, ListQuery(filters=(("action", "reopen_warning"),))).items[0]
    assert record.after == {"code": "single_officer", "reason": "约谈记录不全"}
    page.set_filters(state="open")
    assert ("市监罚〔2026〕2号", "single_officer") in rows_of(page)
    reviewer = make_actor(store, admin, "pingcha", Role.REVIEWER)
    other = open_page(qtbot, make_ctx(store, reviewer, clock))
    other.set_filters(state="all")
    other.table.select_row(0)
    assert not other.reopen_action.isEnabled() and other.reopen_current() is None
    assert not other.detail.reopen_button.isVisibleTo(other.detail)

"""The accounts page: who may log in, new accounts with their checks, changes, password resets."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop.accounts.service import UserInput, authenticate, list_users, update_user
from desktop.core.errors import AuthenticationFailed
from desktop.core.security import Role
from desktop.views.accounts.users.page import UsersPage
from tests.helpers.pages import (
    click,
    column_texts,
    make_actor,
    make_ctx,
    seed_agencies,
    type_text,
)

NAME, DISPLAY, ROLE, AGENCY, STATUS = 0, 1, 2, 3, 4


@pytest.fixture
def agencies(store, admin):
    return seed_agencies(store, admin)


@pytest.fixture
def page(qtbot, store, admin, clock, agencies):
    make_actor(store, admin, "caiji", Role.CLERK, agencies[0].id)
    page = UsersPage(make_ctx(store, admin, clock))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def row_of(page: UsersPage, name: str) -> int:
    return column_texts(page.model, NAME).index(name)


def cell(page: UsersPage, name: str, column: int) -> str:
    return page.model.data(page.model.index(row_of(page, name), column))


def new_account(qtbot, page: UsersPage, name: str, role: Role, agency: int | None = None):
    dialog = page.new_account()
    type_text(dialog.name_edit, name)
    type_text(dialog.display_edit, "张三")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(role.value))
    dialog.agency_combo.setCurrentIndex(dialog.agency_combo.findData(agency))
    type_text(dialog.password_edit, "Start-2026")
    type_text(dialog.again_edit, "Start-2026")
    return dialog


def test_the_table_shows_accounts_with_roles_agencies_and_state(page, store, agencies):
    assert page.count.text() == "Total 2"
    assert cell(page, "admin", ROLE) == "Administrator"
    assert cell(page, "caiji", ROLE) == "Evidence clerk"
    assert cell(page, "caiji", AGENCY) == agencies[0].name
    assert cell(page, "caiji", STATUS) == "Active"
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            authenticate(store, "caiji", "wrong-pass-1")
    page.refresh()
    assert cell(page, "caiji", STATUS).startswith("Locked until 2026-11-23")


def test_a_new_account_is_created_through_the_dialog(qtbot, page, store, admin, agencies):
    dialog = new_account(qtbot, page, "zhangsan", Role.AGENCY, agencies[1].id)
    assert dialog.marks.marked() == {}
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.count.text() == "Total 3"
    assert page.current_account().name == "zhangsan"
    assert cell(page, "zhangsan", AGENCY) == agencies[1].name
    assert authenticate(store, "zhangsan", "Start-2026").role == Role.AGENCY


def test_a_clerk_without_an_agency_is_refused_with_the_agency_marked(qtbot, page, store, admin):
    dialog = new_account(qtbot, page, "lisi", Role.REVIEWER)
    index = dialog.role_combo.findData(Role.CLERK.value)
    dialog.role_combo.setCurrentIndex(index)
    dialog.role_combo.activated.emit(index)  # as when the user picks it
    assert dialog.marks.message("agency") == "Role Evidence clerk needs an agency."
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert list_users(store, admin).total == 2


def test_names_and_passwords_are_checked_as_typed(qtbot, page):
    dialog = page.new_account()
    type_text(dialog.name_edit, "zhang san")
    type_text(dialog.password_edit, "short")
    type_text(dialog.again_edit, "shorter")
    assert dialog.marks.marked() == {
        "name": "A user name is 1 to 64 characters without spaces.",
        "password": "The password must have at least 10 characters.",
        "password_again": "The two passwords differ.",
    }


def test_a_taken_name_is_marked_by_the_service(qtbot, page):
    dialog = new_account(qtbot, page, "caiji", Role.REVIEWER)
    click(qtbot, dialog.save_button)
    assert dialog.isVisible()
    assert dialog.marks.message("name") == "An account named caiji already exists."


def test_an_account_is_changed_and_disabled(qtbot, page, store):
    page.table.select_row(row_of(page, "caiji"))
    dialog = page.edit_current()
    assert dialog.name_edit.text() == "caiji" and not dialog.name_edit.isEnabled()
    dialog.display_edit.setText("刘采集")
    dialog.active_check.setChecked(False)
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert cell(page, "caiji", DISPLAY) == "刘采集"
    assert cell(page, "caiji", STATUS) == "Disabled"
    with pytest.raises(AuthenticationFailed):
        authenticate(store, "caiji", "Pass-2026!")


def test_a_password_reset_asks_twice_and_confirms_naming_the_account(qtbot, page, store):
    page.table.select_row(row_of(page, "caiji"))
    dialog = page.reset_current()
    type_text(dialog.password_edit, "Fresh-2026")
    type_text(dialog.again_edit, "Fresh-2025")
    click(qtbot, dialog.save_button)
    assert dialog.marks.message("password_again") == "The two passwords differ."
    assert page.ctx.dialogs.called("confirm") == []
    dialog.again_edit.clear()
    type_text(dialog.again_edit, "Fresh-2026")
    page.ctx.dialogs.answers.append(True)
    click(qtbot, dialog.save_button)
    ((_title, text, ok),) = page.ctx.dialogs.called("confirm")
    assert "caiji" in text and ok == "Reset password"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert authenticate(store, "caiji", "Fresh-2026").name == "caiji"
    assert "caiji has a new password" in page.ctx.dialogs.called("info")[0][1]


def test_an_account_changed_elsewhere_is_reloaded_on_request(qtbot, page, store, admin):
    page.table.select_row(row_of(page, "caiji"))
    dialog = page.edit_current()
    row = page.current_account()
    other = make_actor(store, admin, "guanli", Role.ADMIN)
    update_user(store, other, row.id, row.version, UserInput("caiji", Role.CLERK, "刘采集", row.agency_id))
    page.ctx.dialogs.answers.append(True)  # "Reload"
    dialog.display_edit.setText("小刘")
    click(qtbot, dialog.save_button)
    ((_title, text),) = page.ctx.dialogs.called("ask_reload")
    assert text.startswith("Changed by guanli at ")
    assert dialog.display_edit.text() == "刘采集" and "changed by guanli" in dialog.notice.text()

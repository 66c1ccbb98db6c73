"""用户: the accounts of the store — who may log in, with which role and agency (administrators)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.accounts.service import UserRow, list_users
from desktop.context import AppContext
from desktop.core.clock import parse_utc_iso
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission, Role
from desktop.personnel.service import list_agencies
from desktop.views.accounts.users.dialog import AccountDialog, PasswordDialog, role_title
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import local_time, reload_keeping
from desktop.views.common.widgets import RANK_NEW


@dataclass(frozen=True)
class AccountLine:
    """An account as the table shows it: the service's row and its state in words."""

    user: UserRow
    status: str
    tone: str | None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "user":
            raise AttributeError(name)
        return getattr(self.user, name)


class UsersPage(ListPage):
    """The accounts table; new account, edit, reset password (needs ``Permission.MANAGE_USERS``)."""

    account_saved = Signal(object)
    kinds = frozenset({"users", "agencies"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Users"),
            search_placeholder=self.tr("Search user name or display name (Ctrl+F)"),
        )
        self.can_manage = ctx.user.can(Permission.MANAGE_USERS)
        self.role_filter = self._role_filter()
        self.set_up_table("users", self._columns())
        self._add_actions()
        self.lay_out(self.table)
        self._connect()
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("name", self.tr("User name"), "name", width=120),
            ColumnSpec("display_name", self.tr("Display name"), "display_name", width=120),
            ColumnSpec("role", self.tr("Role"), "role", width=140, format=role_title),
            ColumnSpec(
                "agency_name",
                self.tr("Agency"),
                "agency",
                width=240,
                format=lambda name: name or self.tr("Whole county"),
            ),
            ColumnSpec("status", self.tr("Status"), None, width=190, tone=lambda line: line.tone),
            ColumnSpec(
                "last_login_at",
                self.tr("Last login"),
                "last_login_at",
                width=140,
                format=lambda when: local_time(when) or self.tr("Never"),
            ),
        ]

    def _role_filter(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("roleFilter")
        combo.setToolTip(self.tr("Role"))
        combo.addItem(self.tr("All roles"), None)
        for role in Role:
            combo.addItem(role_title(role), role.value)
        self.header.add_filter(combo)
        return combo

    def _add_actions(self) -> None:
        h = self.header
        self.new_action = h.add_new_action(self.new_account, self.tr("New account"))
        self.edit_action = h.add_action(self.tr("Edit"), self.edit_current, rank=RANK_NEW + 1)
        self.reset_action = h.add_action(self.tr("Reset password"), self.reset_current, rank=RANK_NEW + 2)
        self.add_refresh_action(self.tr("Refresh"))
        for action in (self.new_action, self.edit_action, self.reset_action):
            action.setVisible(self.can_manage)
        self.table.add_row_action(self.tr("Edit…"), self.edit_account)
        self.table.add_row_action(self.tr("Reset password…"), self.reset_password)

    def _connect(self) -> None:
        self.role_filter.currentIndexChanged.connect(self.on_role_filter_current_index_changed)
        self.table.row_activated.connect(self.on_table_row_activated)

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[AccountLine]:
        """One page of accounts, each with its state in words."""
        page = list_users(self.ctx.store, self.ctx.user, query)
        return Page(tuple(self._line(u) for u in page.items), page.total)

    def current_account(self) -> UserRow | None:
        """The account of the current row."""
        line = self.table.current_row()
        return line.user if line is not None else None

    def new_account(self) -> AccountDialog | None:
        """Open the dialog for a new account (it returns at once)."""
        if not self.can_manage:
            return None
        return self._with_agencies(lambda agencies: AccountDialog(self.ctx, agencies, None, self))

    def edit_current(self) -> AccountDialog | None:
        """Open the dialog for the current account."""
        row = self.current_account()
        return self.edit_account(row) if row is not None else None

    def edit_account(self, row: UserRow | AccountLine) -> AccountDialog | None:
        """Open the dialog for ``row``."""
        if not self.can_manage:
            return None
        user = row.user if isinstance(row, AccountLine) else row
        return self._with_agencies(lambda agencies: AccountDialog(self.ctx, agencies, user, self))

    def reset_current(self) -> PasswordDialog | None:
        """Ask for a new password for the current account."""
        row = self.current_account()
        return self.reset_password(row) if row is not None else None

    def reset_password(self, row: UserRow | AccountLine) -> PasswordDialog | None:
        """Ask for a new password for ``row`` (twice), then confirm naming the account."""
        if not self.can_manage:
            return None
        user = row.user if isinstance(row, AccountLine) else row
        dialog = PasswordDialog(self.ctx, user, self)
        dialog.password_reset.connect(self.on_dialog_password_reset)
        return self._open(dialog)

    # -- slots --------------------------------------------------------------------------------

    def on_role_filter_current_index_changed(self, _index: int) -> None:
        """Show only the chosen role."""
        role = self.role_filter.currentData()
        self.model.set_filters((("role", role),) if role else ())

    def on_table_current_row_changed(self, line: AccountLine | None) -> None:
        """Edit and reset need a current row."""
        for action in (self.edit_action, self.reset_action):
            action.setEnabled(self.can_manage and line is not None)

    def on_table_row_activated(self, line: AccountLine | None) -> None:
        """Double-click or Enter opens the account."""
        if line is not None:
            self.edit_account(line)

    def on_dialog_account_saved(self, row: UserRow) -> None:
        """A saved account: show the table again with it current."""
        reload_keeping(self.table, self.model, row.id)
        self.account_saved.emit(row)

    def on_dialog_password_reset(self, row: UserRow) -> None:
        """Say that the password changed."""
        self.refresh()
        self.ctx.dialogs.info(
            self,
            self.tr("Reset password"),
            self.tr("{name} has a new password; any lock is lifted.").format(name=row.name),
        )

    # -- helpers ------------------------------------------------------------------------------

    def _line(self, user: UserRow) -> AccountLine:
        if not user.active:
            return AccountLine(user, self.tr("Disabled"), None)
        if user.locked_until and parse_utc_iso(user.locked_until) > self.ctx.clock.now():
            return AccountLine(
                user, self.tr("Locked until {time}").format(time=local_time(user.locked_until)), "red"
            )
        return AccountLine(user, self.tr("Active"), None)

    def _with_agencies(self, make: Callable[[list[tuple[int, str]]], AccountDialog]) -> AccountDialog | None:
        """Read the agencies (through the task runner), then open the dialog ``make`` builds over
        them; the dialog when it opened at once (the tests' runner)."""
        ctx, opened = self.ctx, []
        self.read(
            "account-agencies",
            lambda: [(a.id, a.name) for a in list_agencies(ctx.store, ctx.user).items],
            lambda agencies: opened.append(self._open(make(agencies))),
        )
        return opened[0] if opened else None

    def _open(self, dialog: AccountDialog | PasswordDialog) -> Any:
        if isinstance(dialog, AccountDialog):
            dialog.account_saved.connect(self.on_dialog_account_saved)
        return self.open_dialog(dialog)

    def empty_text(self) -> str:
        """Nothing matches (an administrator's own account is always there)."""
        return self.tr("No account matches the search or filter.")

"""The account dialogs: a new account, changing one, and resetting a password (administrators)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QWidget

from desktop.accounts.service import (
    UserInput,
    UserRow,
    check_user_name,
    create_user,
    list_users,
    reset_password,
    update_user,
)
from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.paging import ListQuery
from desktop.core.security import ROLE_TITLES, SCOPED_ROLES, Role, check_password_rules
from desktop.views.common.forms import FormDialog, combo_data, select_data

AGENCY_RULE = QT_TRANSLATE_NOOP("errors", "Role {role} needs an agency.")
MAX_NAME = 64


def role_title(role: Role | str) -> str:
    """The translated title of a role (系统管理员 …)."""
    try:
        return translate("roles", ROLE_TITLES[Role(role)])
    except ValueError:
        return str(role)


def name_problem(name: str) -> str | None:
    """Why a user name is refused (the rule ``accounts.create_user`` applies), or None."""
    try:
        check_user_name(name)
    except ValidationError as exc:
        return exc.localized()
    return None


def password_problems(first: str, again: str) -> dict[str, str]:
    """The password rules (``security.check_password_rules``) and that both entries agree."""
    found: dict[str, str] = {}
    try:
        check_password_rules(first)
    except ValidationError as exc:
        found["password"] = exc.localized()
    if again != first:
        found["password_again"] = QCoreApplication.translate("AccountDialog", "The two passwords differ.")
    return found


class AccountDialog(FormDialog):
    """A new account (name, display name, role, agency, password twice) or a change to one
    (display name, role, agency, active). Clerks and agency users need an agency."""

    account_saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        agencies: Sequence[tuple[int, str]],
        row: UserRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Edit account") if row else self.tr("New account"), parent)
        self.row = row
        self.name_edit = self._line("name", self.tr("User name"), self.tr("For logging in; no spaces"))
        self.display_edit = self._line("display_name", self.tr("Display name"), self.tr("e.g. 张三"))
        self.role_combo = self._role_combo()
        self.agency_combo = self._agency_combo(agencies)
        self.active_check = QCheckBox(self.tr("The account may log in"), self)
        self.active_check.setChecked(True)
        self.password_edit: QLineEdit | None = None
        self.again_edit: QLineEdit | None = None
        if row is None:
            self.active_check.hide()
            self.password_edit = self._line(
                "password",
                self.tr("Password"),
                self.tr("At least 10 characters, 3 of: lower case, upper case, digits, symbols"),
                secret=True,
            )
            self.again_edit = self._line("password_again", self.tr("Password again"), secret=True)
        else:
            self.marks.add_row("active", self.tr("Active"), self.active_check)
            self.show_row(row)
        self.on_role_combo_current_index_changed(self.role_combo.currentIndex())

    def _line(self, field: str, label: str, placeholder: str = "", *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setPlaceholderText(placeholder)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(lambda _t: self.touch(field))
        self.marks.add_row(field, label, edit)
        return edit

    def _role_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("role")
        for role in Role:
            combo.addItem(role_title(role), role.value)
        select_data(combo, Role.REVIEWER.value)
        combo.currentIndexChanged.connect(self.on_role_combo_current_index_changed)
        combo.activated.connect(self.on_role_combo_activated)
        self.marks.add_row("role", self.tr("Role"), combo)
        return combo

    def _agency_combo(self, agencies: Sequence[tuple[int, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("agency")
        combo.addItem(self.tr("(none: the whole county)"), None)
        for agency_id, name in agencies:
            combo.addItem(name, agency_id)
        combo.activated.connect(lambda _i: self.touch("agency"))
        self.marks.add_row("agency", self.tr("Agency"), combo)
        return combo

    # -- the input ----------------------------------------------------------------------------

    def show_row(self, row: UserRow) -> None:
        """Fill the fields from an account (its user name cannot change)."""
        self.row = row
        self.name_edit.setText(row.name)
        self.name_edit.setEnabled(False)  # a user name never changes
        self.display_edit.setText(row.display_name)
        select_data(self.role_combo, row.role.value)
        select_data(self.agency_combo, row.agency_id)
        self.active_check.setChecked(row.active)
        self.revalidate()

    def data(self) -> UserInput:
        """What the user has filled in."""
        return UserInput(
            name=self.name_edit.text().strip(),
            role=combo_data(self.role_combo),
            display_name=self.display_edit.text(),
            agency=combo_data(self.agency_combo),
            active=self.active_check.isChecked(),
        )

    def problems(self) -> dict[str, str]:
        """The broken rules of the input, by field."""
        found: dict[str, str] = {}
        problem = name_problem(self.name_edit.text())
        if problem:
            found["name"] = problem
        role = Role(combo_data(self.role_combo))
        if role in SCOPED_ROLES and combo_data(self.agency_combo) is None:
            found["agency"] = translate("errors", AGENCY_RULE).format(role=role_title(role))
        if self.password_edit is not None and self.again_edit is not None:
            found.update(password_problems(self.password_edit.text(), self.again_edit.text()))
        return found

    def save_work(self) -> Callable[[], UserRow]:
        """Create the account, or change it based on the version read."""
        ctx, data, row = self.ctx, self.data(), self.row
        if row is None:
            password = self.password_edit.text() if self.password_edit is not None else ""
            return lambda: create_user(ctx.store, ctx.user, data, password)
        return lambda: update_user(ctx.store, ctx.user, row.id, row.version, data)

    def saved(self, result: UserRow) -> None:
        """Tell the page."""
        self.account_saved.emit(result)

    def reload_work(self) -> Callable[[], UserRow | None] | None:
        """After a conflict: the account as it is now (None if it is gone)."""
        if self.row is None:
            return None
        ctx, name, user_id = self.ctx, self.row.name, self.row.id
        return lambda: next(
            (
                u
                for u in list_users(ctx.store, ctx.user, ListQuery(search=name, limit=None)).items
                if u.id == user_id
            ),
            None,
        )

    def show_fresh(self, fresh: UserRow) -> None:
        """Show the account read again."""
        self.show_row(fresh)

    # -- slots --------------------------------------------------------------------------------

    def on_role_combo_current_index_changed(self, _index: int) -> None:
        """Say whether the role needs an agency, and check again."""
        role = Role(combo_data(self.role_combo))
        scoped = role in SCOPED_ROLES
        self.agency_combo.setItemText(
            0, self.tr("(choose an agency)") if scoped else self.tr("(none: the whole county)")
        )
        self.revalidate()

    def on_role_combo_activated(self, _index: int) -> None:
        """The user chose a role: say at once when it needs an agency."""
        self.touch("agency")


class PasswordDialog(FormDialog):
    """A new password for an account, typed twice; asks once, naming the account, then resets it."""

    password_reset = Signal(object)

    def __init__(self, ctx: AppContext, row: UserRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Reset password of {name}").format(name=row.name),
            parent,
            ok_text=self.tr("Reset password"),
        )
        self.row = row
        account = QLabel(f"{row.name} · {row.display_name}", self)
        account.setObjectName("account")
        self.form.addRow(self.tr("Account"), account)
        self.password_edit = self._line("password", self.tr("New password"))
        self.again_edit = self._line("password_again", self.tr("New password again"))
        self.setMinimumWidth(440)

    def _line(self, field: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.textEdited.connect(lambda _t: self.touch(field))
        self.marks.add_row(field, label, edit)
        return edit

    def problems(self) -> dict[str, str]:
        """The password rules, and that both entries agree."""
        return password_problems(self.password_edit.text(), self.again_edit.text())

    def confirmed(self) -> bool:
        """Ask once, naming the account."""
        return self.ctx.dialogs.confirm(
            self,
            self.tr("Reset password"),
            self.tr("Set a new password for {name} ({display})? The old one stops working at once.").format(
                name=self.row.name, display=self.row.display_name
            ),
            self.tr("Reset password"),
        )

    def save_work(self) -> Callable[[], None]:
        """Reset the password (and lift any lock)."""
        ctx, row, password = self.ctx, self.row, self.password_edit.text()
        return lambda: reset_password(ctx.store, ctx.user, row.id, row.version, password)

    def saved(self, _result: None) -> None:
        """Tell the page."""
        self.password_reset.emit(self.row)

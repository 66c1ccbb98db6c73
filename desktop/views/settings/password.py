"""修改密码: the logged-in user changes their own password, proving the old one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.accounts.service import change_own_password
from desktop.context import AppContext
from desktop.core.errors import AuthenticationFailed, UserFacingError, ValidationError
from desktop.core.security import check_password_rules
from desktop.views.common.forms import first_field_problem
from desktop.views.common.look import InlineMessage, password_field


def password_problem(password: str) -> str:
    """Why ``password`` breaks the password rules (the service's words), or empty."""
    try:
        check_password_rules(password)
    except ValidationError as exc:
        return exc.localized()
    return ""


class ChangePasswordForm(QWidget):
    """Current password, new password twice; validated as the user types."""

    password_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current = password_field(self)
        self.new = password_field(self)
        self.repeat = password_field(self)
        self._touched: set[QWidget] = set()
        form = QFormLayout()
        form.setHorizontalSpacing(10)
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat new password:"), self.repeat)
        for field in (self.current, self.new, self.repeat):
            field.textEdited.connect(self.on_field_edited)
        self.change_button = QPushButton(self.tr("Change password"), self)
        self.change_button.clicked.connect(self.on_change_button_clicked)
        self.message = InlineMessage(self)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self._update_state()

    def problem_text(self, only_touched: bool = False) -> str:
        """The first problem, naming the field; empty when the form can be sent."""
        return first_field_problem(
            [
                (
                    self.current,
                    self.tr("Current password"),
                    lambda: "" if self.current.text() else self.tr("required."),
                ),
                (self.new, self.tr("New password"), lambda: password_problem(self.new.text())),
                (
                    self.repeat,
                    self.tr("Repeat new password"),
                    lambda: (
                        ""
                        if self.repeat.text() == self.new.text()
                        else self.tr("does not match the new password.")
                    ),
                ),
            ],
            self._touched if only_touched else None,
        )

    def _update_state(self) -> None:
        self.change_button.setEnabled(not self.problem_text())
        self.message.show_problem(self.problem_text(only_touched=True))

    def on_field_edited(self, _text: str) -> None:
        """Validate as the user types (only fields already typed in)."""
        sender = self.sender()
        if isinstance(sender, QWidget):
            self._touched.add(sender)
        self._update_state()

    def on_change_button_clicked(self) -> None:
        """Change the password in the background."""
        if self.problem_text():
            return
        old, new = self.current.text(), self.new.text()
        self.change_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda _progress, _cancelled: change_own_password(self.ctx.store, self.ctx.user, old, new),
            on_done=self.on_change_done,
            on_error=self.on_change_failed,
            label=self.tr("Changing the password"),
            parent_widget=self,
            cancellable=False,
        )

    def on_change_done(self, _result: object) -> None:
        """Clear the fields and say so."""
        self._clear()
        self.message.show_ok(self.tr("Your password was changed. Use the new one next time you log in."))
        self.password_changed.emit()

    def on_change_failed(self, exc: BaseException) -> None:
        """Say what went wrong under the fields (a bug goes to the crash dialog)."""
        self._update_state()
        if isinstance(exc, AuthenticationFailed):
            self.message.show_problem(self.tr("Current password: it is not right."))
            self.current.selectAll()
            self.current.setFocus()
        elif isinstance(exc, UserFacingError):
            self.message.show_problem(exc.localized())
        else:
            self.ctx.dialogs.show_error(self, exc)

    def _clear(self) -> None:
        for field in (self.current, self.new, self.repeat):
            field.clear()
        self._touched.clear()
        self.change_button.setEnabled(False)

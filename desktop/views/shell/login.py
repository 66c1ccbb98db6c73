"""登录: log in to the store (the first run, for a store without accounts, is in first_run.py).

Both dialogs call their service through the task runner and say what went wrong inline, under
the fields, in red. Neither is ever ``exec()``-ed by a test: a test fills the fields, clicks the
button, and reads ``result()``.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.service import authenticate
from desktop.context import AppContext
from desktop.core.errors import AuthenticationFailed, UserFacingError
from desktop.core.security import Actor
from desktop.core.settings import save_settings
from desktop.views.common.look import (
    InlineMessage,
    fit_width,
    icon,
    note_label,
    password_field,
    program_name,
    scaled_font,
    store_text,
)


def banner(parent: QWidget, subtitle: str) -> QHBoxLayout:
    """The program's icon and name over a grey line (top of the login and first-run dialogs)."""
    logo = QLabel(parent)
    logo.setPixmap(icon("app").pixmap(44, 44))
    name = QLabel(program_name(), parent)
    name.setFont(scaled_font(name, 1.45, bold=True))
    text = QVBoxLayout()
    text.setSpacing(2)
    text.addWidget(name)
    text.addWidget(note_label(subtitle, parent))
    row = QHBoxLayout()
    row.setSpacing(12)
    row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
    row.addLayout(text, 1)
    return row


class LoginDialog(QDialog):
    """User name (remembered on this workstation) and password; wrong or locked said inline."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        user_name: str | None = None,
        notice: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in"))
        self.notice = InlineMessage(self)  # e.g. the administrator just created, before the first login
        self.user = QLineEdit(user_name if user_name is not None else ctx.settings.last_user, self)
        self.password = password_field(self)
        self.message = InlineMessage(self)
        form = QFormLayout()
        form.setHorizontalSpacing(10)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(self)
        self.login_button = buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.on_login_button_clicked)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(banner(self, store_text(ctx.store)))
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_width(self, 440)
        if notice:
            self.notice.show_ok(notice)
        for field in (self.user, self.password):
            field.textEdited.connect(self.on_field_edited)
        (self.password if self.user.text() else self.user).setFocus()
        self._update_state()

    def _update_state(self) -> None:
        self.login_button.setEnabled(bool(self.user.text().strip() and self.password.text()))

    def on_field_edited(self, _text: str) -> None:
        """Typing: the button works once both fields are filled in."""
        self._update_state()

    def on_login_button_clicked(self) -> None:
        """Check the password in the background."""
        if not self.login_button.isEnabled():
            return
        name, password = self.user.text().strip(), self.password.text()
        self.login_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda _progress, _cancelled: authenticate(self.ctx.store, name, password),
            on_done=self.on_login_done,
            on_error=self.on_login_failed,
            label=self.tr("Logging in"),
            parent_widget=self,
            cancellable=False,
        )

    def on_login_done(self, actor: Actor) -> None:
        """Remember the user name on this workstation and close."""
        self.actor = actor
        if self.ctx.settings.last_user != actor.name:
            self.ctx.settings = replace(self.ctx.settings, last_user=actor.name)
            save_settings(self.ctx.settings)
        self.accept()

    def on_login_failed(self, exc: BaseException) -> None:
        """Wrong password, locked account or a store problem: say it under the fields."""
        self._update_state()
        if not isinstance(exc, UserFacingError):
            self.ctx.dialogs.show_error(self, exc)
            return
        self.message.show_problem(exc.localized())
        if isinstance(exc, AuthenticationFailed):
            self.password.clear()
            self.password.setFocus()
            self._update_state()

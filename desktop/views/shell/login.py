"""登录: log in to the store (the first run, for a store without accounts, is in first_run.py).

Both dialogs call their service through the task runner and say what went wrong inline, under
the fields, in red. Neither is ever ``exec()``-ed by a test: a test fills the fields, clicks the
button, and reads ``result()``.

The login dialog can be shown before the store is open (``LoginDialog.before_store``, by
``desktop.views.shell.launch``): this module loads neither SQLAlchemy nor a service until the
user logs in; a login asked for before ``attach(ctx)`` waits for the store.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

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

from desktop.core.errors import AuthenticationFailed, UserFacingError
from desktop.core.security import Actor
from desktop.core.settings import Settings, save_settings
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

if TYPE_CHECKING:
    from desktop.context import AppContext


def banner(parent: QWidget, subtitle: str | QLabel) -> QHBoxLayout:
    """The program's icon and name over a grey line (top of the login and first-run dialogs)."""
    logo = QLabel(parent)
    logo.setPixmap(icon("app").pixmap(44, 44))
    name = QLabel(program_name(), parent)
    name.setFont(scaled_font(name, 1.45, bold=True))
    text = QVBoxLayout()
    text.setSpacing(2)
    text.addWidget(name)
    text.addWidget(subtitle if isinstance(subtitle, QLabel) else note_label(subtitle, parent))
    row = QHBoxLayout()
    row.setSpacing(12)
    row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
    row.addLayout(text, 1)
    return row


class LoginDialog(QDialog):
    """User name (remembered on this workstation) and password; wrong or locked said inline."""

    def __init__(
        self,
        ctx: AppContext | None,
        parent: QWidget | None = None,
        *,
        user_name: str | None = None,
        notice: str = "",
        settings: Settings | None = None,
        store_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self._waiting = False  # 登录 pressed before the store was open
        self.quit_chosen = False  # 退出 (or the window closed): the program ends
        settings = ctx.settings if ctx is not None else settings
        assert settings is not None, "a login before the store needs the settings"
        self.setWindowTitle(self.tr("Log in"))
        self.notice = InlineMessage(self)  # e.g. the administrator just created, before the first login
        self.user = QLineEdit(user_name if user_name is not None else settings.last_user, self)
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
        self.rejected.connect(self.on_rejected)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        self.store_label = note_label(store_text(ctx.store) if ctx is not None else store_label, self)
        layout.addLayout(banner(self, self.store_label))
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

    @classmethod
    def before_store(cls, settings: Settings, store_label: str) -> LoginDialog:
        """The dialog shown while the store is still opening (``store_label``: where it is)."""
        return cls(None, settings=settings, store_label=store_label)

    def attach(self, ctx: AppContext) -> None:
        """The store is open: say which it is, and log in now if the user already asked to."""
        self.ctx = ctx
        self.store_label.setText(store_text(ctx.store))
        if self._waiting:
            self._waiting = False
            self.notice.clear_text()
            self._update_state()
            self.on_login_button_clicked()

    def on_rejected(self) -> None:
        """退出 or the window closed."""
        self.quit_chosen = True

    def _update_state(self) -> None:
        filled = bool(self.user.text().strip() and self.password.text())
        self.login_button.setEnabled(filled and not self._waiting)

    def on_field_edited(self, _text: str) -> None:
        """Typing: the button works once both fields are filled in."""
        self._update_state()

    def on_login_button_clicked(self) -> None:
        """Check the password in the background (once the store is open)."""
        if not self.login_button.isEnabled():
            return
        self.login_button.setEnabled(False)
        if self.ctx is None:
            self._waiting = True
            self.message.clear_text()
            self.notice.show_text(self.tr("Opening the store…"))
            return
        from desktop.accounts.service import authenticate  # loaded with the store, not before the dialog

        ctx = self.ctx
        name, password = self.user.text().strip(), self.password.text()
        assert ctx.tasks is not None
        ctx.tasks.run(
            lambda _progress, _cancelled: authenticate(ctx.store, name, password),
            on_done=self.on_login_done,
            on_error=self.on_login_failed,
            label=self.tr("Logging in"),
            parent_widget=self,
            cancellable=False,
        )

    def on_login_done(self, actor: Actor) -> None:
        """Remember the user name on this workstation and close."""
        self.actor = actor
        assert self.ctx is not None
        if self.ctx.settings.last_user != actor.name:
            self.ctx.settings = replace(self.ctx.settings, last_user=actor.name)
            save_settings(self.ctx.settings)
        self.accept()

    def on_login_failed(self, exc: BaseException) -> None:
        """Wrong password, locked account or a store problem: say it under the fields."""
        self._update_state()
        if not isinstance(exc, UserFacingError):
            assert self.ctx is not None and self.ctx.dialogs is not None
            self.ctx.dialogs.show_error(self, exc)
            return
        self.message.show_problem(exc.localized())
        if isinstance(exc, AuthenticationFailed):
            self.password.clear()
            self.password.setFocus()
            self._update_state()

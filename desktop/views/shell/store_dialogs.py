"""When the store will not open: the problem in plain words, the server password, the connection.

- ``StoreProblemDialog``: what went wrong and what to do, with 连接设置… / 重试 / 退出;
- ``StorePasswordDialog``: the PostgreSQL password when the keyring has none;
- ``ConnectionDialog``: the connection form with 测试连接 and 保存.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SecretStoreUnavailable, StoreTooNew, UserFacingError
from desktop.core.settings import Settings, save_settings
from desktop.views.common.look import InlineMessage, fit_width, note_label, password_field, scaled_font

SETTINGS, RETRY, QUIT = "settings", "retry", "quit"


@dataclass(frozen=True)
class ConnectionChoice:
    """What the connection dialog saved, and the password typed (kept for this run)."""

    settings: Settings
    password: str | None
    remembered: bool


class StoreProblemDialog(QDialog):
    """ "The store cannot be opened": the reason, the store, advice; settings, retry or quit."""

    def __init__(self, exc: UserFacingError, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QUIT
        self.setWindowTitle(self.tr("The store cannot be opened"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._message_row(exc, where))
        layout.addStretch(1)
        layout.addWidget(self._buttons())
        fit_width(self, 540)

    def _message_row(self, exc: UserFacingError, where: str) -> QHBoxLayout:
        sign = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        sign.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size))
        headline = QLabel(self.tr("The program cannot open its store."), self)
        headline.setFont(scaled_font(headline, 1.15, bold=True))
        self.reason = QLabel(exc.localized(), self)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice = note_label(self.advice_text(exc), self)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(headline)
        text.addWidget(self.reason)
        text.addWidget(note_label(self.tr("Store: {where}").format(where=where), self))
        text.addWidget(self.advice)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(sign, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        return row

    def advice_text(self, exc: UserFacingError) -> str:
        """What the user can do about ``exc``."""
        if isinstance(exc, StoreTooNew):
            return self.tr(
                "Install the newer version of the program, or choose another store in the "
                "connection settings."
            )
        if isinstance(exc, SecretStoreUnavailable):
            return self.tr("Enter the server's password in the connection settings.")
        return self.tr(
            "Check that the server is running and can be reached from this workstation "
            "(or that no other program holds the file), then retry — or change the "
            "connection settings."
        )

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.settings_button = buttons.addButton(
            self.tr("Connection settings…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.retry_button = buttons.addButton(self.tr("Retry"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.retry_button.setDefault(True)
        self.settings_button.clicked.connect(self.on_settings_button_clicked)
        self.retry_button.clicked.connect(self.on_retry_button_clicked)
        self.quit_button.clicked.connect(self.reject)
        return buttons

    def on_settings_button_clicked(self) -> None:
        """连接设置…"""
        self.choice = SETTINGS
        self.accept()

    def on_retry_button_clicked(self) -> None:
        """重试."""
        self.choice = RETRY
        self.accept()

    def reject(self) -> None:
        """退出 (also Esc and the window's close button)."""
        self.choice = QUIT
        super().reject()


class StorePasswordDialog(QDialog):
    """The PostgreSQL password, and whether to keep it in the system keyring."""

    def __init__(self, settings: Settings, keyring_ok: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Server password"))
        server = f"{settings.pg_host}:{settings.pg_port}/{settings.pg_database}"
        intro = QLabel(
            self.tr("Enter the password of {user} on the county's server {server}.").format(
                user=settings.pg_user, server=server
            ),
            self,
        )
        intro.setWordWrap(True)
        self.password = password_field(self)
        self.password.textEdited.connect(self.on_password_edited)
        self.remember = QCheckBox(self.tr("Remember in the system keyring"), self)
        self.remember.setChecked(keyring_ok)
        self.remember.setEnabled(keyring_ok)
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        if not keyring_ok:
            layout.addWidget(
                note_label(
                    self.tr(
                        "The system keyring is not available on this workstation, so the password cannot be "
                        "remembered; it will be asked for at each start."
                    ),
                    self,
                )
            )
        buttons = QDialogButtonBox(self)
        self.connect_button = buttons.addButton(self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.connect_button.setEnabled(False)
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_width(self, 440)

    def on_password_edited(self, text: str) -> None:
        """Connect works once something is typed."""
        self.connect_button.setEnabled(bool(text))

    def answer(self) -> tuple[str, bool] | None:
        """(password, remember) if the user chose Connect, else None."""
        if self.result() != QDialog.DialogCode.Accepted or not self.password.text():
            return None
        return self.password.text(), self.remember.isChecked() and self.remember.isEnabled()


class ConnectionDialog(QDialog):
    """连接设置 before the store is open: the form, 测试连接, and 保存 (settings and keyring)."""

    def __init__(self, settings: Settings, tasks: Any, dialogs: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: ConnectionChoice | None = None
        self.setWindowTitle(self.tr("Connection settings"))
        from desktop.views.settings.connection import ConnectionForm  # not at start-up: keyring, the settings

        self.form = ConnectionForm(settings, tasks, dialogs, self)
        self.form.changed.connect(self.on_form_changed)
        self.message = InlineMessage(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.on_save_button_clicked)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_width(self, 560)
        self.on_form_changed()

    def on_form_changed(self) -> None:
        """保存 works while the form is valid."""
        self.save_button.setEnabled(self.form.is_valid())

    def on_save_button_clicked(self) -> None:
        """Save the settings, keep the password in the keyring if there is one, and close."""
        if not self.form.is_valid():
            return
        from desktop.views.settings.page import store_password_saved

        settings = self.form.value().validated()
        save_settings(settings)
        password = self.form.password() if settings.store_kind == "postgresql" else ""
        remembered = bool(password) and store_password_saved(settings, password)
        self.choice = ConnectionChoice(settings, password or None, remembered)
        self.accept()

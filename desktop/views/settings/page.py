"""设置: the store this workstation uses, the language, the user's own password, the store-wide
deadline limits, work calendar and input limits, and the folder of the daily audit anchor."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from desktop.context import AppContext
from desktop.core.errors import PermissionDenied, SecretStoreUnavailable
from desktop.core.secrets import set_store_password
from desktop.core.security import Permission
from desktop.core.settings import Settings, save_settings, save_store_choice
from desktop.views.common.look import InlineMessage, note_label
from desktop.views.common.widgets import PageHeader
from desktop.views.settings.anchors import AnchorSection
from desktop.views.settings.connection import ConnectionForm
from desktop.views.settings.disposal_kinds import DisposalKindsSection
from desktop.views.settings.input_limits import InputLimitsSection
from desktop.views.settings.limits import LimitsSection
from desktop.views.settings.password import ChangePasswordForm
from desktop.views.settings.work_calendar import CalendarSection

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}
"""Each language named in itself (an autonym is never translated, so everyone finds their own)."""

PAGE_WIDTH = 640
STORE_FIELDS = ("store_kind", "sqlite_path", "pg_host", "pg_port", "pg_database", "pg_user")


def store_password_saved(settings: Settings, password: str) -> bool:
    """Keep a PostgreSQL password in the keyring; False when there is no keyring."""
    try:
        set_store_password(
            settings.pg_user, settings.pg_host, settings.pg_port, settings.pg_database, password
        )
    except SecretStoreUnavailable:
        return False
    return True


def _address(url: URL) -> str:
    return url.set(password=None).render_as_string(hide_password=True)


class SettingsPage(QWidget):
    """The settings page (everyone may open it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.header = PageHeader(self.tr("Settings"), self, searchable=False)
        self.header.toolbar.hide()
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self._store_group(content))
        column.addWidget(self._language_group(content))
        column.addWidget(self._password_group(content))
        self.limits = LimitsSection(ctx, content)
        self.calendar = CalendarSection(ctx, content)
        self.disposal_kinds = DisposalKindsSection(ctx, content)
        self.input_limits = InputLimitsSection(ctx, content)
        self.anchors = AnchorSection(ctx, content)
        column.addWidget(self.limits)
        column.addWidget(self.disposal_kinds)
        column.addWidget(self.calendar)
        column.addWidget(self.input_limits)
        column.addWidget(self.anchors)
        column.addStretch(1)
        content.setMaximumWidth(PAGE_WIDTH)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the column is narrow
        holder = QWidget(scroll)
        holder_row = QHBoxLayout(holder)
        holder_row.setContentsMargins(0, 4, 0, 0)
        holder_row.addWidget(content, 1)
        holder_row.addStretch(0)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.header)
        layout.addWidget(scroll, 1)

    # -- building ----------------------------------------------------------------------------

    def _store_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Store"), parent)
        layout = QVBoxLayout(group)
        layout.addWidget(
            note_label(
                self.tr(
                    "Where this workstation keeps its data. A change takes effect the next time the program "
                    "starts."
                ),
                group,
            )
        )
        self.connection = ConnectionForm(self.ctx.settings, self.ctx.tasks, self.ctx.dialogs, group)
        self.connection.changed.connect(self.on_connection_changed)
        layout.addWidget(self.connection)
        self.save_button = QPushButton(self.tr("Save"), group)
        self.save_button.setObjectName("saveStore")
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.connection.button_row.insertWidget(1, self.save_button)
        self.store_read_only = note_label(
            self.tr(
                "Read only: only an administrator may change the store this workstation uses "
                "(before a login, the store-problem dialog offers it to anyone)."
            ),
            group,
        )
        self.store_read_only.setObjectName("storeReadOnly")
        layout.addWidget(self.store_read_only)
        self.store_message = InlineMessage(group)
        layout.addWidget(self.store_message)
        editable = self.ctx.user.can(Permission.ADMINISTER)
        self.connection.set_read_only(not editable)
        self.save_button.setVisible(editable)
        self.store_read_only.setVisible(not editable)
        return group

    def _language_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Language"), parent)
        layout = QVBoxLayout(group)
        self.language = QComboBox(group)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self.on_language_current_index_changed)
        row = QHBoxLayout()
        row.addWidget(self.language)
        row.addWidget(note_label(self.tr("Takes effect after the program restarts."), group), 1)
        layout.addLayout(row)
        self.language_message = InlineMessage(group)
        layout.addWidget(self.language_message)
        self._show_language(self.ctx.settings.language)
        return group

    def _password_group(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("My password"), parent)
        layout = QVBoxLayout(group)
        self.password_form = ChangePasswordForm(self.ctx, group)
        layout.addWidget(self.password_form)
        return group

    # -- page --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the saved settings again (unsaved edits are dropped)."""
        self.connection.set_settings(self.ctx.settings)
        self._show_language(self.ctx.settings.language)
        self.store_message.clear_text()
        self.language_message.clear_text()
        self.limits.refresh()
        self.disposal_kinds.refresh()
        self.calendar.refresh()
        self.input_limits.refresh()
        self.anchors.refresh()
        self._update_save_button()

    def _show_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(self.connection.is_valid())

    # -- slots -------------------------------------------------------------------------------

    def on_connection_changed(self) -> None:
        """An edit: the last save message no longer applies."""
        self.store_message.clear_text()
        self._update_save_button()

    def on_save_button_clicked(self) -> None:
        """保存: write the settings (never the password) and the password into the keyring."""
        if not self.connection.is_valid() or self.connection.read_only:
            return
        form = self.connection.value().validated()
        password = self.connection.password() if form.store_kind == "postgresql" else ""
        settings = replace(self.ctx.settings, **{name: getattr(form, name) for name in STORE_FIELDS})
        try:
            save_store_choice(self.ctx.user, settings)
        except PermissionDenied as exc:
            self.store_message.show_problem(exc.localized())
            return
        kept = not password or store_password_saved(settings, password)
        self.ctx.settings = settings
        self.connection.set_settings(settings)
        lines, tone = [self.tr("Saved.")], "ok"
        if not kept:
            lines.append(
                self.tr(
                    "The system keyring is not available, so the password was not kept; "
                    "the program will ask for it at each start."
                )
            )
            tone = "warning"
        if _address(settings.store_url()) != _address(self.ctx.store.url):
            lines.append(self.tr("The program uses this store the next time it starts."))
        self.store_message.show_text(" ".join(lines), tone)

    def on_language_current_index_changed(self, _index: int) -> None:
        """Save the language at once; it applies after a restart."""
        code = self.language.currentData()
        if code == self.ctx.settings.language:
            self.language_message.clear_text()
            return
        self.ctx.settings = replace(self.ctx.settings, language=code)
        save_settings(self.ctx.settings)
        self.language_message.show_ok(
            self.tr("Saved. The program shows {language} after it restarts.").format(
                language=LANGUAGE_NAMES[code]
            )
        )

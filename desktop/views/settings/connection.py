"""Where the store is — a SQLite file here or the county's PostgreSQL server — with a connection test.

``ConnectionForm`` is shown on the settings page and in the connection dialog the startup offers
when the store cannot be opened. It never saves anything itself: its owner does.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core import paths
from desktop.core.errors import SecretStoreUnavailable, UserFacingError, ValidationError
from desktop.core.secrets import get_store_password
from desktop.core.settings import Settings
from desktop.models.connection import ConnectionReport, test_connection
from desktop.views.common.look import InlineMessage, note_label, password_field

SQLITE_FILTER = "*.sqlite3 *.sqlite *.db"
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"] { background: palette(window); border: 1px solid palette(mid); }'
    'QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
    'QAbstractSpinBox QLineEdit[readOnly="true"] { border: none; background: transparent; }'
)
"""A field that may not be changed looks it: the window's colour instead of an input's white (a
spin box keeps its own frame: a styled border leaves its text no room)."""


def keyring_available() -> bool:
    """Whether the system keyring answers (no desktop session on Linux: it does not)."""
    try:
        get_store_password("", "", 0, "")
    except SecretStoreUnavailable:
        return False
    return True


def saved_password(settings: Settings) -> str | None:
    """The keyring's password for the settings' PostgreSQL account (None if none or no keyring)."""
    try:
        return get_store_password(settings.pg_user, settings.pg_host, settings.pg_port, settings.pg_database)
    except SecretStoreUnavailable:
        return None


def short_server(server: str) -> str:
    """ "PostgreSQL 15.18 (Debian …) on x86_64…" shortened to "PostgreSQL 15.18"."""
    words = server.split()
    return " ".join(words[:2]) if server.startswith("PostgreSQL") and len(words) > 2 else server


class ConnectionForm(QWidget):
    """The store kind and its address, validated as the user types, and 测试连接."""

    changed = Signal()
    tested = Signal(object)

    def __init__(self, settings: Settings, tasks: Any, dialogs: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.dialogs = tasks, dialogs
        self._base = settings
        self.read_only = False
        self.keyring_ok = keyring_available()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._build_kind(layout)
        self._build_test_row(layout)
        self.problem = InlineMessage(self)
        layout.addWidget(self.problem)
        self.set_settings(settings)

    # -- building ----------------------------------------------------------------------------

    def _build_kind(self, layout: QVBoxLayout) -> None:
        self.sqlite_radio = QRadioButton(self.tr("Local SQLite file on this workstation"), self)
        self.postgresql_radio = QRadioButton(self.tr("Central PostgreSQL server of the county"), self)
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.sqlite_radio)
        self.kind_group.addButton(self.postgresql_radio)
        self.sqlite_radio.toggled.connect(self.on_kind_toggled)
        layout.addWidget(self.sqlite_radio)
        self.sqlite_box = self._sqlite_box()
        layout.addWidget(self.sqlite_box)
        layout.addWidget(self.postgresql_radio)
        self.postgresql_box = self._postgresql_box()
        layout.addWidget(self.postgresql_box)

    def _indented_form(self) -> tuple[QWidget, QFormLayout]:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(24, 0, 0, 4)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _sqlite_box(self) -> QWidget:
        box, form = self._indented_form()
        self.sqlite_path = QLineEdit(box)
        self.sqlite_path.setPlaceholderText(
            self.tr("Default: {path}").format(path=paths.default_sqlite_path())
        )
        self.sqlite_path.textEdited.connect(self.on_field_edited)
        self.browse_button = QPushButton(self.tr("Browse…"), box)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.sqlite_path, 1)
        row.addWidget(self.browse_button)
        form.addRow(self.tr("File:"), row)
        form.addRow(
            "", note_label(self.tr("Leave it empty to use the default file in the user data folder."), box)
        )
        return box

    def _postgresql_box(self) -> QWidget:
        box, form = self._indented_form()
        self.pg_host = self._line(box, "")
        self.pg_port = QSpinBox(box)
        self.pg_port.setRange(1, 65535)
        self.pg_port.valueChanged.connect(self.on_field_edited)
        self.pg_port.setMinimumWidth(80)
        host_row = QHBoxLayout()
        host_row.setSpacing(6)
        host_row.addWidget(self.pg_host, 1)
        host_row.addWidget(QLabel(self.tr("Port:"), box))
        host_row.addWidget(self.pg_port)
        self.pg_database = self._line(box, "")
        self.pg_user = self._line(box, "")
        self.pg_password = password_field(box)
        self.pg_password.textEdited.connect(self.on_field_edited)
        form.addRow(self.tr("Host:"), host_row)
        form.addRow(self.tr("Database:"), self.pg_database)
        form.addRow(self.tr("User:"), self.pg_user)
        form.addRow(self.tr("Password:"), self.pg_password)
        self.keyring_note = note_label(self._keyring_text(), box)
        form.addRow("", self.keyring_note)
        return box

    def _line(self, parent: QWidget, placeholder: str) -> QLineEdit:
        field = QLineEdit(parent)
        field.setPlaceholderText(placeholder)
        field.textEdited.connect(self.on_field_edited)
        return field

    def _keyring_text(self) -> str:
        if self.keyring_ok:
            return self.tr("The password is kept in the system keyring, never in a file.")
        return self.tr(
            "The system keyring is not available on this workstation: the password "
            "cannot be remembered and will be asked for at each start."
        )

    def _build_test_row(self, layout: QVBoxLayout) -> None:
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.on_test_button_clicked)
        self.button_row = QHBoxLayout()
        self.button_row.addWidget(self.test_button)
        self.button_row.addStretch(1)
        layout.addLayout(self.button_row)
        self.result = InlineMessage(self)
        layout.addWidget(self.result)

    # -- values ------------------------------------------------------------------------------

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` (the password field starts empty; a saved one stays in the keyring)."""
        self._base = settings
        self.keyring_ok = keyring_available()
        self.keyring_note.setText(self._keyring_text())
        postgresql = settings.store_kind == "postgresql"
        (self.postgresql_radio if postgresql else self.sqlite_radio).setChecked(True)
        self.sqlite_path.setText(settings.sqlite_path)
        self.pg_host.setText(settings.pg_host)
        self.pg_port.setValue(settings.pg_port)
        self.pg_database.setText(settings.pg_database)
        self.pg_user.setText(settings.pg_user)
        self.pg_password.clear()
        self._update_password_hint()
        self.result.clear_text()
        self._update_state()

    def value(self) -> Settings:
        """The settings as filled in (everything else kept from the settings shown)."""
        return replace(
            self._base,
            store_kind="postgresql" if self.postgresql_radio.isChecked() else "sqlite",
            sqlite_path=self.sqlite_path.text().strip(),
            pg_host=self.pg_host.text().strip(),
            pg_port=self.pg_port.value(),
            pg_database=self.pg_database.text().strip(),
            pg_user=self.pg_user.text().strip(),
        )

    def password(self) -> str:
        """The password typed (empty: use the one in the keyring, if any)."""
        return self.pg_password.text()

    def effective_password(self) -> str | None:
        """The password typed, else the one saved in the keyring for this account."""
        return self.password() or saved_password(self.value())

    def problem_text(self) -> str:
        """What is wrong with the form, naming the field; empty when it is fine."""
        settings = self.value()
        if settings.store_kind == "postgresql":
            for name, label in self._pg_labels().items():
                if not str(getattr(settings, name)).strip():
                    return self.tr("{field}: required.").format(field=label)
        try:
            settings.validated()
        except ValidationError as exc:
            label = self._pg_labels().get(exc.field, "")
            return f"{label}: {exc.localized()}" if label else exc.localized()
        return ""

    def is_valid(self) -> bool:
        """Whether the form can be tested and saved."""
        return not self.problem_text()

    def _pg_labels(self) -> dict[str, str]:
        return {
            "pg_host": self.tr("Host"),
            "pg_database": self.tr("Database"),
            "pg_user": self.tr("User"),
            "pg_port": self.tr("Port"),
        }

    def set_read_only(self, read_only: bool) -> None:
        """Show the store without letting it be changed (a role that may not administer): the
        fields read only and greyed, the choice fixed, no Browse, no test."""
        self.read_only = read_only
        self.setStyleSheet(READ_ONLY_STYLE if read_only else "")
        for field in (self.sqlite_path, self.pg_host, self.pg_database, self.pg_user, self.pg_password):
            field.setReadOnly(read_only)
        self.pg_port.setReadOnly(read_only)
        self.pg_port.setButtonSymbols(
            QAbstractSpinBox.ButtonSymbols.NoButtons
            if read_only
            else QAbstractSpinBox.ButtonSymbols.UpDownArrows
        )
        for radio in (self.sqlite_radio, self.postgresql_radio):
            radio.setEnabled(not read_only)
        self.browse_button.setVisible(not read_only)
        self.test_button.setVisible(not read_only)
        self.pg_password.setVisible(not read_only)
        self._update_state()

    def _update_state(self) -> None:
        postgresql = self.postgresql_radio.isChecked()
        self.sqlite_box.setEnabled(not postgresql)
        self.postgresql_box.setEnabled(postgresql)
        problem = "" if self.read_only else self.problem_text()
        self.problem.show_problem(problem)
        self.test_button.setEnabled(not problem and not self.read_only)

    def _update_password_hint(self) -> None:
        saved = self.postgresql_radio.isChecked() and saved_password(self.value())
        self.pg_password.setPlaceholderText(
            self.tr("Saved in the system keyring; type to replace it") if saved else ""
        )

    # -- slots -------------------------------------------------------------------------------

    def on_kind_toggled(self, _checked: bool) -> None:
        """SQLite or PostgreSQL chosen."""
        self.on_field_edited()

    def on_field_edited(self, *_args: object) -> None:
        """Validate as the user types; an earlier test result no longer applies."""
        self.result.clear_text()
        self._update_password_hint()
        self._update_state()
        self.changed.emit()

    def on_browse_button_clicked(self) -> None:
        """Pick an existing SQLite store file."""
        path = self.dialogs.open_file(
            self,
            self.tr("Choose the store file"),
            self.tr("SQLite store ({patterns});;All files (*)").format(patterns=SQLITE_FILTER),
        )
        if path:
            self.sqlite_path.setText(path)
            self.on_field_edited()

    def on_test_button_clicked(self) -> None:
        """Connect once in the background and say what was found."""
        if not self.is_valid():
            return
        url = self.value().store_url(self.effective_password())
        self.test_button.setEnabled(False)
        self.result.show_text(self.tr("Connecting…"), "note")
        self.tasks.run(
            lambda _progress, _cancelled: test_connection(url),
            on_done=self.on_test_done,
            on_error=self.on_test_failed,
            label=self.tr("Testing the connection"),
            parent_widget=self,
            key="connection-test",
            io=True,
            cancellable=False,
        )

    def on_test_done(self, report: ConnectionReport) -> None:
        """Show the server, the schema state and the time taken."""
        text, tone = self.report_text(report)
        self.result.show_text(text, tone)
        self.result.setToolTip(report.server)
        self._update_state()
        self.tested.emit(report)

    def on_test_failed(self, exc: BaseException) -> None:
        """Say why the store cannot be reached (a bug goes to the crash dialog)."""
        self._update_state()
        if isinstance(exc, UserFacingError):
            self.result.show_problem(exc.localized())
        else:
            self.result.show_problem(self.tr("The test failed because of an error in the program."))
            self.dialogs.show_error(self, exc)
        self.tested.emit(exc)

    def report_text(self, report: ConnectionReport) -> tuple[str, str]:
        """The result in words and its tone (ok or problem)."""
        values = {
            "server": short_server(report.server),
            "revision": report.revision,
            "head": report.head,
            "ms": f"{report.milliseconds:,}",
        }
        state = report.state
        if state == "current":
            return self.tr("Connected: {server}; schema {revision} (newest); took {ms} ms").format(
                **values
            ), "ok"
        if state == "older":
            return self.tr(
                "Connected: {server}; schema {revision} will be updated to {head} when the "
                "program opens it; took {ms} ms"
            ).format(**values), "ok"
        if state == "empty":
            return self.tr(
                "Connected: {server}; the store is empty — it will be set up when the "
                "program opens it; took {ms} ms"
            ).format(**values), "ok"
        return self.tr(
            "Connected: {server}, but the store was written by a newer version of the "
            "program (schema {revision}) — this version cannot open it."
        ).format(**values), "problem"

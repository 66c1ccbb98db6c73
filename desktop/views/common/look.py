"""The frame's looks: icons, the light stylesheet, the program's name, and inline form messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QSizePolicy, QStyle, QWidget

import desktop
from desktop.core import paths
from desktop.core.i18n import current_language

RED, YELLOW, GREEN, GREY = "#D93025", "#B07800", "#188038", "#5F6B7A"
_TONES = {"problem": RED, "warning": YELLOW, "ok": GREEN, "note": GREY}

_FALLBACK_ICONS = {
    "app": QStyle.StandardPixmap.SP_ComputerIcon,
    "agencies": QStyle.StandardPixmap.SP_DirHomeIcon,
    "officers": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "users": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "audit": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "settings": QStyle.StandardPixmap.SP_FileDialogListView,
}

STYLESHEET = """
QWidget#navigationPanel {
    background: #EEF1F5;
    border-right: 1px solid #D5DAE1;
}
QListWidget#navigation {
    background: transparent;
    border: none;
    outline: 0;
}
QListWidget#navigation::item {
    color: #1F2933;
    padding: 0 8px;
    margin: 1px 6px;
    border-radius: 4px;
}
QListWidget#navigation::item:hover { background: #E1E7EF; }
QListWidget#navigation::item:selected { background: #D3E2F7; color: #0B3D91; }
QStatusBar { border-top: 1px solid #D5DAE1; }
QStatusBar::item { border: none; }
QStatusBar QLabel { padding: 0 6px; }
QGroupBox { font-weight: bold; }
QGroupBox QLabel, QGroupBox QCheckBox, QGroupBox QRadioButton,
QGroupBox QLineEdit, QGroupBox QPushButton, QGroupBox QComboBox, QGroupBox QSpinBox {
    font-weight: normal;
}
"""


def program_name() -> str:
    """The program's name in the current language (执法监督工作台 / Enforcement Supervision Desk)."""
    return desktop.APP_NAME if current_language() == "zh_CN" else desktop.APP_NAME_EN


def url_text(url: Any) -> str:
    """A store's address in words: "Local SQLite: path" or "Central PostgreSQL: host:port/db"."""
    if url.get_backend_name() == "sqlite":
        return sqlite_text(url.database or ":memory:")
    server = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"
    return QCoreApplication.translate("Store", "Central PostgreSQL: {server}").format(server=server)


def sqlite_text(path: object) -> str:
    """A SQLite store's file in words: "Local SQLite: path"."""
    return QCoreApplication.translate("Store", "Local SQLite: {path}").format(path=path)


def store_text(store: Any) -> str:
    """The open store in words (status bar, about box, login)."""
    return url_text(store.url)


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, or a standard one when the file is missing."""
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    if path.is_file():
        return QIcon(str(path))
    fallback = _FALLBACK_ICONS.get(name, QStyle.StandardPixmap.SP_FileIcon)
    return QApplication.style().standardIcon(fallback)


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    """The widget's font scaled by ``factor`` (titles)."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


class InlineMessage(QLabel):
    """A message under a form: red for a problem, green when done, grey for a note; hidden if empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.tone = ""
        self.setVisible(False)

    def show_text(self, text: str, tone: str = "note") -> None:
        """Show ``text`` in ``tone`` (problem, warning, ok, note); empty text hides the label."""
        self.tone = tone if text else ""
        self.setStyleSheet(f"color: {_TONES.get(tone, GREY)};")
        self.setText(text)
        self.setVisible(bool(text))
        _grow_dialog(self.window())

    def show_problem(self, text: str) -> None:
        """Red: something the user must fix."""
        self.show_text(text, "problem")

    def show_ok(self, text: str) -> None:
        """Green: it worked."""
        self.show_text(text, "ok")

    def clear_text(self) -> None:
        """Hide the message."""
        self.show_text("", "")


def note_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A grey explanatory line (word-wrapped)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {GREY};")
    return label


def _grow_dialog(window: QWidget) -> None:
    """Let a dialog grow when a message appears in it (its fields are never squeezed)."""
    if isinstance(window, QDialog):
        height = window.heightForWidth(window.width())
        if height > window.height():
            window.resize(window.width(), height)


def fit_width(window: QWidget, width: int) -> None:
    """Give a window ``width`` and the height its word-wrapped text needs at that width."""
    window.setMinimumWidth(width)
    height = window.heightForWidth(width)
    window.resize(width, height if height > 0 else window.sizeHint().height())


def password_field(parent: QWidget | None = None) -> QLineEdit:
    """A line edit that hides what is typed."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field

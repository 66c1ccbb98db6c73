"""关于: the program's name and version, the store, and the versions it runs on (for support calls)."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.context import AppContext
from desktop.core import paths
from desktop.views.common.look import fit_width, icon, note_label, program_name, scaled_font, store_text


class AboutDialog(QDialog):
    """Name, version, store, Qt and Python versions, the data folder."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self._title_row())
        layout.addLayout(self._facts(ctx))
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_width(self, 520)

    def _title_row(self) -> QHBoxLayout:
        logo = QLabel(self)
        logo.setPixmap(icon("app").pixmap(56, 56))
        name = QLabel(program_name(), self)
        name.setFont(scaled_font(name, 1.6, bold=True))
        version = QLabel(self.tr("Version {version}").format(version=desktop.__version__), self)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(name)
        text.addWidget(version)
        text.addWidget(
            note_label(self.tr("Supervision of administrative enforcement for county justice bureaus."), self)
        )
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        return row

    def _facts(self, ctx: AppContext) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        facts = [
            (self.tr("Store:"), store_text(ctx.store)),
            (self.tr("Data folder:"), str(paths.user_data_dir())),
            (
                self.tr("Runs on:"),
                self.tr("Qt {qt}, PySide6 {pyside}, Python {python}").format(
                    qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version()
                ),
            ),
            (self.tr("System:"), platform.platform(terse=True)),
        ]
        self.facts: dict[str, str] = {}
        for label, value in facts:
            field = QLabel(value, self)
            field.setWordWrap(True)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, field)
            self.facts[label] = value
        return form

    def text(self) -> str:
        """Everything the dialog says, as plain text (tests, copying)."""
        return "\n".join(f"{label} {value}" for label, value in self.facts.items())

"""The status bar's line for what the start of the day did (``desktop.views.shell.daily``).

Light: part of the main window's frame, shown before the store has opened."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

NOTE_WIDTH = 520


class DailyNote(QLabel):
    """The status bar's line for the start of the day: shown for a while, then gone (hover: whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dailyNote")
        self.setMaximumWidth(NOTE_WIDTH)
        self.hide()

    def show_text(self, text: str, ms: int) -> None:
        """Show ``text`` (elided to the label, whole on hover) for ``ms`` milliseconds."""
        self.setToolTip(text)
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, NOTE_WIDTH))
        self.show()
        QTimer.singleShot(ms, self, self.hide)


def add_daily_note(bar: QStatusBar) -> DailyNote:
    """A ``DailyNote`` after the store, before the permanent part of ``bar``."""
    note = DailyNote(bar)
    bar.addWidget(note)
    return note

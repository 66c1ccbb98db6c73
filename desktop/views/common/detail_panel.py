"""The panel beside (or below) a table that shows the selected row: what to do until a row is
chosen, then the row's body, scrolled when it is long."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedLayout, QWidget

PLACEHOLDER, BODY = 0, 1


class DetailPanel(QWidget):
    """A placeholder (page 0 of ``stack``) and the body (page 1); subclasses build the body and
    call ``set_body`` once, then ``show_body``/``show_placeholder`` as rows come and go."""

    def __init__(self, parent: QWidget | None = None, *, min_width: int = 0, wrap: bool = True) -> None:
        super().__init__(parent)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(wrap)
        self.placeholder.setEnabled(False)
        if min_width:
            self.setMinimumWidth(min_width)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)

    def set_placeholder_text(self, text: str) -> None:
        """What the panel says while no row is chosen."""
        self.placeholder.setText(text)

    def set_body(self, body: QWidget, *, scroll: bool = False) -> QWidget:
        """Put the body in (in a scroll area that wraps values instead of scrolling sideways)."""
        shown = scrolled(self, body) if scroll else body
        self.stack.addWidget(shown)
        return shown

    def show_placeholder(self) -> None:
        """No row: say what to do."""
        self.stack.setCurrentIndex(PLACEHOLDER)

    def show_body(self, shown: bool = True) -> None:
        """A row is shown (``shown`` False: the placeholder instead)."""
        self.stack.setCurrentIndex(BODY if shown else PLACEHOLDER)

    def showing_body(self) -> bool:
        """Whether a row is shown (tests)."""
        return self.stack.currentIndex() == BODY


def scrolled(parent: QWidget, body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area, resized to its width."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # values wrap instead
    area.setWidget(body)
    return area

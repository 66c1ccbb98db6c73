"""Top-level windows inside the screen: every window opens within the available screen area
(``QScreen.availableGeometry``: the screen less the taskbar), takes its remembered geometry back
only when that still fits, and otherwise its preferred size made small enough.

On a 1366×768 screen (the most common office resolution in county bureaus), and at 125 %
scaling (1093×614 logical), a window opened at a size made for a larger screen hides its status
bar and its bottom buttons (提交评分) below the screen's edge. ``place_window`` is called by every
top-level window in place of a ``resize``; ``save_geometry`` when it closes.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QMargins(8, 32, 8, 8)
"""Room left for the window manager's frame and title bar (the frame is unknown before ``show``)."""


def available_area(widget: QWidget | None = None) -> QRect:
    """The screen area a window of ``widget`` may use (tests replace this to fake a screen)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def fits(geometry: QRect, area: QRect) -> bool:
    """Whether a window's inner geometry, with room for its frame, lies inside ``area``."""
    return area.contains(geometry.marginsAdded(FRAME))


def fitted_size(preferred: QSize, area: QRect) -> QSize:
    """``preferred``, made no larger than ``area`` leaves once the frame has its room."""
    return preferred.boundedTo(area.marginsRemoved(FRAME).size())


def resize_to_fit(widget: QWidget, preferred: QSize) -> QSize:
    """Give a window (a large dialog) ``preferred`` made to fit the screen; the size given."""
    size = fitted_size(preferred, available_area(widget)).expandedTo(widget.minimumSize())
    widget.resize(size)
    return size


def restore_geometry(widget: QWidget, key: str) -> bool:
    """Put a window back where it was, when that still fits the screen; True if it was put back."""
    state = QSettings().value(f"geometry/{key}")
    if not (isinstance(state, QByteArray) and widget.restoreGeometry(state)):
        return False
    if widget.isMaximized() or fits(widget.geometry(), available_area(widget)):
        return True
    widget.setWindowState(widget.windowState() & ~Qt.WindowState.WindowMaximized)
    return False


def place_window(widget: QWidget, key: str, preferred: QSize) -> bool:
    """Open ``widget`` where it was last (when that still fits the screen), else at ``preferred``
    (made to fit) centred on the screen. True when the remembered geometry was used."""
    if restore_geometry(widget, key):
        return True
    inner = available_area(widget).marginsRemoved(FRAME)
    size = resize_to_fit(widget, preferred)
    spare = inner.size() - size
    widget.move(inner.topLeft() + QPoint(max(spare.width(), 0) // 2, max(spare.height(), 0) // 2))
    return False


def save_geometry(widget: QWidget, key: str) -> None:
    """Remember a window's size and place (``place_window`` uses them while they fit)."""
    QSettings().setValue(f"geometry/{key}", widget.saveGeometry())

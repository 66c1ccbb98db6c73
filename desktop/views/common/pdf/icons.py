"""Small icons of the dossier viewer's toolbar, drawn (no image files): zoom out and in, fit the
width and the page, and thumbnails. Drawn at 2× for high-DPI screens; the
toolbar shows them at 16 px with the action's name as tooltip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

INK = QColor("#3C4650")
SIZE = 32
"""Pixels of the drawing (shown at 16 px: crisp at 200 % scaling)."""


def _icon(draw: Callable[[QPainter], None]) -> QIcon:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    draw(painter)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


def _magnifier(p: QPainter, plus: bool) -> None:
    p.drawEllipse(QRectF(4, 4, 17, 17))
    p.drawLine(QPointF(19, 19), QPointF(28, 28))
    p.drawLine(QPointF(8.5, 12.5), QPointF(16.5, 12.5))
    if plus:
        p.drawLine(QPointF(12.5, 8.5), QPointF(12.5, 16.5))


def _page(p: QPainter) -> None:
    p.drawRect(QRectF(7, 3, 18, 26))


def _fit_width(p: QPainter) -> None:
    _page(p)
    p.drawLine(QPointF(2, 16), QPointF(30, 16))
    for tip, back in ((2, 6), (30, 26)):
        p.drawLine(QPointF(tip, 16), QPointF(back, 12))
        p.drawLine(QPointF(tip, 16), QPointF(back, 20))


def _fit_page(p: QPainter) -> None:
    _page(p)
    for x, y, dx, dy in ((10, 7, 1, 1), (22, 7, -1, 1), (10, 25, 1, -1), (22, 25, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + 4 * dx, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + 4 * dy))


def _thumbnails(p: QPainter) -> None:
    for x in (4, 18):
        for y in (4, 18):
            p.drawRect(QRectF(x, y, 10, 10))


def zoom_out_icon() -> QIcon:
    """A magnifier with a minus."""
    return _icon(lambda p: _magnifier(p, plus=False))


def zoom_in_icon() -> QIcon:
    """A magnifier with a plus."""
    return _icon(lambda p: _magnifier(p, plus=True))


def fit_width_icon() -> QIcon:
    """A page with an arrow across it."""
    return _icon(_fit_width)


def fit_page_icon() -> QIcon:
    """A page with its four corners marked."""
    return _icon(_fit_page)


def thumbnails_icon() -> QIcon:
    """Four small pages."""
    return _icon(_thumbnails)

"""The page on screen: its image, and over it search hits, selected words, the caller's marks and
the box being drawn; mouse handling for clicking marks, panning and the two mark-making modes.

Every overlay and every hit test goes through ``PageGeometry.to_view`` (unrotated PDF points →
logical pixels) or its inverse, so what is drawn and what a drag reports always agree, whatever
the zoom, the device pixel ratio or the page's rotation.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from desktop.views.common.look import GREY
from desktop.views.common.pdf.shapes import (
    MarkShape,
    PageGeometry,
    Rect,
    TextToken,
    from_qrect,
    intersects,
    joined_text,
    to_qrect,
    union,
)

MARGIN = 10
MIN_DRAG_PX = 4
FLASH_MS = 160
FLASH_TIMES = 6
HIT_FILL = QColor(255, 213, 0, 90)
CURRENT_HIT_FILL = QColor(255, 120, 0, 130)
SELECTION_FILL = QColor(33, 120, 243, 70)
BAND = QColor(25, 103, 210)
BACKDROP = QColor("#E3E7ED")
WHEEL_TURN_S = 0.35


class PageView(QWidget):
    """One page with its overlays; sized to the page at the current zoom plus a margin."""

    mark_drawn = Signal(int, object, str, str)  # page, rect (unrotated PDF points), "rect" | "text", text
    mark_clicked = Signal(int)
    displayed = Signal(int)
    panned = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierPage")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setMouseTracking(True)
        self.page = -1
        self.geometry_: PageGeometry | None = None
        self.px_per_pt = 1.0
        self.dpr = 1.0  # device pixels per logical pixel the images are rendered for
        self.image: QImage | None = None
        self.exact = False
        self.message = ""
        self.marks: list[MarkShape] = []
        self.hits: list[Rect] = []
        self.current_hit = -1
        self.tokens: tuple[TextToken, ...] | None = None
        self.selection: list[TextToken] = []
        self.mode = ""
        self._press: QPointF | None = None
        self._drag_end: QPointF | None = None
        self._last_global: QPoint | None = None
        self._announced: tuple[int, int] | None = None
        self._flash_id: int | None = None
        self._flash_left = 0
        self._flash_timer = QTimer(self, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self.on_flash_timer_timeout)
        self.resize(self.sizeHint())

    # -- what to show ------------------------------------------------------------------------

    def set_page(
        self,
        page: int,
        geometry: PageGeometry,
        px_per_pt: float,
        dpr: float,
        image: QImage | None,
        exact: bool,
    ) -> None:
        """Show ``page`` at ``px_per_pt`` logical pixels per point, images rendered for ``dpr``
        device pixels per logical pixel (``image`` may be a stand-in, not ``exact``)."""
        if page != self.page:
            self.selection, self.tokens, self.hits, self.current_hit = [], None, [], -1
            self._cancel_drag()
        self.page, self.geometry_, self.px_per_pt, self.dpr = page, geometry, px_per_pt, dpr
        self.message = ""
        self.set_image(image, exact)
        self.resize(self.sizeHint())

    def set_image(self, image: QImage | None, exact: bool = True) -> None:
        """Replace the page image (``exact``: rendered at the current zoom, not a scaled stand-in)."""
        self.image, self.exact = image, exact and image is not None
        self.update()

    def set_message(self, text: str) -> None:
        """A line in the middle of the page (a page MuPDF could not draw)."""
        self.message = text
        self.update()

    def clear(self) -> None:
        """No page at all."""
        self.page, self.geometry_, self.image, self.exact = -1, None, None, False
        self.marks, self.hits, self.selection, self.tokens = [], [], [], None
        self._announced = None
        self._cancel_drag()
        self.resize(self.sizeHint())
        self.update()

    def set_marks(self, marks: Sequence[MarkShape]) -> None:
        """The marks of this page."""
        self.marks = list(marks)
        self.update()

    def set_hits(self, hits: Sequence[Rect], current: int = -1) -> None:
        """Search hits on this page; ``current`` (an index into ``hits``) stands out."""
        self.hits, self.current_hit = list(hits), current
        self.update()

    def set_tokens(self, tokens: Sequence[TextToken]) -> None:
        """The words of this page, for the text-selection mode."""
        self.tokens = tuple(tokens)

    def set_mode(self, mode: str) -> None:
        """ "" (browse and click marks), "rect" (draw a box) or "text" (select words)."""
        self.mode = mode
        self._cancel_drag()
        if not mode:
            self.selection = []
        cursors = {"rect": Qt.CursorShape.CrossCursor, "text": Qt.CursorShape.IBeamCursor}
        self.setCursor(cursors.get(mode, Qt.CursorShape.ArrowCursor))
        self.update()

    def flash(self, mark_id: int) -> None:
        """Make a mark blink a few times."""
        self._flash_id, self._flash_left = mark_id, FLASH_TIMES
        self._flash_timer.start()
        self.update()

    def on_flash_timer_timeout(self) -> None:
        """One blink."""
        self._flash_left -= 1
        if self._flash_left <= 0:
            self._flash_timer.stop()
            self._flash_id = None
        self.update()

    # -- geometry ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        """The page at the current zoom plus the margin around it."""
        if self.geometry_ is None:
            return QSize(2 * MARGIN, 2 * MARGIN)
        g, z = self.geometry_, self.px_per_pt
        return QSize(round(g.width * z) + 2 * MARGIN, round(g.height * z) + 2 * MARGIN)

    def page_rect(self) -> QRectF:
        """Where the page is drawn, in this widget's logical pixels."""
        if self.geometry_ is None:
            return QRectF()
        g, z = self.geometry_, self.px_per_pt
        return QRectF(MARGIN, MARGIN, g.width * z, g.height * z)

    def to_view(self) -> QTransform:
        """Unrotated PDF points → this widget's logical pixels."""
        assert self.geometry_ is not None
        return self.geometry_.to_view(self.px_per_pt) * QTransform.fromTranslate(MARGIN, MARGIN)

    def view_rect(self, rect: Rect) -> QRectF:
        """A PDF rectangle as drawn here."""
        return self.to_view().mapRect(to_qrect(rect))

    def pdf_rect(self, rect: QRectF) -> Rect:
        """A rectangle of this widget in unrotated PDF points (rounded to 1/100 pt)."""
        inverse, _ok = self.to_view().inverted()
        return tuple(round(v, 2) for v in from_qrect(inverse.mapRect(rect)))  # type: ignore[return-value]

    def mark_at(self, pos: QPointF) -> int | None:
        """The id of the topmost mark under ``pos`` (its box or its label), if any."""
        if self.geometry_ is None:
            return None
        for mark in reversed(self.marks):
            box = self.view_rect(mark.rect)
            if box.adjusted(-2, -2, 2, 2).contains(pos) or self._label_rect(mark, box).contains(pos):
                return mark.id
        return None

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """The page, then hits, selection, marks and the box being drawn."""
        painter = QPainter(self)
        page = self.page_rect()
        if page.isEmpty():
            return
        painter.fillRect(page.translated(2, 2), QColor(0, 0, 0, 45))
        painter.fillRect(page, Qt.GlobalColor.white)
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not self.exact)
            painter.drawImage(self._image_rect(page), self.image)
        if self.message:
            painter.setPen(QColor(GREY))
            painter.drawText(page, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
        painter.setClipRect(page)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_hits(painter)
        for token in self.selection:
            painter.fillRect(self.view_rect(token.rect), SELECTION_FILL)
        for mark in self.marks:
            self._paint_mark(painter, mark)
        self._paint_band(painter)
        if self.mode == "text" and self.tokens == ():
            self._paint_note(painter, page, self.tr("No text on this page: mark it with a box (Mark area)."))
        painter.end()
        self._announce()

    def _paint_note(self, painter: QPainter, page: QRectF, text: str) -> None:
        """A note across the top of the page's visible part."""
        area = self.visibleRegion().boundingRect()
        band = QRectF(page.left(), max(page.top(), area.top()), page.width(), 26)
        painter.fillRect(band, QColor(255, 248, 225, 235))
        painter.setPen(QColor(GREY))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, text)

    def _image_rect(self, page: QRectF) -> QRectF:
        """Where the image goes: pixel for pixel when rendered for this zoom (its size is the
        page's rounded up to whole pixels), else stretched over the page (a stand-in)."""
        assert self.image is not None
        size = QSizeF(self.image.width() / self.dpr, self.image.height() / self.dpr)
        if self.exact and abs(size.width() - page.width()) < 1.5 and abs(size.height() - page.height()) < 1.5:
            return QRectF(page.topLeft(), size)
        return page

    def _announce(self) -> None:
        """Say once per page and image that an exact image is on screen."""
        if self.exact and self.image is not None:
            key = (self.page, self.image.cacheKey())
            if key != self._announced:
                self._announced = key
                self.displayed.emit(self.page)

    def _paint_hits(self, painter: QPainter) -> None:
        for n, rect in enumerate(self.hits):
            box = self.view_rect(rect)
            if n == self.current_hit:
                painter.fillRect(box, CURRENT_HIT_FILL)
                painter.setPen(QPen(QColor(200, 80, 0), 1.5))
                painter.drawRect(box.adjusted(-1, -1, 1, 1))
            else:
                painter.fillRect(box, HIT_FILL)

    def _paint_mark(self, painter: QPainter, mark: MarkShape) -> None:
        color = QColor(mark.color)
        if not color.isValid():
            color = QColor("#d32f2f")
        box = self.view_rect(mark.rect)
        fill = QColor(color)
        fill.setAlpha(70 if mark.selected else 38)
        painter.fillRect(box, fill)
        flashing = mark.id == self._flash_id and self._flash_left % 2 == 0
        painter.setPen(QPen(color, 3.0 if mark.selected or flashing else 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        if flashing:
            glow = QColor(color)
            glow.setAlpha(110)
            painter.setPen(QPen(glow, 4.0))
            painter.drawRect(box.adjusted(-4, -4, 4, 4))
        if mark.label:
            tag = self._label_rect(mark, box)
            painter.fillRect(tag, color)
            painter.setPen(Qt.GlobalColor.white)
            painter.setFont(self._label_font())
            text = QFontMetricsF(self._label_font()).elidedText(
                mark.label, Qt.TextElideMode.ElideRight, tag.width() - 6
            )
            painter.drawText(tag.adjusted(3, 0, -3, 0), Qt.AlignmentFlag.AlignVCenter, text)

    def _label_font(self):  # type: ignore[no-untyped-def]
        font = self.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def _label_rect(self, mark: MarkShape, box: QRectF) -> QRectF:
        """The label's tag: above the box's top-left corner, or inside it at the page's top."""
        if not mark.label:
            return QRectF()
        metrics = QFontMetricsF(self._label_font())
        width = min(metrics.horizontalAdvance(mark.label) + 6, 220.0)
        height = metrics.height() + 2
        top = box.top() - height if box.top() - height >= self.page_rect().top() else box.top()
        return QRectF(box.left(), top, width, height)

    def _paint_band(self, painter: QPainter) -> None:
        band = self._band()
        if band is None or self.mode != "rect":
            return
        fill = QColor(BAND)
        fill.setAlpha(30)
        painter.fillRect(band, fill)
        painter.setPen(QPen(BAND, 1.0, Qt.PenStyle.DashLine))
        painter.drawRect(band)

    # -- the mouse ---------------------------------------------------------------------------

    def _band(self) -> QRectF | None:
        """The box being dragged, clipped to the page."""
        if self._press is None or self._drag_end is None:
            return None
        return QRectF(self._press, self._drag_end).normalized().intersected(self.page_rect())

    def _cancel_drag(self) -> None:
        self._press = self._drag_end = None
        self._last_global = None

    def cancel_drag(self) -> None:
        """Forget a drag under way (Escape)."""
        self._cancel_drag()
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Start a drag: a box, a word selection or a pan."""
        if event.button() != Qt.MouseButton.LeftButton or self.geometry_ is None:
            super().mousePressEvent(event)
            return
        self._press = self._drag_end = event.position()
        self._last_global = event.globalPosition().toPoint()
        if self.mode == "text":
            self.selection = []
            self.update()
        elif not self.mode and self.mark_at(event.position()) is None:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Grow the box or the selection, pan, or show a hand over a mark."""
        if self._press is None:
            if not self.mode:
                over = self.mark_at(event.position()) is not None
                self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
            return
        self._drag_end = event.position()
        if self.mode == "text":
            self.selection = self._tokens_in(self._band())
        elif not self.mode and self._last_global is not None:
            now = event.globalPosition().toPoint()
            self.panned.emit(now - self._last_global)
            self._last_global = now
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click activates the mark under it; a drag in a mark mode reports the new mark."""
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        self._drag_end = event.position()
        band = self._band()
        moved = (event.position() - self._press).manhattanLength()
        self._press = self._drag_end = None
        if not self.mode:
            self.setCursor(Qt.CursorShape.ArrowCursor)
        if moved < MIN_DRAG_PX:
            self.selection = [] if self.mode == "text" else self.selection
            mark = self.mark_at(event.position())
            if mark is not None:
                self.mark_clicked.emit(mark)
        elif self.mode == "rect" and band is not None and band.width() >= 1 and band.height() >= 1:
            self.mark_drawn.emit(self.page, self.pdf_rect(band), "rect", "")
        elif self.mode == "text":
            self._report_selection(band)
        self.update()

    def _report_selection(self, band: QRectF | None) -> None:
        self.selection = self._tokens_in(band)
        rect = union(token.rect for token in self.selection)
        if rect is not None:
            rect = tuple(round(v, 2) for v in rect)  # type: ignore[assignment]
            self.mark_drawn.emit(self.page, rect, "text", joined_text(self.selection))

    def _tokens_in(self, band: QRectF | None) -> list[TextToken]:
        """The words under ``band`` (widget pixels), in reading order."""
        if band is None or band.isEmpty() or not self.tokens:
            return []
        area = self.pdf_rect(band)
        return [token for token in self.tokens if intersects(token.rect, area)]


class PageScrollArea(QScrollArea):
    """The scroll area around the page: Ctrl+wheel zooms, the wheel past an edge turns the page."""

    zoomed = Signal(int)  # +1 in, -1 out
    past_edge = Signal(int)  # +1 below the bottom, -1 above the top
    resized = Signal()

    def __init__(self, page: PageView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierScroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(page)
        palette = self.viewport().palette()
        palette.setColor(QPalette.ColorRole.Window, BACKDROP)
        self.viewport().setPalette(palette)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.viewport().setAutoFillBackground(True)
        self._last_turn = 0.0

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel: zoom; the wheel at the top or bottom: the previous or next page (one a moment)."""
        dy = event.angleDelta().y()
        bar = self.verticalScrollBar()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if dy:
                self.zoomed.emit(1 if dy > 0 else -1)
            event.accept()
        elif (dy < 0 and bar.value() >= bar.maximum()) or (dy > 0 and bar.value() <= bar.minimum()):
            now = time.monotonic()
            if now - self._last_turn >= WHEEL_TURN_S:
                self._last_turn = now
                self.past_edge.emit(1 if dy < 0 else -1)
            event.accept()
        else:
            super().wheelEvent(event)

    def scroll_screen(self, forward: bool) -> bool:
        """A screen down (or up); False when already at the bottom (or top)."""
        bar = self.verticalScrollBar()
        if (bar.value() >= bar.maximum()) if forward else (bar.value() <= bar.minimum()):
            return False
        bar.setValue(bar.value() + (bar.pageStep() if forward else -bar.pageStep()))
        return True

    def pan(self, delta: QPoint) -> None:
        """Move the page by ``delta`` (a drag on it)."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The room for the page changed (fit modes follow it)."""
        super().resizeEvent(event)
        self.resized.emit()

    def scroll_fraction(self) -> float:
        """How far down the page the view is, 0 to 1."""
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        """Scroll to ``fraction`` of the way down."""
        bar = self.verticalScrollBar()
        bar.setValue(round(fraction * bar.maximum()))

"""The dossier viewer (案卷阅览): a reusable widget showing one PDF a page at a time, with
thumbnails, zoom, text search and an overlay of marks the caller supplies and the user draws.

It knows nothing of the store or of scores: the caller opens a file, gives it ``MarkShape``s,
and listens to ``markDrawn`` and ``markActivated``. Rendering, word extraction and search run on
the viewer's ``RenderWorker`` thread (``pdf_render``); page images are cached by (page, scale)
within ``cache_bytes``; the neighbours of the page shown are rendered ahead.

Keys (anywhere inside the viewer): PgDown/Right and PgUp/Left turn pages; Space and Shift+Space
scroll a screen and turn at the page's end; Home/End; Ctrl+G the page box; Ctrl+F the search
field; F3/Shift+F3 the next and previous match; Ctrl+= / Ctrl+- / Ctrl+0 zoom in, out, fit
width; Ctrl+B and Ctrl+T the box and text mark modes; Escape leaves a mark mode.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QStyle, QWidget

from desktop.views.common.pdf.marks import MarkController
from desktop.views.common.pdf.render import Job, Opened, PageCache, Rendered, RenderWorker, stop_workers
from desktop.views.common.pdf.search import SearchController
from desktop.views.common.pdf.shapes import PX_PER_PT, MarkShape, PageGeometry, Rect
from desktop.views.common.pdf.thumbnails import thumb_scale
from desktop.views.common.pdf.viewer_ui import build_widgets, failure_text, install_shortcuts
from desktop.views.common.pdf.zoom import (
    CUSTOM,
    FIT_PAGE,
    FIT_WIDTH,
    ViewerPosition,
    clamp_zoom,
    fit_zoom,
    load_view_settings,
    parse_percent,
    save_view_settings,
    step_zoom,
)

__all__ = ["DossierViewer", "MarkShape", "ViewerPosition"]

CACHE_BYTES = 200 * 1024 * 1024
RELAYOUT_MS = 60


class DossierViewer(QWidget):
    """A PDF dossier viewer: single page, thumbnails, zoom, search, marks. See the module docstring."""

    pageChanged = Signal(int)  # noqa: N815 - the names callers know
    documentOpened = Signal(int)  # noqa: N815 - the names callers know
    failed = Signal(str)
    markActivated = Signal(int)  # noqa: N815 - the names callers know
    markDrawn = Signal(int, object, str, str)  # noqa: N815 - page, (x0, y0, x1, y1) unrotated PDF points, kind, text
    pageDisplayed = Signal(int)  # noqa: N815 - the names callers know
    markModeChanged = Signal(str)  # noqa: N815 - the names callers know

    def __init__(self, parent: QWidget | None = None, *, cache_bytes: int = CACHE_BYTES) -> None:
        super().__init__(parent)
        self.setObjectName("dossierViewer")
        self._worker: RenderWorker | None = None
        self._workers: list[RenderWorker] = []
        self.destroyed.connect(functools.partial(stop_workers, self._workers))
        app = QCoreApplication.instance()
        if app is not None:  # no render thread left running at exit either
            app.aboutToQuit.connect(functools.partial(stop_workers, self._workers))
        self.path: Path | None = None
        self._geometries: tuple[PageGeometry, ...] = ()
        self._page = 0
        self._pending: ViewerPosition | None = None
        self._zoom_mode, self._zoom = FIT_WIDTH, 1.0
        self._cache = PageCache(cache_bytes)
        ui = build_widgets(self)
        self.toolbar, self.page_view, self.scroll, self.message = (
            ui.toolbar,
            ui.page_view,
            ui.scroll,
            ui.message,
        )
        self.stack, self.thumbs_model, self.thumbs = ui.stack, ui.thumbs_model, ui.thumbs
        self._relayout_timer = QTimer(self, singleShot=True, interval=RELAYOUT_MS)
        self.search = SearchController(self, self.page_view, self.toolbar, self)
        self.escape_action = install_shortcuts(
            self, self.toolbar, self.scroll_screen, self.go_to_page, lambda: self.page_count - 1
        )
        self.marking = MarkController(
            self, self.page_view, self.toolbar, self.thumbs_model, self.escape_action, self
        )
        self._connect()
        self._show_message(self.tr("No dossier open."))

    # -- building ----------------------------------------------------------------------------

    def _connect(self) -> None:
        tb = self.toolbar
        tb.previous_page.triggered.connect(self.previous_page)
        tb.next_page.triggered.connect(self.next_page)
        tb.page_box.returnPressed.connect(self.on_page_box_return_pressed)
        tb.page_box.editingFinished.connect(self._update_toolbar)
        tb.zoom_in.triggered.connect(self.zoom_in)
        tb.zoom_out.triggered.connect(self.zoom_out)
        tb.zoom_combo.textActivated.connect(self.on_zoom_combo_text_activated)
        tb.fit_width.triggered.connect(self.fit_width)
        tb.fit_page.triggered.connect(self.fit_page)
        tb.thumbnails.toggled.connect(self.set_thumbnails_visible)
        self.page_view.mark_drawn.connect(self.markDrawn)
        self.page_view.mark_clicked.connect(self.markActivated)
        self.page_view.displayed.connect(self.pageDisplayed)
        self.page_view.panned.connect(self.scroll.pan)
        self.scroll.zoomed.connect(lambda steps: self.zoom_in() if steps > 0 else self.zoom_out())
        self.scroll.past_edge.connect(self.on_scroll_past_edge)
        self.scroll.resized.connect(self.on_scroll_resized)
        self.thumbs.page_clicked.connect(self.go_to_page)
        self.thumbs.rows_wanted.connect(self.on_thumbs_rows_wanted)
        self._relayout_timer.timeout.connect(lambda: self._show_page("keep"))
        self.escape_action.triggered.connect(self.marking.on_escape)
        self.marking.mode_changed.connect(self.markModeChanged)

    # -- the document ------------------------------------------------------------------------

    def open(self, path: str | Path) -> None:
        """Open a PDF and show its first page; ``documentOpened`` or ``failed(message)`` follows."""
        self.close_document()
        self.path = Path(path)
        if not self.path.is_file():
            self._fail(failure_text("missing", self.path.name))
            return
        worker = RenderWorker(self.path)
        worker.signals.opened.connect(self.on_worker_opened)
        worker.signals.failed.connect(self.on_worker_failed)
        worker.signals.rendered.connect(self.on_worker_rendered)
        worker.signals.words.connect(self.marking.on_worker_words)
        worker.signals.searched.connect(self.search.on_worker_searched)
        self._worker = worker
        self._workers.append(worker)
        self._show_message(self.tr("Opening {name}…").format(name=self.path.name))
        worker.start()

    def focus_search(self) -> None:
        """Put the cursor in the search field (Ctrl+F)."""
        self.toolbar.focus_search()

    def close_document(self) -> None:
        """Close the document: stop its worker (waiting for the page in hand), forget its pages."""
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
            if worker in self._workers:
                self._workers.remove(worker)
        self._geometries, self._page, self._pending = (), 0, None
        self._cache.clear()
        self.search.clear()
        self.marking.reset()
        self.thumbs_model.reset(())
        self.page_view.clear()
        self._update_toolbar()
        self._show_message(self.tr("No dossier open."))

    @property
    def page_count(self) -> int:
        """Pages in the open document (0 until ``documentOpened``)."""
        return len(self._geometries)

    @property
    def current_page(self) -> int:
        """The page shown, 0-based."""
        return self._page

    @property
    def worker(self) -> RenderWorker | None:
        """The worker of the open document (tests, benchmarks)."""
        return self._worker

    @property
    def cache(self) -> PageCache:
        """The page image cache."""
        return self._cache

    def on_worker_opened(self, info: Opened) -> None:
        """The worker opened the file: set up the pages and show the first (or the asked-for) one."""
        if not self._is_current(info.worker):
            return
        self._geometries = info.geometries
        self.thumbs_model.reset(info.geometries)
        self.marking.update_thumbnails()
        self.stack.setCurrentWidget(self.scroll)
        self.set_thumbnails_visible(self.thumbnails_visible)
        pending, self._pending = self._pending, None
        if pending is not None and pending.zoom_mode:
            self._zoom_mode, self._zoom = pending.zoom_mode, pending.zoom
        self._page = min(max(pending.page if pending else 0, 0), self.page_count - 1)
        self.documentOpened.emit(self.page_count)
        self._show_page("top")
        if pending is not None and pending.scroll:
            self.scroll.set_scroll_fraction(pending.scroll)
        self.pageChanged.emit(self._page)
        if self.marking.pending is not None:
            self.marking.show(self.marking.pending)

    def on_worker_failed(self, worker: int, code: str, detail: str) -> None:
        """The worker could not open the file: say why."""
        if not self._is_current(worker):
            return
        self._fail(failure_text(code, self.path.name if self.path is not None else ""))

    def _fail(self, message: str) -> None:
        self.close_document()
        self._show_message(message)
        self.failed.emit(message)

    def _is_current(self, worker: int) -> bool:
        return self._worker is not None and worker == self._worker.id

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.thumbs.setVisible(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the viewer closes the document (and stops its thread)."""
        self.close_document()
        super().closeEvent(event)

    # -- pages -------------------------------------------------------------------------------

    def go_to_page(self, page: int) -> None:
        """Show ``page`` (0-based, clamped); before the document is open, remember it for then."""
        if not self._geometries:
            if self._worker is not None:
                self._pending = ViewerPosition(page, 0.0, self._zoom_mode, self._zoom)
            return
        page = min(max(page, 0), self.page_count - 1)
        if page == self._page and self.page_view.page == page:
            self.scroll.verticalScrollBar().setValue(0)
            return
        self._page = page
        self._show_page("top")
        self.pageChanged.emit(page)

    def next_page(self) -> None:
        """The next page, from its top."""
        self.go_to_page(self._page + 1)

    def previous_page(self, *, at_bottom: bool = False) -> None:
        """The previous page, from its top (or its bottom)."""
        if self._page > 0:
            self.go_to_page(self._page - 1)
            if at_bottom:
                self.scroll.set_scroll_fraction(1.0)

    def scroll_screen(self, forward: bool) -> None:
        """Space: a screen down, or the next page at the bottom; Shift+Space the other way."""
        if not self.scroll.scroll_screen(forward):
            self.on_scroll_past_edge(1 if forward else -1)

    def on_scroll_past_edge(self, direction: int) -> None:
        """Past the page's end (wheel or Space): the next page from its top, or the previous from its bottom."""
        if direction > 0:
            self.next_page()
        else:
            self.previous_page(at_bottom=True)

    def _show_page(self, scroll: str = "top") -> None:
        """Lay out the current page at the current zoom, with its image if cached, else ask for it."""
        if not self._geometries or self._worker is None:
            return
        fraction = self.scroll.scroll_fraction()
        page, geometry = self._page, self._geometries[self._page]
        px, scale = self._px_per_pt(page), self._scale(page)
        image = self._cache.get(page, scale)
        exact = image is not None
        self.page_view.set_page(
            page, geometry, px, self._dpr(), image if exact else self._cache.any_of(page), exact
        )
        self.marking.update_page()
        self.search.update_hits()
        self._worker.submit("prefetch", [])
        if exact:
            self._prefetch()
        else:
            self._worker.submit("view", [Job(page, scale)])
        self.scroll.set_scroll_fraction({"top": 0.0, "bottom": 1.0}.get(scroll, fraction))
        self.thumbs.select_page(page)
        self._update_toolbar()

    def _prefetch(self) -> None:
        """Render the pages before and after the one shown (the next one first)."""
        if self._worker is None:
            return
        jobs = [
            Job(p, self._scale(p))
            for p in (self._page - 1, self._page + 1)
            if 0 <= p < self.page_count and (p, self._scale(p)) not in self._cache
        ]
        self._worker.submit("prefetch", jobs)

    def on_worker_rendered(self, result: Rendered) -> None:
        """A page image: a thumbnail, or into the cache and on screen if it is the page shown."""
        if not self._is_current(result.worker):
            return
        if result.group == "thumbs":
            if result.image is not None:
                self.thumbs_model.set_image(result.page, result.image)
            return
        if result.image is None:
            if result.page == self._page:
                self.page_view.set_message(self.tr("This page cannot be shown: the file may be damaged."))
            return
        self._cache.put(result.page, result.scale, result.image)
        if result.page == self._page and PageCache.key(self._page, self._scale(self._page)) == PageCache.key(
            result.page, result.scale
        ):
            self.page_view.set_image(result.image, True)
            self._prefetch()

    def on_thumbs_rows_wanted(self, rows: list[int]) -> None:
        """Render the thumbnails in sight (the topmost first)."""
        if self._worker is None or not self._geometries:
            return
        dpr = self._dpr()
        jobs = [Job(r, thumb_scale(self._geometries[r], dpr)) for r in reversed(rows) if r < self.page_count]
        self._worker.submit("thumbs", jobs)

    def set_thumbnails_visible(self, visible: bool) -> None:
        """Show or hide the thumbnails (never shown without a document)."""
        self.thumbs.setVisible(visible and self.page_count > 0)
        self.toolbar.thumbnails.setChecked(visible)
        if visible:
            self.thumbs.select_page(self._page)

    @property
    def thumbnails_visible(self) -> bool:
        """Whether the thumbnails are shown (asked for, even while the viewer is hidden)."""
        return self.toolbar.thumbnails.isChecked()

    # -- zoom --------------------------------------------------------------------------------

    def _dpr(self) -> float:
        """Device pixels per logical pixel where the page is shown."""
        return self.page_view.devicePixelRatioF()

    def _zoom_of(self, page: int) -> float:
        """The zoom factor of ``page`` (1.0 = 100 %): the chosen one, or what fits."""
        if self._zoom_mode == CUSTOM or not self._geometries:
            return self._zoom
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return fit_zoom(self._zoom_mode, self._geometries[page], self.scroll.maximumViewportSize(), bar)

    def _px_per_pt(self, page: int) -> float:
        return self._zoom_of(page) * PX_PER_PT

    def _scale(self, page: int) -> float:
        """Device pixels per point to render ``page`` at."""
        return self._px_per_pt(page) * self._dpr()

    @property
    def zoom(self) -> float:
        """The zoom of the page shown (1.0 = 100 %)."""
        return self._zoom_of(self._page)

    @property
    def zoom_mode(self) -> str:
        """ "width" (fit width, the default), "page" (fit page) or "custom"."""
        return self._zoom_mode

    def set_zoom(self, zoom: float) -> None:
        """A fixed zoom (1.0 = 100 %, kept between 25 % and 400 %)."""
        self._zoom_mode, self._zoom = CUSTOM, clamp_zoom(zoom)
        self._show_page("keep")
        self._update_toolbar()

    def zoom_in(self) -> None:
        """The next zoom step up."""
        self.set_zoom(step_zoom(self.zoom, True))

    def zoom_out(self) -> None:
        """The next zoom step down."""
        self.set_zoom(step_zoom(self.zoom, False))

    def fit_width(self) -> None:
        """Zoom so the page's width fills the view (the default)."""
        self._zoom_mode = FIT_WIDTH
        self._show_page("keep")
        self._update_toolbar()

    def fit_page(self) -> None:
        """Zoom so the whole page is in view."""
        self._zoom_mode = FIT_PAGE
        self._show_page("keep")
        self._update_toolbar()

    def on_zoom_combo_text_activated(self, text: str) -> None:
        """A zoom typed or chosen in percent."""
        zoom = parse_percent(text)
        if zoom is None:
            self._update_toolbar()
        elif round(zoom * 100) != round(self.zoom * 100) or self._zoom_mode != CUSTOM:
            self.set_zoom(zoom)
        self.scroll.setFocus()

    def on_scroll_resized(self) -> None:
        """The view changed size: fit modes lay the page out again (once it settles)."""
        if self._zoom_mode != CUSTOM and self._geometries:
            self._relayout_timer.start()

    def event(self, event: QEvent) -> bool:
        """Moved to a screen with another pixel ratio: render again for it."""
        if event.type() == QEvent.Type.DevicePixelRatioChange and getattr(self, "_geometries", ()):
            self._relayout_timer.start()
        return super().event(event)

    # -- the toolbar -------------------------------------------------------------------------

    def _update_toolbar(self) -> None:
        self.toolbar.show_state(self._page, self.page_count, round(self.zoom * 100), self._zoom_mode)
        self.search.update_ui()

    def on_page_box_return_pressed(self) -> None:
        """A page number typed: go there, back to the page."""
        text = self.toolbar.page_box.text().strip()
        self.toolbar.page_box.setModified(False)
        if text.isdigit():
            self.go_to_page(int(text) - 1)
        self._update_toolbar()
        self.scroll.setFocus()

    # -- marks -------------------------------------------------------------------------------

    def set_marks(self, marks: Sequence[MarkShape]) -> None:
        """The marks to draw over the pages, replacing the previous ones (kept across documents)."""
        self.marking.set_marks(marks)

    @property
    def marks(self) -> list[MarkShape]:
        """The marks given by ``set_marks``."""
        return list(self.marking.marks)

    def show_mark(self, mark_id: int) -> bool:
        """Go to a mark's page, scroll it into view and make it blink; False if there is no such mark."""
        return self.marking.show(mark_id)

    @property
    def mark_mode(self) -> str:
        """ "" (browse), "rect" (draw boxes) or "text" (select words)."""
        return self.marking.mode

    def set_mark_mode(self, mode: str) -> None:
        """Enter a mark-making mode ("rect" or "text") or leave it ("")."""
        self.marking.set_mode(mode)

    def ensure_visible(self, rect: Rect) -> None:
        """Scroll so that a rectangle (unrotated PDF points) of the page shown is in view."""
        box = self.page_view.view_rect(rect)
        center = box.center()
        self.scroll.ensureVisible(
            round(center.x()), round(center.y()), round(box.width() / 2 + 40), round(box.height() / 2 + 40)
        )

    def find(self, text: str) -> None:
        """Search every page for ``text`` (as typing it in the search field and pressing Enter)."""
        self.toolbar.search.setText(text)
        self.search.find(text)

    # -- position and settings ---------------------------------------------------------------

    def current_position(self) -> ViewerPosition:
        """Where the reader is, to come back to with ``restore_position``."""
        return ViewerPosition(
            self._page, round(self.scroll.scroll_fraction(), 4), self._zoom_mode, self._zoom
        )

    def restore_position(self, position: ViewerPosition) -> None:
        """Go back to a remembered position (kept until the document is open)."""
        if not self._geometries:
            self._pending = position if self._worker is not None else None
            return
        self._zoom_mode, self._zoom = position.zoom_mode, clamp_zoom(position.zoom)
        self.go_to_page(position.page)
        self._show_page("keep")
        self.scroll.set_scroll_fraction(position.scroll)

    def save_settings(self, key: str = "default") -> None:
        """Remember the thumbnails' visibility and the zoom (one ``key`` per place of use)."""
        save_view_settings(key, self.thumbnails_visible, self._zoom_mode, self._zoom)

    def restore_settings(self, key: str = "default") -> bool:
        """Apply what ``save_settings`` remembered; True if something was."""
        found = load_view_settings(key)
        if found is None:
            return False
        thumbnails, self._zoom_mode, self._zoom = found
        self.set_thumbnails_visible(thumbnails)
        self._show_page("keep")
        self._update_toolbar()
        return True

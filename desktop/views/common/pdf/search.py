"""Text search in the dossier viewer: the hits found so far (``SearchState``) and the part of the
viewer that asks the worker to search and shows the results (``SearchController``).

The worker searches every page a few at a time between its other jobs and reports as it goes;
the counter shows "3 / 17" (current / found), and when the search takes a while also the page
it has reached and a Cancel button. A document without any text (a scan) says "No text layer".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer

from desktop.views.common.pdf.page_view import PageView
from desktop.views.common.pdf.pages import Pages
from desktop.views.common.pdf.render import SearchProgress
from desktop.views.common.pdf.shapes import Rect
from desktop.views.common.pdf.toolbar import ViewerToolbar

SEARCH_SLOW_MS = 300


@dataclass
class SearchState:
    """One search: its worker-given id, the hits in page order, which one is current."""

    id: int = 0
    text: str = ""
    hits: list[tuple[int, Rect]] = field(default_factory=list)
    current: int = -1
    pages_done: int = 0
    page_count: int = 0
    finished: bool = True
    has_text: bool = False
    cancelled: bool = False

    @property
    def active(self) -> bool:
        """Whether a search was asked for (running or done)."""
        return bool(self.text)

    def add(
        self,
        hits: tuple[tuple[int, Rect], ...],
        pages_done: int,
        page_count: int,
        finished: bool,
        has_text: bool,
    ) -> None:
        """Record a slice of results (hits come in page order)."""
        self.hits += hits
        self.pages_done, self.page_count = pages_done, page_count
        self.finished = finished
        self.has_text = self.has_text or has_text

    def step(self, forward: bool) -> int:
        """Move to the next (or previous) hit, wrapping around; the new index (-1 without hits)."""
        if not self.hits:
            return -1
        if self.current < 0:
            self.current = 0 if forward else len(self.hits) - 1
        else:
            self.current = (self.current + (1 if forward else -1)) % len(self.hits)
        return self.current

    def first_from(self, page: int) -> int:
        """Make current the first hit on or after ``page`` (or the first hit); its index."""
        if not self.hits:
            return -1
        self.current = next((n for n, (p, _r) in enumerate(self.hits) if p >= page), 0)
        return self.current

    def on_page(self, page: int) -> tuple[list[Rect], int]:
        """The hits on ``page`` and the index among them of the current hit (-1 if elsewhere)."""
        rects, current = [], -1
        for n, (p, rect) in enumerate(self.hits):
            if p == page:
                if n == self.current:
                    current = len(rects)
                rects.append(rect)
        return rects, current

    def counter(self) -> str:
        """ "3 / 17" (current / found so far); "0 / 17" before one is chosen; "" without hits."""
        if not self.hits:
            return ""
        return f"{self.current + 1} / {len(self.hits)}"


class SearchController(QObject):
    """The viewer's search: the field, the counter, Cancel, and the hits on the page shown."""

    def __init__(
        self, pages: Pages, page_view: PageView, toolbar: ViewerToolbar, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.pages, self.page_view, self.toolbar = pages, page_view, toolbar
        self.state = SearchState()
        self.slow = False
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_SLOW_MS)
        self._timer.timeout.connect(self.on_timer_timeout)
        tb = self.toolbar
        tb.search.returnPressed.connect(self.on_search_return_pressed)
        tb.search.textChanged.connect(self.on_search_text_changed)
        tb.previous_hit.triggered.connect(self.previous_hit)
        tb.next_hit.triggered.connect(self.next_hit)
        tb.cancel_search.clicked.connect(self.cancel)

    def find(self, text: str) -> None:
        """Search every page for ``text``; the first match from the page shown on is shown."""
        text, worker = text.strip(), self.pages.worker
        if worker is None or not self.pages.page_count or not text:
            self.clear()
            return
        self.state = SearchState(
            worker.start_search(text), text, finished=False, page_count=self.pages.page_count
        )
        self.slow = False
        self._timer.start()
        self.update_ui()
        self.update_hits()

    def clear(self) -> None:
        """No search: no highlights, no counter."""
        if self.pages.worker is not None:
            self.pages.worker.cancel_search()
        self.state = SearchState()
        self._timer.stop()
        self.update_ui()
        self.update_hits()

    def cancel(self) -> None:
        """Stop the search under way, keeping the matches found so far."""
        if self.pages.worker is not None:
            self.pages.worker.cancel_search()
        self.state.finished, self.state.cancelled = True, True
        self._timer.stop()
        self.update_ui()

    def next_hit(self) -> None:
        """F3: the next match."""
        if self.state.step(True) >= 0:
            self._go_to_hit()

    def previous_hit(self) -> None:
        """Shift+F3: the previous match."""
        if self.state.step(False) >= 0:
            self._go_to_hit()

    def on_search_return_pressed(self) -> None:
        """Enter in the search field: search, or the next match of the same text."""
        text = self.toolbar.search.text().strip()
        if text and text == self.state.text:
            self.next_hit()
        else:
            self.find(text)

    def on_search_text_changed(self, text: str) -> None:
        """The field cleared: no search."""
        if not text.strip() and self.state.active:
            self.clear()

    def on_timer_timeout(self) -> None:
        """The search is taking a while: show how far it got, and Cancel."""
        self.slow = True
        self.update_ui()

    def on_worker_searched(self, progress: SearchProgress) -> None:
        """A slice of results: count them, show the first match from the page shown on."""
        worker = self.pages.worker
        if worker is None or progress.worker != worker.id or progress.search != self.state.id:
            return
        s = self.state
        s.add(progress.hits, progress.pages_done, progress.page_count, progress.finished, progress.has_text)
        if s.current < 0 and s.hits:
            index = next((n for n, (p, _r) in enumerate(s.hits) if p >= self.pages.current_page), -1)
            if index >= 0 or s.finished:
                s.current = max(index, 0)
                self._go_to_hit()
        if s.finished:
            self._timer.stop()
        self.update_ui()
        self.update_hits()

    def _go_to_hit(self) -> None:
        page, rect = self.state.hits[self.state.current]
        self.pages.go_to_page(page)
        self.update_hits()
        self.update_ui()
        self.pages.ensure_visible(rect)

    def update_hits(self) -> None:
        """Highlight the hits on the page shown."""
        rects, current = self.state.on_page(self.pages.current_page)
        self.page_view.set_hits(rects, current)

    def update_ui(self) -> None:
        """The counter, the progress, Cancel and the previous/next buttons."""
        s, tb = self.state, self.toolbar
        text = s.counter()
        scanned = s.active and s.finished and not s.hits and not s.has_text and not s.cancelled
        if scanned:
            text = self.tr("No text layer")
        elif s.active and s.finished and not s.hits:
            text = self.tr("No matches")
        elif s.active and not s.finished and self.slow:
            text = self.tr("{hits} · searching page {done} of {total}").format(
                hits=text or "0", done=s.pages_done, total=s.page_count
            )
        tb.hits_label.setText(text)
        tb.hits_label.setToolTip(
            self.tr("This dossier is scanned: it has no text to search.") if scanned else ""
        )
        tb.cancel_action.setVisible(s.active and not s.finished and self.slow)
        tb.next_hit.setEnabled(bool(s.hits))
        tb.previous_hit.setEnabled(bool(s.hits))

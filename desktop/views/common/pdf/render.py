"""The dossier viewer's rendering worker and its page cache.

PyMuPDF is not thread-safe, so each open document lives on **one** Python thread
(``RenderWorker``) that opens it, renders, extracts words, searches and closes it; no other
thread ever touches that ``pymupdf.Document``. The GUI thread talks to the worker through:

- ``submit(group, jobs)``: render or word jobs in groups served in priority order (the page on
  screen, then the words of the page being marked, prefetched neighbours, thumbnails). Within a
  group the **latest** job goes first, and a new submission replaces what is still waiting, so
  turning pages fast renders only the page the user stops on.
- ``start_search(text)`` / ``cancel_search()``: a search over all pages, run a few pages at a time
  between the other jobs and reported as it goes.
- ``stop()``: finish the job in hand, close the document, join the thread.

Results come back as signals of ``WorkerSignals`` (queued to the GUI thread), each tagged with the
worker's ``id`` so a viewer can drop what an earlier document's worker still delivers. Images
are ``QImage`` copies of the pixmap samples (QImage, unlike QPixmap, may be built off the GUI
thread).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from desktop.views.common.pdf.shapes import PageGeometry, Rect, TextToken, tokens_of_rawdict

log = logging.getLogger(__name__)

GROUPS = ("view", "words", "prefetch", "thumbs")
"""Job groups, most urgent first; the search runs when all of them are empty."""

SEARCH_SLICE_S = 0.02
MAX_PIXELS = 48_000_000
"""A page image never exceeds this many pixels (≈ 190 MB as RGB32); the view scales it up."""


@dataclass(frozen=True)
class Job:
    """Render ``page`` at ``scale`` device pixels per point, or (``kind="words"``) read its text."""

    page: int
    scale: float = 0.0
    kind: str = "render"


@dataclass(frozen=True)
class Opened:
    """The document is open: its page count and every page's geometry."""

    worker: int
    page_count: int
    geometries: tuple[PageGeometry, ...]


@dataclass(frozen=True)
class Rendered:
    """A page image (``None`` when MuPDF could not draw the page, ``error`` says why)."""

    worker: int
    group: str
    page: int
    scale: float
    image: QImage | None
    error: str = ""


@dataclass(frozen=True)
class Words:
    """The selection tokens of one page (unrotated PDF points)."""

    worker: int
    page: int
    tokens: tuple[TextToken, ...]


@dataclass(frozen=True)
class SearchProgress:
    """What one slice of a search found: new hits, pages done so far, and whether it is over."""

    worker: int
    search: int
    hits: tuple[tuple[int, Rect], ...]
    pages_done: int
    page_count: int
    finished: bool
    has_text: bool


@dataclass
class _Search:
    id: int
    text: str
    next_page: int = 0
    has_text: bool = False
    hits: list[tuple[int, Rect]] = field(default_factory=list)


class WorkerSignals(QObject):
    """The worker's results, emitted on its thread and delivered queued to the GUI thread."""

    opened = Signal(object)
    failed = Signal(int, str, str)  # worker, code (missing, password, not_pdf, empty, broken), detail
    rendered = Signal(object)
    words = Signal(object)
    searched = Signal(object)


class RenderWorker:
    """One thread owning one ``pymupdf.Document``; see the module docstring."""

    _ids = itertools.count(1)

    def __init__(self, path: str | Path) -> None:
        self.id = next(RenderWorker._ids)
        self.path = Path(path)
        self.signals = WorkerSignals()  # no parent: lives as long as this worker, not the viewer
        self._cond = threading.Condition()
        self._queues: dict[str, list[Job]] = {group: [] for group in GROUPS}
        self._search: _Search | None = None
        self._search_ids = itertools.count(1)
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=f"pdf-render-{self.id}", daemon=True)

    # -- the GUI thread's side ---------------------------------------------------------------

    def start(self) -> None:
        """Start the thread: it opens the document and reports ``opened`` or ``failed``."""
        self._thread.start()

    def submit(self, group: str, jobs: Sequence[Job], *, replace: bool = True) -> None:
        """Queue ``jobs`` in ``group`` (the last one runs first); drop what waits there if ``replace``."""
        with self._cond:
            queue = self._queues[group]
            if replace:
                queue.clear()
            queue.extend(job for job in jobs if job not in queue)
            self._cond.notify()

    def pending(self, group: str) -> list[Job]:
        """The jobs still waiting in ``group`` (tests, diagnostics)."""
        with self._cond:
            return list(self._queues[group])

    def start_search(self, text: str) -> int:
        """Search every page for ``text`` (replacing any search under way); return its id."""
        with self._cond:
            self._search = _Search(next(self._search_ids), text)
            self._cond.notify()
            return self._search.id

    def cancel_search(self) -> None:
        """Stop the search under way (its last progress may still arrive: check the id)."""
        with self._cond:
            self._search = None

    def stop(self, timeout: float = 10.0) -> bool:
        """Let the job in hand finish, close the document and join the thread; True when it ended."""
        with self._cond:
            self._stopping = True
            for queue in self._queues.values():
                queue.clear()
            self._search = None
            self._cond.notify()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        """Whether the thread is alive."""
        return self._thread.is_alive()

    # -- the worker thread's side ------------------------------------------------------------

    def _run(self) -> None:
        doc = self._open()
        if doc is None:
            return
        try:
            while (task := self._next()) is not None:
                group, job = task
                if group == "search":
                    self._search_slice(doc, job)
                elif isinstance(job, Job) and job.kind == "words":
                    self._emit(self.signals.words, Words(self.id, job.page, self._tokens(doc, job.page)))
                else:
                    self._emit(self.signals.rendered, self._render(doc, group, job))
        finally:
            doc.close()

    def _open(self) -> pymupdf.Document | None:
        if not self.path.is_file():
            self._emit(self.signals.failed, self.id, "missing", str(self.path))
            return None
        try:
            doc = pymupdf.open(str(self.path), filetype="pdf")
        except Exception as exc:  # noqa: BLE001 - any failure means "not a PDF we can read"
            self._emit(self.signals.failed, self.id, "not_pdf", str(exc))
            return None
        try:
            if doc.needs_pass:
                self._emit(self.signals.failed, self.id, "password", "")
                doc.close()
                return None
            geometries = tuple(PageGeometry.of(doc.load_page(i)) for i in range(doc.page_count))
        except Exception as exc:  # noqa: BLE001 - MuPDF could not make sense of the file
            doc.close()
            self._emit(self.signals.failed, self.id, "broken", str(exc))
            return None
        if not geometries:
            doc.close()
            self._emit(self.signals.failed, self.id, "empty", "")
            return None
        self._emit(self.signals.opened, Opened(self.id, len(geometries), geometries))
        return doc

    def _next(self) -> tuple[str, Job | _Search] | None:
        """The most urgent task, waiting for one; None when stopping."""
        with self._cond:
            while not self._stopping:
                for group in GROUPS:
                    if self._queues[group]:
                        return group, self._queues[group].pop()
                if self._search is not None:
                    return "search", self._search
                self._cond.wait()
            return None

    def _emit(self, signal, *args) -> None:  # type: ignore[no-untyped-def]
        if not self._stopping:
            signal.emit(*args)

    def _render(self, doc: pymupdf.Document, group: str, job: Job) -> Rendered:
        try:
            page = doc.load_page(job.page)
            scale = job.scale
            pixels = page.rect.width * page.rect.height * scale * scale
            if pixels > MAX_PIXELS:
                scale = (MAX_PIXELS / (page.rect.width * page.rect.height)) ** 0.5
            pix = page.get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
            image = QImage(pix.samples_mv, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
            image = image.convertToFormat(QImage.Format.Format_RGB32)  # a deep copy, fast to paint
            del pix
        except Exception as exc:  # noqa: BLE001 - a damaged page must not stop the worker
            log.warning("page %d of %s could not be rendered: %s", job.page + 1, self.path, exc)
            return Rendered(self.id, group, job.page, job.scale, None, str(exc))
        return Rendered(self.id, group, job.page, job.scale, image)

    def _tokens(self, doc: pymupdf.Document, page_no: int) -> tuple[TextToken, ...]:
        try:
            return tuple(tokens_of_rawdict(doc.load_page(page_no).get_text("rawdict")))
        except Exception as exc:  # noqa: BLE001 - no words rather than a dead worker
            log.warning("the text of page %d of %s could not be read: %s", page_no + 1, self.path, exc)
            return ()

    def _search_slice(self, doc: pymupdf.Document, search: _Search) -> None:
        """Search pages for about ``SEARCH_SLICE_S``, then report and let other jobs in."""
        started = time.perf_counter()
        found: list[tuple[int, Rect]] = []
        first = search.next_page
        while search.next_page < doc.page_count and (
            search.next_page == first or time.perf_counter() - started < SEARCH_SLICE_S
        ):
            try:
                page = doc.load_page(search.next_page)
                textpage = page.get_textpage()
                found += [
                    (search.next_page, (r.x0, r.y0, r.x1, r.y1))
                    for r in page.search_for(search.text, textpage=textpage)
                ]
                if not search.has_text:
                    search.has_text = bool(textpage.extractText().strip())
            except Exception as exc:  # noqa: BLE001 - skip a damaged page, search the rest
                log.warning("page %d of %s could not be searched: %s", search.next_page + 1, self.path, exc)
            search.next_page += 1
        finished = search.next_page >= doc.page_count
        with self._cond:
            if self._search is search and finished:
                self._search = None
            current = self._search is search or finished
        if current:
            self._emit(
                self.signals.searched,
                SearchProgress(
                    self.id,
                    search.id,
                    tuple(found),
                    search.next_page,
                    doc.page_count,
                    finished,
                    search.has_text,
                ),
            )


class PageCache:
    """Page images by ``(page, scale)``, least recently used dropped first, bounded in bytes."""

    def __init__(self, max_bytes: int = 200 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()

    @staticmethod
    def key(page: int, scale: float) -> tuple[int, float]:
        """The cache key of a page at a scale (rounded so equal zooms meet)."""
        return page, round(scale, 4)

    def get(self, page: int, scale: float) -> QImage | None:
        """The image, marked as just used; None when not cached."""
        key = self.key(page, scale)
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def __contains__(self, key: tuple[int, float]) -> bool:
        return self.key(*key) in self._images

    def put(self, page: int, scale: float, image: QImage) -> None:
        """Keep ``image``, dropping the least recently used ones beyond ``max_bytes``."""
        key = self.key(page, scale)
        old = self._images.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._images[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.max_bytes and len(self._images) > 1:
            _key, dropped = self._images.popitem(last=False)
            self.bytes -= dropped.sizeInBytes()

    def any_of(self, page: int) -> QImage | None:
        """Some image of ``page`` at any scale, the most recent first (a stand-in while rendering)."""
        for (p, _scale), image in reversed(self._images.items()):
            if p == page:
                return image
        return None

    def clear(self) -> None:
        """Forget every image."""
        self._images.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._images)


def stop_workers(workers: list[RenderWorker], *_args: object) -> None:
    """Stop every worker still running (a viewer destroyed without closing its document)."""
    for worker in workers:
        worker.stop()
    workers.clear()

"""Marks in the dossier viewer: the caller's ``MarkShape``s drawn over the pages, ``show_mark``,
and the two mark-making modes (a box, or the words under a box; the words of a page come from
the worker the first time the page is shown in that mode)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from desktop.views.common.pdf.page_view import PageView
from desktop.views.common.pdf.pages import Pages
from desktop.views.common.pdf.render import Job, Words
from desktop.views.common.pdf.shapes import MarkShape, TextToken
from desktop.views.common.pdf.thumbnails import ThumbnailModel
from desktop.views.common.pdf.toolbar import ViewerToolbar

MODES = ("rect", "text")


class MarkController(QObject):
    """The marks of the open document and the mark-making mode of one viewer: drawn on its page
    view, dotted on its thumbnails, switched by its toolbar and its Escape key."""

    mode_changed = Signal(str)

    def __init__(
        self,
        pages: Pages,
        page_view: PageView,
        toolbar: ViewerToolbar,
        thumbs_model: ThumbnailModel,
        escape_action: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pages, self.page_view, self.toolbar = pages, page_view, toolbar
        self.thumbs_model, self.escape_action = thumbs_model, escape_action
        self.marks: list[MarkShape] = []
        self.mode = ""
        self.pending: int | None = None
        self._words: dict[int, tuple[TextToken, ...]] = {}
        tb = toolbar
        tb.mark_rect.triggered.connect(lambda on: self.set_mode("rect" if on else ""))
        tb.mark_text.triggered.connect(lambda on: self.set_mode("text" if on else ""))

    def reset(self) -> None:
        """The document closed: no words, no mode, nothing waiting (the marks stay until replaced)."""
        self._words.clear()
        self.pending = None
        self.set_mode("")

    def set_marks(self, marks: Sequence[MarkShape]) -> None:
        """Replace the marks; redraw the page shown and the thumbnails' dots."""
        self.marks = list(marks)
        self.page_view.set_marks(self.on_page(self.pages.current_page))
        self.update_thumbnails()

    def on_page(self, page: int) -> list[MarkShape]:
        """The marks of ``page``, in the order given (the last one on top)."""
        return [m for m in self.marks if m.page == page]

    def update_page(self) -> None:
        """The page shown changed: its marks, and its words in the text mode."""
        page = self.pages.current_page
        self.page_view.set_marks(self.on_page(page))
        if self.mode == "text":
            self.want_words(page)

    def update_thumbnails(self) -> None:
        """A dot in the colour of its first mark beside each marked page's number."""
        colors: dict[int, str] = {}
        for mark in self.marks:
            colors.setdefault(mark.page, mark.color)
        self.thumbs_model.set_marked(colors)

    def show(self, mark_id: int) -> bool:
        """Go to a mark's page, scroll it into view and make it blink; False if there is no such mark."""
        mark = next((m for m in self.marks if m.id == mark_id), None)
        if mark is None:
            return False
        if not self.pages.page_count:
            self.pending = mark_id
            return True
        self.pending = None
        self.pages.go_to_page(mark.page)
        self.pages.ensure_visible(mark.rect)
        self.page_view.flash(mark_id)
        return True

    def set_mode(self, mode: str) -> None:
        """Enter a mark-making mode ("rect" or "text") or leave it ("")."""
        mode = mode if mode in MODES else ""
        changed = mode != self.mode
        self.mode = mode
        tb = self.toolbar
        self.page_view.set_mode(mode)
        tb.mark_rect.setChecked(mode == "rect")
        tb.mark_text.setChecked(mode == "text")
        self.escape_action.setEnabled(bool(mode))
        if mode == "text" and self.pages.page_count:
            self.want_words(self.pages.current_page)
        if changed:
            self.mode_changed.emit(mode)

    def on_escape(self) -> None:
        """Escape: drop a drag under way and leave the mark mode."""
        self.page_view.cancel_drag()
        self.set_mode("")

    def want_words(self, page: int) -> None:
        """Give the page view the words of ``page``, asking the worker for them the first time."""
        if page in self._words:
            self.page_view.set_tokens(self._words[page])
        elif self.pages.worker is not None:
            self.pages.worker.submit("words", [Job(page, kind="words")])

    def on_worker_words(self, words: Words) -> None:
        """A page's words arrived."""
        worker = self.pages.worker
        if worker is None or words.worker != worker.id:
            return
        self._words[words.page] = words.tokens
        if words.page == self.pages.current_page:
            self.page_view.set_tokens(words.tokens)

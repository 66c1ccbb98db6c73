"""The frame every table page shares (UI.md): the header with its title, search, filters and
actions; the lazy table over one service; the row count; the master–detail splitter (its place
remembered); the empty-state text; reading on first show; F5; and the change bus.

A page subclasses ``ListPage``, names the kinds of records it shows (``kinds``) and builds itself
in three steps::

    super().__init__(ctx, parent, title=self.tr("Officers"), search_placeholder=...)
    ...filters, detail...
    self.set_up_table("officers", columns)
    ...actions...
    self.lay_out(self.split(self.table, self.detail, Qt.Orientation.Horizontal, [960, 320], "officers"))

It implements ``fetch(query)`` (one page from a service) and ``empty_text()``, and overrides
``refresh()`` when it reads more than its table (filter choices, counts, a small list kept in
memory): those reads go through ``read(name, fn, on_done)`` on the task runner, and what they fill
is filled when they arrive.

**Changes.** When the task runner announces that a commit changed a kind the page shows, the page
reads again keeping its selection: at once when it is in view, else the next time it comes into
view. Changes the page made itself (the run's widget is the page or inside it) are left to the
callback that already showed them. No page calls another page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QDialog, QSplitter, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.changes import Changes
from desktop.core.paging import ListQuery, Page
from desktop.views.common.first_steps import FirstStepsPanel
from desktop.views.common.lazy_table import ColumnSpec, LazyTableModel
from desktop.views.common.page_tools import make_table, reload_keeping
from desktop.views.common.table_view import DeskTableView
from desktop.views.common.task import Task
from desktop.views.common.widgets import (
    CountLabel,
    PageHeader,
    master_detail,
    page_layout,
    save_splitter,
    status_row,
)

D = TypeVar("D", bound=QDialog)
T = TypeVar("T")


class ListPage(QWidget):
    """A page with one table: header, lazy table, count, optional detail; refreshed by the bus."""

    record_requested = Signal(str, int)
    """``(area, id)``: show this record on its area's page (the window navigates there)."""
    area_requested = Signal(str, str)
    """``(area, part)``: show that area, and its tab or action ``part`` (the first steps ask)."""
    first_steps: FirstStepsPanel | None = None
    """开始使用 above the table, on pages a new store leaves useless (``add_first_steps``)."""

    kinds: frozenset[str] = frozenset()
    """The kinds of records the page shows (``desktop.core.changes``)."""
    reload_on_show = False
    """Read again every time the page comes into view, not only the first time."""
    count_cap: int | None = None
    """Count the first page only this far (the page shows at once with "超过 N 条") and count
    exactly after, off the GUI thread (``count_rows``); None counts with the first page."""

    model: LazyTableModel
    table: DeskTableView

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        title: str,
        search_placeholder: str | None = None,
        show_title: bool = True,
        search_width: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self._stale = False
        self.dialog: Any = None
        """The page's open dialog (one at a time: opening another closes it)."""
        self.remembered: dict[str, bool] = {}
        """Whether each splitter's place was remembered, by key."""
        self.header = PageHeader(title, self, search_placeholder=search_placeholder)
        if not show_title:
            self.header.title.hide()  # a tab says it
        if search_width is not None and self.header.search is not None:
            self.header.search.setMaximumWidth(search_width)
        self.count = CountLabel(self)
        tasks = ctx.tasks
        if tasks is not None:
            tasks.changes_committed.connect(self.on_tasks_changes_committed)

    # -- building -----------------------------------------------------------------------------

    def set_up_table(self, state_key: str, columns: Sequence[ColumnSpec]) -> None:
        """The lazy table over ``fetch``, its count and its empty state."""
        self.model, self.table = make_table(self.ctx, self, state_key, columns, self.fetch)
        self.header.search_changed.connect(self.on_header_search_changed)
        self.model.set_count_cap(self.count_cap)
        self.model.count_changed.connect(self.on_model_count_changed)
        self.model.count_changed.connect(self.update_empty_text)
        self.table.current_row_changed.connect(self.on_table_current_row_changed)

    def add_refresh_action(self, text: str | None = None) -> QAction:
        """刷新 (F5): read the store again, past any answer kept for a moment."""
        self.refresh_action = self.header.add_refresh_action(self.on_refresh_action_triggered, text)
        return self.refresh_action

    def split(
        self,
        master: QWidget,
        detail: QWidget,
        orientation: Qt.Orientation,
        sizes: list[int],
        key: str,
        *,
        stretch: int = 0,
    ) -> QSplitter:
        """A master–detail splitter whose place is remembered under ``key``."""
        splitter, self.remembered[key] = master_detail(
            self, orientation, master, detail, sizes, key, stretch=stretch
        )
        splitter.splitterMoved.connect(lambda _pos, _index: self.on_splitter_moved(splitter, key))
        return splitter

    def lay_out(
        self, body: QWidget, status: Iterable[QWidget] | None = None, *, right: Iterable[QWidget] = ()
    ) -> QVBoxLayout:
        """The header above ``body``; under it a row with the count (or the ``status`` widgets) on
        the left and the ``right`` widgets on the right (none at all: no row)."""
        layout = page_layout(self, self.header, body)
        widgets, after = [self.count] if status is None else list(status), list(right)
        if widgets or after:
            row = status_row(*widgets)
            for widget in after:
                row.addWidget(widget)
            layout.addLayout(row)
        return layout

    def add_first_steps(self, layout: QVBoxLayout) -> FirstStepsPanel:
        """开始使用 under the header (shown while the store lacks agencies or officers)."""
        self.first_steps = FirstStepsPanel(self.ctx, self)
        self.first_steps.area_requested.connect(self.area_requested)
        layout.insertWidget(1, self.first_steps)
        return self.first_steps

    # -- what a page says ---------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[Any]:
        """One page of rows from the page's service."""
        raise NotImplementedError

    def count_rows(self, query: ListQuery) -> int:
        """How many rows match ``query``, exactly (on the task runner; pages with a ``count_cap``)."""
        raise NotImplementedError

    def empty_text(self) -> str:
        """What the empty table says (what to do, never just blank)."""
        return ""

    def is_own(self, origin: QObject | None) -> bool:
        """Whether a run started from ``origin`` is this page's own work (its callback shows it):
        the page, or anything it owns, dialogs (separate windows) included."""
        while origin is not None:
            if origin is self:
                return True
            origin = origin.parent()
        return False

    # -- reading ------------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """Whether the page has read the store yet."""
        return self._loaded

    def mark_loaded(self) -> None:
        """The page is reading the store now (called first by every ``refresh``)."""
        self._loaded = True
        self._stale = False

    def refresh(self) -> None:
        """Read the rows again, keeping the current one when it is still there."""
        self.mark_loaded()
        reload_keeping(self.table, self.model)

    def read(self, name: str, fn: Callable[[], T], on_done: Callable[[T], None]) -> Task:
        """A quick read besides the table (filter choices, counts, a list kept in memory) on the
        task runner, ``on_done(result)`` when it arrives; only the newest read of ``name`` is shown,
        and a store out of reach shows the store-problem message with 重试 (the same read again)."""
        return self.ctx.tasks.load(fn, on_done, parent_widget=self, key=f"{name}-{id(self)}")

    def update_empty_text(self, *_: object) -> None:
        """Say what the empty table means now (search, filters, nothing yet); nothing until its
        rows were read (a list kept in memory arrives from the task runner)."""
        self.table.set_empty_text(self.empty_text() if self.model.loaded else "")

    def open_dialog(self, dialog: D) -> D:
        """Open ``dialog`` window-modal (it returns at once), closing the page's previous one."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_record(self, record_id: int) -> None:
        """Show one record asked for by another page (pages that can override it)."""

    # -- slots --------------------------------------------------------------------------------

    def on_header_search_changed(self, text: str) -> None:
        """Search as the user types (after the header's pause)."""
        self.model.set_search(text)
        self.update_empty_text()

    def on_model_count_changed(self, total: int) -> None:
        """Show the count; a capped one ("超过 N 条") is counted exactly off the GUI thread and
        replaced when that arrives (unless the query changed meanwhile)."""
        capped = self.model.capped
        self.count.set_count(total, more=capped)
        if capped:
            query = self.model.query()
            self.read(
                "exact-count", partial(self.count_rows, query), partial(self.model.set_exact_total, query)
            )

    def on_table_current_row_changed(self, row: Any) -> None:
        """The current row changed (pages show it and enable their actions)."""

    def on_refresh_action_triggered(self) -> None:
        """F5: another workstation may have written, so nothing kept for a moment is trusted."""
        self.ctx.store.forget()
        self.refresh()
        if self.first_steps is not None:
            self.first_steps.refresh()

    def on_splitter_moved(self, splitter: QSplitter, key: str) -> None:
        """Remember where the handle was left."""
        self.remembered[key] = True
        save_splitter(splitter, key)

    def on_tasks_changes_committed(self, changes: Changes, origin: QObject | None) -> None:
        """A commit changed some kinds: read again if this page shows one (now, or when shown)."""
        if not shiboken6.isValid(self) or not self._loaded or not changes.touches(self.kinds):
            return
        if self.is_own(origin):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        """Read the store the first time the page is shown, and again when a change it shows
        happened while it was hidden (or every time, for ``reload_on_show`` pages)."""
        super().showEvent(event)
        if self.first_steps is not None:
            self.first_steps.start()
        if not self._loaded or self._stale or (self.reload_on_show and not event.spontaneous()):
            self.refresh()

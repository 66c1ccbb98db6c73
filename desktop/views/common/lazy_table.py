"""One generic item model for large lists: it pages through a service, a window at a time.

The model knows the current ``ListQuery`` (search, filters, sort) and the total from the last
count. ``data()`` fetches the page holding a row synchronously the first time the view asks for
it (a window query on indexed columns takes a few milliseconds; Anki's browser does the same) and
keeps the most recently used pages in a small LRU cache. Nothing loads a whole register.

This fetch (the count and first page on ``reload()``, a page when a row is first painted) is
**the one store access the GUI thread makes** (ARCHITECTURE.md: "the GUI thread never waits on
the store, except the lazy table's page fetch"); it is marked with ``store_access`` so the GUI
tests' guard lets it through. Everything else goes through the task runner.

The model stays empty until the first ``reload()``; changing search, filters or sort before that
only changes the query.

**A capped count.** With ``count_cap`` the first page's count stops at the cap (a search of a
million cases shows its first page at once): the model then holds ``count_cap`` rows and is
``capped``; its page (``ListPage``) counts exactly off the GUI thread and hands the count to
``set_exact_total``. Until then, scrolling to the last row fetches the next page
(``canFetchMore`` / ``fetchMore``), so the rows never stop at the cap.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.core.errors import UserFacingError
from desktop.core.paging import ListQuery, Page
from desktop.views.common.store_access import store_access
from desktop.views.common.widgets import wait_cursor

log = logging.getLogger(__name__)

PAGE_SIZE = 100
LAZY_FETCH = "lazy table page fetch"
"""The ``store_access`` reason of the one store read made on the GUI thread."""
MAX_PAGES = 50

TONE_COLOURS = {"red": "#D93025", "yellow": "#F2A900", "green": "#188038", "grey": "#9AA0A6"}
_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    "right": Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
    "center": Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
}

AnyIndex = QModelIndex | QPersistentModelIndex
Fetch = Callable[[ListQuery], Page[Any]]


@dataclass(frozen=True)
class ColumnSpec:
    """One column: which attribute of the row it shows, its header, sort name, width and looks."""

    key: str
    title: str
    sort_key: str | None = None
    width: int = 120
    align: str = "left"
    format: Callable[[Any], str] | None = None
    tone: Callable[[Any], str | None] | None = None
    tip: Callable[[Any], str | None] | None = None
    """The cell's tooltip for a row (e.g. an agency's full name under its short name)."""
    full_tip: bool = False
    """Show the whole text on hover however short (a long text column that may be cut off)."""

    def __post_init__(self) -> None:
        if self.align not in _ALIGN:
            raise ValueError(f"align must be one of {sorted(_ALIGN)}, not {self.align!r}")

    @property
    def sortable(self) -> bool:
        """Whether the service can sort by this column."""
        return self.sort_key is not None

    def text(self, row: Any) -> str:
        """The cell text of this column for ``row``."""
        value = getattr(row, self.key, None)
        return (self.format or format_value)(value)


def format_value(value: Any) -> str:
    """Default cell text: dates, times, money, flags and empty values as UI.md writes them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo is not None else value
        return local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, float):
        return format_score(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (tuple, list, frozenset, set)):
        return ", ".join(format_value(v) for v in value)
    return str(value)


def format_money(value: Decimal | float | int | None) -> str:
    """Money with thousands separators and two decimals: ``12,500.00``."""
    return "" if value is None else f"{value:,.2f}"


def format_score(value: Decimal | float | int | None) -> str:
    """A score with one decimal: ``87.5``."""
    return "" if value is None else f"{value:.1f}"


def format_count(value: int | None) -> str:
    """A count with thousands separators: ``12,345``."""
    return "" if value is None else f"{value:,}"


def _log_failure(exc: Exception, what: str) -> None:
    if isinstance(exc, UserFacingError):
        log.warning("%s: %s", what, exc)
    else:
        log.error(what, exc_info=exc)


class LazyTableModel(QAbstractTableModel):
    """A table over ``fetch(ListQuery) -> Page``: rows fetched a page at a time and cached."""

    count_changed = Signal(int)
    fetch_failed = Signal(object)

    def __init__(
        self,
        columns: Sequence[ColumnSpec],
        fetch: Fetch,
        parent: QObject | None = None,
        *,
        query: ListQuery | None = None,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._fetch = fetch
        self._page_size = page_size
        self._max_pages = max_pages
        self._query = (query or ListQuery()).window(0, page_size)
        self._pages: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self._total = 0
        self._capped = False
        self._stuck = False
        """A page past a capped count failed: no more until the next reload."""
        self._loaded = False
        self._brushes = {name: QBrush(QColor(hex_)) for name, hex_ in TONE_COLOURS.items()}

    # -- the query -------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        """The column specs, in model order."""
        return self._columns

    @property
    def loaded(self) -> bool:
        """Whether the rows were read at least once (``reload``)."""
        return self._loaded

    @property
    def total(self) -> int:
        """The number of rows that match the current query (from the last count)."""
        return self._total

    @property
    def capped(self) -> bool:
        """Whether more rows match than ``total`` says (the count stopped at ``count_cap``, and
        neither the exact count nor the last page has arrived yet)."""
        return self._capped

    def query(self) -> ListQuery:
        """The current query (first window)."""
        return self._query

    def all_rows_query(self) -> ListQuery:
        """The current query without a window: every matching row, for exports."""
        return self._query.window(0, None).exactly()

    def set_count_cap(self, cap: int | None) -> None:
        """Count the first page at most to ``cap`` rows (None: exactly), from the next reload."""
        self._query = dataclasses.replace(self._query, count_cap=cap)

    def set_exact_total(self, query: ListQuery, total: int) -> None:
        """The exact count of ``query`` arrived: the rows grow (or shrink) to it, unless the
        query changed meanwhile or the count is already known."""
        if query != self._query or not self._capped or not self._loaded:
            return
        self._capped = False
        self._resize(max(0, total))
        self.count_changed.emit(self._total)

    def set_search(self, text: str) -> None:
        """Search for ``text`` and start again from the first row."""
        self._set_query(dataclasses.replace(self._query, search=text))

    def set_filters(self, filters: tuple[tuple[str, Any], ...]) -> None:
        """Apply ``filters`` (name, value pairs) and start again from the first row."""
        self._set_query(dataclasses.replace(self._query, filters=tuple(filters)))

    def set_sort(self, sort_key: str | None, descending: bool = False) -> None:
        """Sort by the service's sort name ``sort_key`` (None: the service's default order)."""
        self._set_query(dataclasses.replace(self._query, sort=sort_key, descending=descending))

    def sort_column(self) -> int:
        """The column the current sort belongs to, or -1."""
        for i, col in enumerate(self._columns):
            if col.sort_key is not None and col.sort_key == self._query.sort:
                return i
        return -1

    def _set_query(self, query: ListQuery) -> None:
        query = query.window(0, self._page_size)
        if query == self._query and self._loaded:
            return
        self._query = query
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        """Forget every cached page, count again and fetch the first page.

        A failing fetch never raises here: the model shows no rows and emits ``fetch_failed``.
        """
        self.beginResetModel()
        self._pages.clear()
        self._loaded = True
        self._stuck = False
        failure: Exception | None = None
        try:
            with wait_cursor(), store_access(LAZY_FETCH):  # counting can take a while (warnings)
                page = self._fetch(self._query.window(0, self._page_size))
        except Exception as exc:  # shown by whoever listens to fetch_failed
            _log_failure(exc, "counting rows failed")
            page, failure = Page((), 0), exc
        self._total = max(0, page.total)
        self._capped = page.capped and failure is None
        self._store(0, tuple(page.items))
        self.endResetModel()
        self.count_changed.emit(self._total)
        if failure is not None:
            self.fetch_failed.emit(failure)

    # -- rows ------------------------------------------------------------------------------

    def row_at(self, index: AnyIndex | int) -> Any | None:
        """The row dataclass at ``index`` (a model index or a row number), or None."""
        row = index if isinstance(index, int) else (index.row() if index.isValid() else -1)
        if not 0 <= row < self._total:
            return None
        items = self._page(row // self._page_size)
        offset = row % self._page_size
        return items[offset] if offset < len(items) else None

    def cached_pages(self) -> list[int]:
        """The page numbers held in the cache, least recently used first (diagnostics, tests)."""
        return list(self._pages)

    def _page(self, number: int) -> tuple[Any, ...]:
        items = self._pages.get(number)
        if items is not None:
            self._pages.move_to_end(number)
            return items
        try:
            with store_access(LAZY_FETCH):
                page = self._fetch(self._query.window(number * self._page_size, self._page_size))
            items = tuple(page.items)
        except Exception as exc:  # a failed page shows blank until the next reload
            _log_failure(exc, f"fetching page {number} failed")
            items = ()
            # data() runs while the view paints: report once the event loop is free
            QTimer.singleShot(0, self, partial(self.fetch_failed.emit, exc))
        self._store(number, items)
        return items

    def _resize(self, total: int) -> None:
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()

    def _store(self, number: int, items: tuple[Any, ...]) -> None:
        self._pages[number] = items
        self._pages.move_to_end(number)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)

    # -- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        """All rows matching the query (the view asks only for what it shows)."""
        return 0 if parent.isValid() else self._total

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        """Rows past a capped count are there to fetch (the view asks at its last row)."""
        return not parent.isValid() and self._capped and not self._stuck

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        """The page after the rows shown (a capped count): the rows grow by what it holds, and a
        page short of full says where the rows end (the count is then exact)."""
        if not self.canFetchMore(parent):
            return
        number = self._total // self._page_size
        try:
            with store_access(LAZY_FETCH):
                page = self._fetch(self._query.window(number * self._page_size, self._page_size))
        except Exception as exc:  # the rows stay as they are until the next reload
            _log_failure(exc, f"fetching page {number} failed")
            self._stuck = True
            QTimer.singleShot(0, self, partial(self.fetch_failed.emit, exc))
            return
        items = tuple(page.items)
        self._store(number, items)  # afresh: it may hold rows past the old end
        end = number * self._page_size + len(items)
        if len(items) < self._page_size:
            self._capped = False
            self._resize(end)
            self.count_changed.emit(self._total)
        else:
            self._resize(max(end, self._total))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        """One column per spec."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, colour, alignment, or (UserRole) the row dataclass."""
        if not index.isValid() or not 0 <= index.column() < len(self._columns):
            return None
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN[col.align]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.UserRole,
        ):
            return None
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = col.tone(row) if col.tone else None
            return self._brushes.get(tone) if tone else None
        text = col.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = col.tip(row) if col.tip else None
            return tip or (text if len(text) > 20 or (col.full_tip and text) else None)
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows have no header."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        col = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN[col.align]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable, never editable here."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the store by the column's sort name; unsortable columns are ignored."""
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

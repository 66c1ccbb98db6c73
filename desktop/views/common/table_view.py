"""The table every page shows: sorting in the store, remembered columns, row menu, copy, empty state.

Built for ``LazyTableModel``: it never asks the model about rows it does not show (no
resize-to-contents, no type-ahead search, fixed row height), so a register of a million rows
costs no more than one of a hundred.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QStyle, QTableView, QWidget

from desktop.views.common.lazy_table import LazyTableModel

log = logging.getLogger(__name__)

MAX_COPY_ROWS = 10_000
_SAVE_DELAY_MS = 500


class DeskTableView(QTableView):
    """A ``QTableView`` for ``LazyTableModel`` with the table conventions of UI.md."""

    current_row_changed = Signal(object)
    row_activated = Signal(object)

    def __init__(self, state_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state_key = state_key
        self._empty_text = ""
        self._row_actions: list[tuple[QAction, Callable[[Any], None]]] = []
        self._sort_section = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._save_timer = QTimer(self, singleShot=True, interval=_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_state)
        self._setup_look()
        self._setup_header()
        self._copy_action = self._make_action(self.tr("Copy"), QKeySequence.StandardKey.Copy)
        self._copy_action.triggered.connect(self.copy_selection)

    # -- setup -----------------------------------------------------------------------------

    def _setup_look(self) -> None:
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)

    def _setup_header(self) -> None:
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.sortIndicatorChanged.connect(self.on_header_sort_indicator_changed)
        header.customContextMenuRequested.connect(self.on_header_context_menu_requested)
        header.sectionResized.connect(self._schedule_save)
        header.sectionMoved.connect(self._schedule_save)

    def _make_action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setShortcutVisibleInContextMenu(True)
        self.addAction(action)
        return action

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Attach ``model``, apply column widths, restore the saved header and sort."""
        old = self.model()
        if old is not None:
            old.modelReset.disconnect(self.on_model_reset)
        super().setModel(model)
        if model is None:
            return
        model.modelReset.connect(self.on_model_reset)
        self.selectionModel().currentRowChanged.connect(self.on_selection_current_row_changed)
        self._apply_default_widths()
        self.restore_state()

    def desk_model(self) -> LazyTableModel | None:
        """The attached model if it is a ``LazyTableModel``."""
        model = self.model()
        return model if isinstance(model, LazyTableModel) else None

    def title_width(self, title: str) -> int:
        """The width a column needs to show its whole title, the sort arrow included."""
        header, style = self.horizontalHeader(), self.style()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        return header.fontMetrics().horizontalAdvance(title) + margin + arrow + 4

    def _apply_default_widths(self) -> None:
        model = self.desk_model()
        if model is None:
            return
        for i, col in enumerate(model.columns):
            self.setColumnWidth(i, max(col.width, self.title_width(col.title)))
        self._show_sort(
            model.sort_column(),
            Qt.SortOrder.DescendingOrder if model.query().descending else Qt.SortOrder.AscendingOrder,
        )

    # -- sorting ---------------------------------------------------------------------------

    def _is_sortable(self, section: int) -> bool:
        model = self.desk_model()
        if model is None:
            return False
        return 0 <= section < len(model.columns) and model.columns[section].sortable

    def _show_sort(self, section: int, order: Qt.SortOrder) -> None:
        header = self.horizontalHeader()
        self._sort_section, self._sort_order = section, order
        blocked = header.blockSignals(True)
        header.setSortIndicatorShown(section >= 0)
        header.setSortIndicator(section, order)
        header.blockSignals(blocked)

    def on_header_sort_indicator_changed(self, section: int, order: Qt.SortOrder) -> None:
        """Sort the model by a sortable column; put the indicator back for any other."""
        if not self._is_sortable(section):
            self._show_sort(self._sort_section, self._sort_order)
            return
        self._show_sort(section, order)
        self.model().sort(section, order)
        self._schedule_save()

    # -- remembered header -----------------------------------------------------------------

    def _settings_prefix(self) -> str:
        return f"tables/{self.state_key}"

    def _column_signature(self) -> str:
        model = self.desk_model()
        if model is None:
            return str(self.model().columnCount() if self.model() else 0)
        return ",".join(col.key for col in model.columns)

    def save_state(self) -> None:
        """Write widths, order, visibility and sort of the columns to the settings."""
        self._save_timer.stop()
        if self.model() is None or not self.state_key:
            return
        settings = QSettings()
        settings.setValue(f"{self._settings_prefix()}/columns", self._column_signature())
        settings.setValue(f"{self._settings_prefix()}/header", self.horizontalHeader().saveState())

    def restore_state(self) -> bool:
        """Restore the saved header if it was saved for the same columns; True if it was."""
        if self.model() is None or not self.state_key:
            return False
        settings = QSettings()
        prefix = self._settings_prefix()
        if settings.value(f"{prefix}/columns", "") != self._column_signature():
            return False
        state = settings.value(f"{prefix}/header")
        header = self.horizontalHeader()
        blocked = header.blockSignals(True)
        ok = isinstance(state, QByteArray) and header.restoreState(state)
        header.blockSignals(blocked)
        if ok:
            self._apply_restored_sort()
        return bool(ok)

    def _apply_restored_sort(self) -> None:
        header = self.horizontalHeader()
        section, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if not self._is_sortable(section):
            self._show_sort(self._sort_section, self._sort_order)
            return
        self._show_sort(section, order)
        self.model().sort(section, order)

    def _schedule_save(self, *_: object) -> None:
        self._save_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Save the header when the table goes away."""
        if self._save_timer.isActive():
            self.save_state()
        super().hideEvent(event)

    # -- column menu -----------------------------------------------------------------------

    def on_header_context_menu_requested(self, pos: QPoint) -> None:
        """Offer to show or hide each column."""
        self.column_menu().popup(self.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """A menu with one checkable entry per column (the last visible one cannot be hidden)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        model = self.model()
        header = self.horizontalHeader()
        count = model.columnCount() if model is not None else 0
        visible = sum(not header.isSectionHidden(i) for i in range(count))
        for section in range(count):
            title = model.headerData(section, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            shown = not header.isSectionHidden(section)
            action.setChecked(shown)
            action.setEnabled(not (shown and visible == 1))
            action.toggled.connect(lambda on, s=section: self.set_column_visible(s, on))
        return menu

    def set_column_visible(self, section: int, visible: bool) -> None:
        """Show or hide one column and remember it."""
        self.horizontalHeader().setSectionHidden(section, not visible)
        if visible and self.columnWidth(section) == 0:
            model = self.desk_model()
            self.setColumnWidth(section, model.columns[section].width if model else 120)
        self._schedule_save()

    # -- rows ------------------------------------------------------------------------------

    def current_row(self) -> Any | None:
        """The row dataclass of the current row, or None."""
        return self._row_of(self.currentIndex())

    def _row_of(self, index: QModelIndex) -> Any | None:
        model = self.model()
        if model is None or not index.isValid():
            return None
        if isinstance(model, LazyTableModel):
            return model.row_at(index)
        return model.data(index, Qt.ItemDataRole.UserRole)

    def selected_row_numbers(self, limit: int = MAX_COPY_ROWS) -> list[int]:
        """Row numbers of the selection in order, at most ``limit`` (ranges, not every index)."""
        numbers: set[int] = set()
        for rng in self.selectionModel().selection() if self.selectionModel() else ():
            for row in range(rng.top(), rng.bottom() + 1):
                numbers.add(row)
                if len(numbers) >= limit:
                    return sorted(numbers)
        return sorted(numbers)

    def selected_rows(self) -> list[Any]:
        """The row dataclasses of the selection, in order."""
        model = self.model()
        rows = (self._row_of(model.index(n, 0)) for n in self.selected_row_numbers())
        return [row for row in rows if row is not None]

    def select_row(self, row: int) -> None:
        """Make ``row`` current and selected, and scroll to it."""
        index = self.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)

    def on_selection_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Tell the page which row is current now."""
        self.current_row_changed.emit(self._row_of(current))

    def on_model_reset(self) -> None:
        """After a reload nothing is current: say so, and repaint the empty state."""
        self.current_row_changed.emit(None)
        self.viewport().update()

    def mouseDoubleClickEvent(self, event: Any) -> None:
        """Double-click opens the row."""
        super().mouseDoubleClickEvent(event)
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.row_activated.emit(self._row_of(index))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens the current row; Ctrl+C copies when no shortcut caught it."""
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_activated.emit(self.current_row())
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """No type-ahead: it would walk every row of the store. The page's search field does it."""

    # -- row menu and copy -----------------------------------------------------------------

    def add_row_action(
        self, text: str, callback: Callable[[Any], None], shortcut: str | QKeySequence | None = None
    ) -> QAction:
        """Add an entry to the row menu; ``callback(row)`` gets the current row dataclass."""
        action = self._make_action(text, shortcut)
        action.triggered.connect(lambda: self._run_row_action(callback))
        self._row_actions.append((action, callback))
        return action

    def _run_row_action(self, callback: Callable[[Any], None]) -> None:
        row = self.current_row()
        if row is not None:
            callback(row)

    def row_menu(self) -> QMenu:
        """The right-click menu: the page's row actions, then Copy."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        has_row = self.current_row() is not None
        for action, _callback in self._row_actions:
            action.setEnabled(has_row)
            menu.addAction(action)
        if self._row_actions:
            menu.addSeparator()
        self._copy_action.setEnabled(bool(self.selected_row_numbers(limit=1)))
        menu.addAction(self._copy_action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click selects the row under the pointer (if not selected) and shows the menu."""
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.select_row(index.row())
        self.row_menu().popup(event.globalPos())

    def selection_as_text(self) -> str:
        """The selected rows as tab-separated text, visible columns in the order shown."""
        model = self.model()
        if model is None:
            return ""
        columns = list(iter_visible_columns(self))
        lines = (self._row_text(model, row, columns) for row in self.selected_row_numbers())
        return "\n".join(lines)

    @staticmethod
    def _row_text(model: QAbstractItemModel, row: int, columns: list[int]) -> str:
        cells = (model.data(model.index(row, c)) for c in columns)
        return "\t".join(_clean(cell) for cell in cells)

    def copy_selection(self) -> None:
        """Put the selected rows on the clipboard as tab-separated text."""
        text = self.selection_as_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    # -- empty state -----------------------------------------------------------------------

    def set_empty_text(self, text: str) -> None:
        """What to say when there are no rows (what to do next, not just "empty")."""
        self._empty_text = text
        self.viewport().update()

    def empty_text(self) -> str:
        """The text shown when there are no rows."""
        return self._empty_text

    def is_showing_empty_state(self) -> bool:
        """Whether the empty-state text is painted now."""
        model = self.model()
        return bool(self._empty_text) and (model is None or model.rowCount() == 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the rows, or the empty-state text in the middle of the viewport."""
        super().paintEvent(event)
        if not self.is_showing_empty_state():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        rect = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect, int(flags), self._empty_text)
        painter.end()


def _clean(cell: object) -> str:
    """Cell text safe for one TSV field."""
    if cell is None:
        return ""
    return str(cell).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def iter_visible_columns(view: QTableView) -> Iterator[int]:
    """Logical indexes of the visible columns, in the order shown."""
    header = view.horizontalHeader()
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical):
            yield logical

"""Small pieces every page uses: the page header and toolbar, the row count, remembered geometry."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from urllib.parse import quote

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

# Remembered geometry lives in screen_fit (a window takes it back only while it fits the screen).
from desktop.views.common.screen_fit import restore_geometry as restore_geometry  # noqa: E402
from desktop.views.common.screen_fit import save_geometry as save_geometry  # noqa: E402

SEARCH_DELAY_MS = 250

# Where the standard actions stand in the toolbar, whatever order a page adds them in.
RANK_NEW, RANK_IMPORT, RANK_CUSTOM, RANK_EXPORT, RANK_REFRESH = 10, 20, 50, 80, 90


class PageHeader(QWidget):
    """A page's title with its actions on the right (新建, 导入, 导出, 刷新 … in UI.md's order), and
    under it the search field (Ctrl+F) and the filters: two rows, so that a page with many filters
    never hides its actions behind the toolbar's "»" on a 1366-pixel screen."""

    search_changed = Signal(str)

    def __init__(
        self,
        title: str,
        parent: QWidget | None = None,
        *,
        searchable: bool = True,
        search_placeholder: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setObjectName("pageTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.actions_bar = QToolBar(self)
        self.actions_bar.setObjectName("pageActions")
        self.actions_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._ranks: dict[QAction, int] = {}
        self._last_search = ""
        self.search = self._search_field(search_placeholder) if searchable else None
        self._filters_end = self.toolbar.addSeparator()
        self._filters_end.setVisible(False)  # the place filters go before
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.on_search_timer_timeout)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.actions_bar)
        layout.addLayout(top)
        layout.addWidget(self.toolbar)

    # -- search ----------------------------------------------------------------------------

    def _search_field(self, placeholder: str | None) -> QLineEdit:
        field = QLineEdit(self)
        field.setPlaceholderText(placeholder or self.tr("Search (Ctrl+F)"))
        field.setClearButtonEnabled(True)
        field.setMinimumWidth(220)
        field.setMaximumWidth(360)
        field.textEdited.connect(self.on_search_text_edited)
        field.returnPressed.connect(self.on_search_return_pressed)
        self.toolbar.addWidget(field)
        focus = QAction(self.tr("Search"), self)
        focus.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        focus.triggered.connect(self.focus_search)
        self.addAction(focus)
        self.search_action = focus
        field.textChanged.connect(self.on_search_text_changed)
        return field

    def focus_search(self) -> None:
        """Put the cursor in the search field, text selected."""
        if self.search is not None:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()

    def search_text(self) -> str:
        """The search text, trimmed."""
        return self.search.text().strip() if self.search is not None else ""

    def set_search_text(self, text: str) -> None:
        """Replace the search text and search at once."""
        if self.search is not None:
            self.search.setText(text)
            self.flush_search()

    def on_search_text_edited(self, _text: str) -> None:
        """Typing: search once the user pauses for 250 ms."""
        self._search_timer.start()

    def on_search_text_changed(self, text: str) -> None:
        """Cleared (clear button or code): search at once."""
        if not text:
            self.flush_search()

    def on_search_return_pressed(self) -> None:
        """Enter: search now."""
        self.flush_search()

    def on_search_timer_timeout(self) -> None:
        """The pause is over: search."""
        self.flush_search()

    def flush_search(self) -> None:
        """Emit ``search_changed`` now if the text differs from the last one emitted."""
        self._search_timer.stop()
        text = self.search_text()
        if text != self._last_search:
            self._last_search = text
            self.search_changed.emit(text)

    # -- filters and actions ---------------------------------------------------------------

    def add_combo(self, name: str, tip: str, max_width: int | None = None) -> QComboBox:
        """A filter drop-down (object name, tooltip, as wide as its items up to ``max_width``)."""
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if max_width is not None:
            combo.setMaximumWidth(max_width)
        self.add_filter(combo)
        return combo

    def add_filter(self, widget: QWidget, label: str = "") -> QWidget:
        """Put a filter widget after the search field and the filters before it."""
        if label:
            self.toolbar.insertWidget(self._filters_end, QLabel(label, self))
        self.toolbar.insertWidget(self._filters_end, widget)
        return widget

    def add_action(
        self,
        text: str,
        callback: Callable[[], object],
        shortcut: QKeySequence | str | None = None,
        *,
        icon: QIcon | None = None,
        tooltip: str = "",
        rank: int = RANK_CUSTOM,
    ) -> QAction:
        """Add a toolbar action, placed by ``rank`` (new, import, custom, export, refresh)."""
        action = QAction(icon or QIcon(), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        hint = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(tooltip or (f"{text} ({hint})" if hint else text))
        action.triggered.connect(lambda _checked=False: callback())
        before = next((a for a, r in self._ranks.items() if r > rank), None)
        if before is None:
            self.actions_bar.addAction(action)
        else:
            self.actions_bar.insertAction(before, action)
        self._ranks[action] = rank
        self._ranks = dict(sorted(self._ranks.items(), key=lambda item: item[1]))
        return action

    def add_new_action(self, callback: Callable[[], object], text: str | None = None) -> QAction:
        """新建 (Ctrl+N)."""
        return self.add_action(
            text or self.tr("New"), callback, QKeySequence(QKeySequence.StandardKey.New), rank=RANK_NEW
        )

    def add_import_action(self, callback: Callable[[], object], text: str | None = None) -> QAction:
        """导入."""
        return self.add_action(text or self.tr("Import"), callback, rank=RANK_IMPORT)

    def add_export_action(self, callback: Callable[[], object], text: str | None = None) -> QAction:
        """导出 (Ctrl+E)."""
        return self.add_action(text or self.tr("Export"), callback, "Ctrl+E", rank=RANK_EXPORT)

    def add_refresh_action(self, callback: Callable[[], object], text: str | None = None) -> QAction:
        """刷新 (F5)."""
        return self.add_action(
            text or self.tr("Refresh"),
            callback,
            QKeySequence(QKeySequence.StandardKey.Refresh),
            rank=RANK_REFRESH,
        )

    def rank_of(self, action: QAction) -> int:
        """Where ``action`` stands in the fixed order (an action added with the same rank follows it)."""
        return self._ranks.get(action, RANK_CUSTOM)

    def actions_in_order(self) -> list[QAction]:
        """The toolbar's actions as shown (tests, menus)."""
        return [a for a in self.actions_bar.actions() if a in self._ranks]


class CountLabel(QLabel):
    """The row count under a table: "共 12,345 条"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.count = 0
        self.set_count(0)

    def set_count(self, count: int, more: bool = False) -> None:
        """Show ``count`` with thousands separators (connect ``count_changed`` here); ``more``:
        more rows than ``count`` match, the exact count is on its way ("超过 1,000 条")."""
        self.count = count
        if more:
            self.setText(self.tr("More than {count}").format(count=f"{count:,}"))
        else:
            self.setText(self.tr("Total {count}").format(count=f"{count:,}"))


@contextmanager
def wait_cursor() -> Iterator[None]:
    """A wait cursor while the GUI thread does something that may take a moment (UI.md: ~300 ms)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def status_row(*widgets: QWidget) -> QHBoxLayout:
    """A row for under a table: the given widgets on the left, stretch on the right."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


# -- remembered geometry ---------------------------------------------------------------------


def user_key(user_name: str, key: str) -> str:
    """A settings key of one user (the last page, the last tab): each person who works at a
    workstation finds their own, not the one the previous person left."""
    return f"users/{quote(user_name, safe='')}/{key}"


def save_splitter(splitter: QSplitter, key: str) -> None:
    """Remember where a splitter's handles are."""
    QSettings().setValue(f"splitters/{key}", splitter.saveState())


def restore_splitter(splitter: QSplitter, key: str) -> bool:
    """Put a splitter's handles back; True if something was remembered."""
    state = QSettings().value(f"splitters/{key}")
    return isinstance(state, QByteArray) and splitter.restoreState(state)


def master_detail(
    parent: QWidget,
    orientation: Qt.Orientation,
    master: QWidget,
    detail: QWidget,
    sizes: list[int],
    key: str,
    *,
    stretch: int = 0,
) -> tuple[QSplitter, bool]:
    """A splitter of a table (``master``) and its detail: the ``stretch`` side takes the extra
    room, the handle goes back where it was left (``key``), else to ``sizes``. Also says whether
    a position was remembered."""
    splitter = QSplitter(orientation, parent)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(master)
    splitter.addWidget(detail)
    splitter.setStretchFactor(stretch, 1)
    splitter.setSizes(sizes)
    return splitter, restore_splitter(splitter, key)


def page_layout(page: QWidget, header: QWidget, body: QWidget) -> QVBoxLayout:
    """A page's frame (UI.md): the header with its toolbar, the body taking the room; the caller
    adds the status row under it."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 10, 12, 8)
    layout.setSpacing(6)
    layout.addWidget(header)
    layout.addWidget(body, 1)
    return layout

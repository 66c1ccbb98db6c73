"""The dossier viewer's compact toolbar: pages, zoom, the mark modes, thumbnails and search.

The toolbar only builds its widgets and actions; ``DossierViewer`` connects them and gives the
actions their shortcuts (active anywhere inside the viewer).

It fits a dossier pane 640 pixels wide (a 1366×768 screen at 125 %, beside the scoring side): the
zoom, fit and thumbnail buttons are icons (their names and keys in the tooltips), and the search
is a bar of its own (``search_bar``) that ``ToolbarRow`` puts beside the toolbar when both fit and
on a second row when they do not, so the mark modes 框选标记 / 文字标记 are never behind "»"
(``primary_actions``, ``has_overflow``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QIntValidator, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.views.common.pdf.icons import (
    fit_page_icon,
    fit_width_icon,
    thumbnails_icon,
    zoom_in_icon,
    zoom_out_icon,
)

ZOOM_PRESETS = (50, 75, 100, 125, 150, 200, 300, 400)
SEARCH_MIN = 230
"""Pixels the search bar needs beside the toolbar (the field, the match buttons, the count)."""
STYLE = (
    "QToolBar#{name} {{ spacing: 2px; padding: 1px 2px; border: none; border-bottom: 1px solid #D5DAE1; }}"
)


class ViewerToolbar(QToolBar):
    """Previous/next, the page box ("12 / 300"), zoom, fit, search, the mark modes, thumbnails."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dossierToolbar")
        self.setMovable(False)
        self.setIconSize(QSize(16, 16))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.setStyleSheet(STYLE.format(name="dossierToolbar"))
        self.search_bar = QToolBar(parent)
        """The search: beside the toolbar or below it (``ToolbarRow``)."""
        self.search_bar.setObjectName("dossierSearchBar")
        self.search_bar.setMovable(False)
        self.search_bar.setIconSize(QSize(16, 16))
        self.search_bar.setStyleSheet(STYLE.format(name="dossierSearchBar"))
        style = self.style()
        self.previous_page = self._action(
            self.tr("Previous page"), style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack)
        )
        self.next_page = self._action(
            self.tr("Next page"), style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward)
        )
        self.page_box = QLineEdit(self)
        self.page_box.setObjectName("pageBox")
        self.page_box.setValidator(QIntValidator(1, 999_999, self.page_box))
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setFixedWidth(self.fontMetrics().horizontalAdvance("0000") + 12)
        self.page_box.setToolTip(self.tr("Page number: type one and press Enter (Ctrl+G)"))
        self.page_total = QLabel("/ 0", self)
        self.page_total.setContentsMargins(3, 0, 6, 0)
        self.addWidget(self.page_box)
        self.addWidget(self.page_total)
        self.addSeparator()
        self.zoom_out = self._action(self.tr("Zoom out"), zoom_out_icon())
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.setObjectName("zoomBox")
        self.zoom_combo.setEditable(True)
        self.zoom_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_combo.addItems([f"{p}%" for p in ZOOM_PRESETS])
        self.zoom_combo.setFixedWidth(self.fontMetrics().horizontalAdvance("000%") + 34)
        self.zoom_combo.setToolTip(self.tr("Zoom (Ctrl+wheel, Ctrl+= and Ctrl+-)"))
        self.addWidget(self.zoom_combo)
        self.zoom_in = self._action(self.tr("Zoom in"), zoom_in_icon())
        self.fit_width = self._action(self.tr("Fit width"), fit_width_icon(), checkable=True)
        self.fit_page = self._action(self.tr("Fit page"), fit_page_icon(), checkable=True)
        self.addSeparator()
        self.mark_rect = self._action(
            self.tr("Draw a box around what to mark (Esc to stop)"),
            checkable=True,
            text=self.tr("Mark area"),
        )
        self.mark_text = self._action(
            self.tr("Select the words to mark (Esc to stop)"),
            checkable=True,
            text=self.tr("Mark text"),
        )
        self.thumbnails = self._action(
            self.tr("Show or hide the page thumbnails"), thumbnails_icon(), checkable=True
        )
        self._build_search()

    def primary_actions(self) -> tuple[QAction, ...]:
        """What must never be behind "»": pages, zoom, fit, the mark modes, thumbnails."""
        return (
            self.previous_page,
            self.next_page,
            self.zoom_out,
            self.zoom_in,
            self.fit_width,
            self.fit_page,
            self.mark_rect,
            self.mark_text,
            self.thumbnails,
        )

    def has_overflow(self) -> bool:
        """Whether something is behind "»" (the toolbar is too narrow for all of it)."""
        extension = self.findChild(QToolButton, "qt_toolbar_ext_button")
        return extension is not None and extension.isVisible()

    def _build_search(self) -> None:
        bar = self.search_bar
        self.search = QLineEdit(bar)
        self.search.setObjectName("dossierSearch")
        self.search.setPlaceholderText(self.tr("Find in dossier (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(120)
        self.search.setMaximumWidth(260)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        bar.addWidget(self.search)
        style = self.style()
        self.previous_hit = self._action(
            self.tr("Previous match (Shift+F3)"),
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
            bar=bar,
        )
        self.next_hit = self._action(
            self.tr("Next match (F3)"), style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), bar=bar
        )
        self.hits_label = QLabel("", bar)
        self.hits_label.setObjectName("hitsLabel")
        self.hits_label.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.hits_label)
        self.cancel_search = QToolButton(bar)
        self.cancel_search.setText(self.tr("Cancel"))
        self.cancel_search.setToolTip(self.tr("Stop searching"))
        self.cancel_action = bar.addWidget(self.cancel_search)
        self.cancel_action.setVisible(False)

    def _action(
        self,
        tip: str,
        icon: QIcon | None = None,
        *,
        checkable: bool = False,
        text: str = "",
        bar: QToolBar | None = None,
    ) -> QAction:
        """A toolbar action showing ``icon`` (and ``text`` beside it, if given) or else ``text``, with
        ``tip`` as its tooltip."""
        action = QAction(self)
        if icon is not None:
            action.setIcon(icon)
        action.setText(text or tip)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        bar = bar or self
        bar.addAction(action)
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton) and icon is None:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        elif isinstance(button, QToolButton) and text:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return action

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as every button: a pane is never made so narrow that some go behind "»"."""
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def one_row_width(self) -> int:
        """The width the toolbar and the search take side by side."""
        return self.sizeHint().width() + SEARCH_MIN

    def set_page(self, page: int, count: int) -> None:
        """Show "page / count" (1-based) unless the user is typing in the page box."""
        if not self.page_box.hasFocus() or not self.page_box.isModified():
            self.page_box.setText(str(page + 1) if count else "")
            self.page_box.setModified(False)
        self.page_total.setText(f"/ {count}")

    def set_zoom(self, percent: int) -> None:
        """Show the zoom in percent (unless the user is typing in the box)."""
        if not self.zoom_combo.lineEdit().hasFocus():
            text = f"{percent}%"
            index = self.zoom_combo.findText(text)
            if index >= 0:
                self.zoom_combo.setCurrentIndex(index)  # else Qt "activates" it when focus leaves
            self.zoom_combo.setEditText(text)

    def show_state(self, page: int, count: int, percent: int, zoom_mode: str) -> None:
        """The page, the zoom and the fit buttons; everything but the thumbnails disabled without pages."""
        self.set_page(page, count)
        self.set_zoom(percent)
        self.previous_page.setEnabled(count > 0 and page > 0)
        self.next_page.setEnabled(page < count - 1)
        self.fit_width.setChecked(zoom_mode == "width")
        self.fit_page.setChecked(zoom_mode == "page")
        for widget in (self.page_box, self.zoom_combo, self.search):
            widget.setEnabled(count > 0)
        for action in (
            self.zoom_in,
            self.zoom_out,
            self.fit_width,
            self.fit_page,
            self.mark_rect,
            self.mark_text,
        ):
            action.setEnabled(count > 0)

    def focus_page_box(self) -> None:
        """Ctrl+G: the page box, its number selected."""
        self.page_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page_box.selectAll()

    def focus_search(self) -> None:
        """Ctrl+F: the search field, its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def hint_shortcuts(self) -> None:
        """Put each action's first shortcut in its tooltip."""
        for action in self.actions() + self.search_bar.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and keys not in action.toolTip():
                action.setToolTip(f"{action.toolTip()} ({keys})")


def add_keys(widget: QWidget, action: QAction, *keys: QKeySequence.StandardKey | str) -> QAction:
    """Give ``action`` these keys (standard ones in all their platform forms), active anywhere
    inside ``widget``."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        sequences += [s for s in found if s not in sequences]
    action.setShortcuts(sequences)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    widget.addAction(action)
    return action


class ToolbarRow(QWidget):
    """The toolbar and its search bar: side by side while the width allows, else the search on a
    second row (the toolbar then has the whole width)."""

    def __init__(self, toolbar: ViewerToolbar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toolbar = toolbar
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.box.addWidget(toolbar)
        self.box.addWidget(toolbar.search_bar, 1)

    @property
    def two_rows(self) -> bool:
        """Whether the search is on a row of its own."""
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """One row or two, as the new width allows."""
        super().resizeEvent(event)
        wanted = (
            QBoxLayout.Direction.TopToBottom
            if event.size().width() < self.toolbar.one_row_width()
            else QBoxLayout.Direction.LeftToRight
        )
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)

"""What a layout test looks for on a window: text cut short in buttons, labels, tab labels and
table headers, and page toolbars whose actions overflow behind the extension button "»"."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QStyle,
    QTabBar,
    QTableView,
    QToolBar,
    QToolButton,
    QWidget,
)

SLACK = 1
"""Pixels of rounding allowed."""


def _shown(widget: QWidget) -> bool:
    return widget.isVisibleTo(widget.window()) and widget.isVisible() and widget.width() > 0


def clipped_buttons(root: QWidget) -> list[str]:
    """Visible buttons narrower than their text needs (QPushButton, QToolButton…)."""
    found = []
    for button in root.findChildren(QAbstractButton):
        text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text or not _shown(button) or button.objectName() == "qt_toolbar_ext_button":
            continue
        if (
            isinstance(button, QToolButton)
            and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        ):
            continue
        text_width = button.fontMetrics().horizontalAdvance(text)
        hint = button.sizeHint().width()
        if button.width() + SLACK < hint or button.width() < text_width:
            found.append(f"button {text!r}: {button.width()} px, needs {max(hint, text_width)}")
    return found


def clipped_labels(root: QWidget) -> list[str]:
    """Visible one-line plain-text labels narrower than their text (a wrapped or rich-text label
    lays itself out)."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not text or not _shown(label) or label.wordWrap() or GuiQt.mightBeRichText(text):
            continue
        needed = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
        if room + SLACK < needed:
            found.append(f"label {text[:40]!r}: {room} px, needs {needed}")
    return found


def clipped_tabs(root: QWidget) -> list[str]:
    """Visible tab labels cut short."""
    found = []
    for bar in root.findChildren(QTabBar):
        if not _shown(bar):
            continue
        for index in range(bar.count()):
            if not bar.isTabVisible(index):
                continue
            text = bar.tabText(index).replace("&", "")
            needed = bar.fontMetrics().horizontalAdvance(text)
            if bar.tabRect(index).width() < needed:
                found.append(f"tab {text!r}: {bar.tabRect(index).width()} px, needs {needed}")
    return found


def clipped_headers(root: QWidget) -> list[str]:
    """Visible table header sections narrower than their title (with the header's margins, the
    sort arrow and an icon); a header that wraps its titles needs its widest word to fit and its
    lines to fit in its height."""
    found = []
    for table in root.findChildren(QTableView):
        header = table.horizontalHeader()
        model = table.model()
        if model is None or not _shown(table) or header.isHidden():
            continue
        style, metrics = header.style(), header.fontMetrics()
        margin = 2 * style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        wraps = bool(header.defaultAlignment() & Qt.TextFlag.TextWordWrap)
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) == 0:
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            if not text:
                continue
            room = header.sectionSize(section) - margin
            if (
                model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole)
                is not None
            ):
                room -= style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, header) + margin // 2
            if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
                room -= style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
            if wraps:
                flags = int(Qt.TextFlag.TextWordWrap)
                box = metrics.boundingRect(QRect(0, 0, max(room, 1), 10_000), flags, text)
                cut = box.width() > room + SLACK or box.height() > header.height()
                needed = box.width()
            else:
                needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                cut = needed > room + SLACK
            if cut:
                found.append(
                    f"{table.objectName() or type(table).__name__} header {text!r}: "
                    f"{room} px for the text, needs {needed}"
                )
    return found


def overflowing_toolbars(root: QWidget) -> list[str]:
    """Visible toolbars that hide actions behind their extension button."""
    found = []
    for bar in root.findChildren(QToolBar):
        if not _shown(bar):
            continue
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None and extension.isVisible():
            hidden = [
                a.text() for a in bar.actions() if a.isVisible() and not bar.widgetForAction(a).isVisible()
            ]
            found.append(f"toolbar overflows: {', '.join(hidden) or '(widgets)'} behind »")
    return found


def layout_problems(root: QWidget) -> list[str]:
    """Everything cut short or overflowing in ``root``'s visible widgets."""
    return (
        clipped_buttons(root)
        + clipped_labels(root)
        + clipped_tabs(root)
        + clipped_headers(root)
        + overflowing_toolbars(root)
    )

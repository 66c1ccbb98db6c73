"""The standard's vetoes (否决项) in the scoring workspace: a checkable button each, red for a veto
that fails the file (不合格), orange for one that keeps it out of the top band, laid out in rows
that wrap (``FlowLayout``). A button pressed says ``veto_toggled(code, on)``; the window does it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLayout, QLayoutItem, QPushButton, QWidget

from desktop.review.dto import Sheet
from desktop.review.rubric import Rubric
from desktop.views.review.rubric_panel import ORANGE, RED


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto the next line when the row is full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        """Add at the end."""
        self._items.append(item)

    def count(self) -> int:
        """How many items."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        """The item at ``index``."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        """Remove and return the item at ``index``."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        """Neither."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        """The height depends on the width."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        """The height the rows take at ``width``."""
        return self._lay_out(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        """Place the widgets."""
        super().setGeometry(rect)
        self._lay_out(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """The widest item, on one row."""
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """The largest item."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _lay_out(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(x, y, min(hint.width(), area.width()), hint.height()))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


VETO_STYLE = """
QPushButton[veto="true"] {{ border: 1px solid {color}; border-radius: 3px; padding: 2px 7px; color: #1F2933;
    background: #FFFFFF; text-align: left; }}
QPushButton[veto="true"]:hover {{ background: {hover}; }}
QPushButton[veto="true"]:checked {{ background: {color}; color: #FFFFFF; font-weight: bold; }}
QPushButton[veto="true"]:disabled {{ color: #8A94A3; border-color: #C9CED6; }}
QPushButton[veto="true"]:checked:disabled {{ background: {color}; color: #FFFFFF; border-color: {color}; }}
"""


class VetoPanel(QGroupBox):
    """The standard's vetoes (否决项) as checkable buttons: red for 不合格, orange for not the top band."""

    veto_toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Vetoes"), parent)
        self.setObjectName("vetoPanel")
        self.buttons: dict[str, QPushButton] = {}
        self.flow = FlowLayout(self)
        self.flow.setContentsMargins(6, 4, 6, 6)

    def set_rubric(self, rubric: Rubric) -> None:
        """One button per veto of the standard."""
        for veto in rubric.vetoes:
            button = QPushButton(veto.text, self)
            button.setObjectName(f"veto_{veto.code}")
            button.setCheckable(True)
            button.setProperty("veto", "true")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            fail = veto.effect == "fail"
            button.setStyleSheet(
                VETO_STYLE.format(color=RED if fail else ORANGE, hover="#FCEEEC" if fail else "#FEF3E6")
            )
            effect = (
                self.tr("the file fails whatever its points")
                if fail
                else self.tr("the file cannot be graded in the top band")
            )
            button.setToolTip(f"{veto.code}  {veto.text}\n{effect}")
            button.toggled.connect(lambda on, code=veto.code: self.veto_toggled.emit(code, on))
            self.buttons[veto.code] = button
            self.flow.addWidget(button)
        self.setVisible(bool(rubric.vetoes))

    def show_sheet(self, sheet: Sheet, marks: dict[str, int]) -> None:
        """Check the vetoes taken; disable the buttons on a read-only sheet."""
        taken = set(sheet.score.vetoes)
        for code, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(code in taken)
            button.blockSignals(False)
            button.setEnabled(sheet.editable)
            veto = sheet.rubric.veto(code)
            count = marks.get(code, 0)
            text = veto.text if veto else code
            button.setText(f"{text}  ▣ {count}" if count else text)

"""The review standard in the scoring workspace: a tree of sections → items → deductions with what
the sheet took (``RubricModel``, ``RubricTree``), and the vetoes as a row of checkable buttons
(``VetoPanel``).

The tree's shape is the standard's and never changes while the window is open; a new ``Sheet``
only changes the numbers, so expansion, selection and scroll position stay where the reviewer
left them. Nothing here calls a service: the widgets say what the reviewer asked for
(``check_requested``, ``toggle_requested``, ``veto_toggled``) and the window does it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from desktop.review.dto import EntryRow, Sheet
from desktop.review.rubric import Deduction, Item, Rubric
from desktop.review.scoring import format_points

SECTION, ITEM, DEDUCTION = range(3)
COL_TEXT, COL_RULE, COL_DEDUCTED, COL_LEFT, COL_MARKS = range(5)
KEY_DIGITS = "①②③④⑤⑥⑦⑧⑨"
RED, ORANGE, GREY = "#D93025", "#C26401", "#5F6B7A"
SECTION_BACKGROUND = QColor("#EEF1F5")
TAKEN_BACKGROUND = QColor("#FCEEEC")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Node:
    """One row of the tree: a section, an item or a deduction, with its place."""

    kind: int
    code: str
    parent: int
    """Index of the parent node, -1 for a section."""
    row: int
    children: tuple[int, ...] = ()


class RubricModel(QAbstractItemModel):
    """The standard's tree with the sheet's numbers: read-only but for the deductions' check boxes,
    whose clicks become ``check_requested(code, on)`` (the sheet, not the model, changes)."""

    check_requested = Signal(str, bool)

    def __init__(self, rubric: Rubric, parent: Any = None) -> None:
        super().__init__(parent)
        self.rubric = rubric
        self.nodes: list[Node] = []
        self._by_code: dict[str, int] = {}
        self._sections: list[int] = []
        self._build()
        self.sheet: Sheet | None = None
        self.entries: dict[str, EntryRow] = {}
        self.items: dict[str, Any] = {}
        self.marks: dict[str, int] = {}
        self.editable = False
        self.headers = (
            self.tr("Item"),
            self.tr("Rule"),
            self.tr("Deducted"),
            self.tr("Score"),
            self.tr("Marks"),
        )

    def _build(self) -> None:
        for s_row, section in enumerate(self.rubric.sections):
            s_id = self._add(Node(SECTION, section.code, -1, s_row))
            self._sections.append(s_id)
            item_ids = []
            for i_row, item in enumerate(section.items):
                i_id = self._add(Node(ITEM, item.code, s_id, i_row))
                ids = tuple(
                    self._add(Node(DEDUCTION, d.code, i_id, d_row)) for d_row, d in enumerate(item.deductions)
                )
                self.nodes[i_id] = Node(ITEM, item.code, s_id, i_row, ids)
                item_ids.append(i_id)
            self.nodes[s_id] = Node(SECTION, section.code, -1, s_row, tuple(item_ids))

    def _add(self, node: Node) -> int:
        self.nodes.append(node)
        self._by_code[node.code] = len(self.nodes) - 1
        return len(self.nodes) - 1

    # -- the sheet ---------------------------------------------------------------------------

    def set_sheet(self, sheet: Sheet) -> None:
        """Show a sheet's entries, item scores and mark counts (the rows stay as they are)."""
        self.sheet = sheet
        self.editable = sheet.editable
        self.entries = {e.code: e for e in sheet.entries}
        self.items = {i.code: i for i in sheet.score.items}
        self.marks = {}
        for mark in sheet.marks:
            if mark.code:
                self.marks[mark.code] = self.marks.get(mark.code, 0) + 1
        last = self.columnCount() - 1
        if self._sections:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sections) - 1, last))
        for node_id, node in enumerate(self.nodes):
            if node.children:
                parent = self.createIndex(node.row, 0, node_id)
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(node.children) - 1, last, parent)
                )

    # -- lookups -----------------------------------------------------------------------------

    def node(self, index: Index) -> Node | None:
        """The node of a valid index."""
        return self.nodes[index.internalId()] if index.isValid() else None

    def code_of(self, index: Index) -> str | None:
        """The code of the row of ``index``."""
        node = self.node(index)
        return node.code if node else None

    def kind_of(self, index: Index) -> int | None:
        """SECTION, ITEM or DEDUCTION."""
        node = self.node(index)
        return node.kind if node else None

    def index_of(self, code: str, column: int = 0) -> QModelIndex:
        """The index of a section, item or deduction by its code (invalid if unknown)."""
        node_id = self._by_code.get(code)
        if node_id is None:
            return QModelIndex()
        return self.createIndex(self.nodes[node_id].row, column, node_id)

    def item_code_of(self, index: Index) -> str | None:
        """The item of an item row or of a deduction row."""
        node = self.node(index)
        if node is None or node.kind == SECTION:
            return None
        return node.code if node.kind == ITEM else self.nodes[node.parent].code

    # -- Qt's model interface ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """The index of a child of ``parent``."""
        if (
            column < 0
            or column >= self.columnCount()
            or row < 0
            or (parent.isValid() and parent.column() != 0)
        ):
            return QModelIndex()
        children = self.nodes[parent.internalId()].children if parent.isValid() else self._sections
        return self.createIndex(row, column, children[row]) if row < len(children) else QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """The parent of a row (invalid for a section)."""
        if not index.isValid():
            return QModelIndex()
        node = self.nodes[index.internalId()]
        if node.parent < 0:
            return QModelIndex()
        return self.createIndex(self.nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Sections at the top, items under a section, deductions under an item."""
        if not parent.isValid():
            return len(self._sections)
        if parent.column() != 0:
            return 0
        return len(self.nodes[parent.internalId()].children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Item, rule, deducted, score, marks."""
        return 5

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt override
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 5:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable rows; a deduction's box is checkable while the sheet is editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == COL_TEXT and self.kind_of(index) == DEDUCTION:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A click on a deduction's box: ask for the change (the next sheet shows it)."""
        if role != Qt.ItemDataRole.CheckStateRole or not self.editable or self.kind_of(index) != DEDUCTION:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        code = self.code_of(index)
        assert code is not None
        self.check_requested.emit(code, on)
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Texts, the check box, bold and tinted taken rows, tooltips."""
        if not index.isValid():
            return None
        node = self.nodes[index.internalId()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == COL_TEXT and node.kind == DEDUCTION:
            return Qt.CheckState.Checked if node.code in self.entries else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_TEXT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._font(node)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(node, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if node.kind == SECTION:
                return QBrush(SECTION_BACKGROUND)
            if node.kind == DEDUCTION and node.code in self.entries:
                return QBrush(TAKEN_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        return None

    # -- what each cell says -----------------------------------------------------------------

    def _section(self, node: Node) -> Any:
        return self.rubric.sections[node.row]

    def _item(self, node: Node) -> Item:
        return self._section(self.nodes[node.parent]).items[node.row]

    def _deduction(self, node: Node) -> Deduction:
        return self._item(self.nodes[node.parent]).deductions[node.row]

    def _section_deducted(self, node: Node) -> Decimal:
        section = self._section(node)
        return sum((self.items[i.code].deducted for i in section.items if i.code in self.items), Decimal(0))

    def _text(self, node: Node, column: int) -> str:
        if node.kind == SECTION:
            section = self._section(node)
            deducted = self._section_deducted(node)
            return (
                f"{section.code}  {section.title}",
                self.tr("{points} pts").format(points=format_points(section.points)),
                minus(deducted),
                format_points(section.points - deducted),
                "",
            )[column]
        if node.kind == ITEM:
            item, score = self._item(node), self.items.get(node.code)
            deducted = score.deducted if score else Decimal(0)
            points = self.tr("{points} pts").format(points=format_points(item.points))
            return (
                f"{item.code}  {item.title}",
                points,
                minus(deducted),
                format_points(item.points - deducted),
                "",
            )[column]
        deduction = self._deduction(node)
        if column == COL_TEXT:
            key = KEY_DIGITS[node.row] + " " if node.row < len(KEY_DIGITS) else ""
            return f"{key}{deduction.code}  {deduction.text}"
        if column == COL_RULE:
            return self.rule_text(deduction)
        if column == COL_DEDUCTED:
            entry = self.entries.get(node.code)
            return self.taken_text(deduction, entry) if entry else ""
        if column == COL_MARKS:
            count = self.marks.get(node.code, 0)
            return f"▣ {count}" if count else ""
        return ""

    def rule_text(self, deduction: Deduction) -> str:
        """What a deduction takes, in words: "−2", "−1 each", "−1 to 3", "all"."""
        if deduction.kind == "per_occurrence":
            return self.tr("−{points} each").format(points=format_points(deduction.points))
        if deduction.kind == "range":
            return self.tr("−{min} to {max}").format(
                min=format_points(deduction.min), max=format_points(deduction.max)
            )
        if deduction.kind == "full":
            return self.tr("all")
        return self.tr("−{points}").format(points=format_points(deduction.points))

    def taken_text(self, deduction: Deduction, entry: EntryRow) -> str:
        """What was taken: "−2", "−3 (3×)" for occurrences."""
        if deduction.kind == "per_occurrence":
            return self.tr("{points} ×{count}").format(points=minus(entry.deducted), count=entry.count)
        return minus(entry.deducted)

    def _font(self, node: Node) -> QFont | None:
        if node.kind == SECTION or (node.kind == DEDUCTION and node.code in self.entries):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _foreground(self, node: Node, column: int) -> QBrush | None:
        if column == COL_DEDUCTED:
            return QBrush(QColor(RED))
        if column == COL_LEFT and node.kind == ITEM:
            score = self.items.get(node.code)
            if score is not None and score.remaining <= 0:
                return QBrush(QColor(RED))
        if column in (COL_RULE, COL_MARKS):
            return QBrush(QColor(GREY))
        return None

    def _tooltip(self, node: Node) -> str | None:
        if node.kind == ITEM:
            score = self.items.get(node.code)
            if score is not None and score.remaining <= 0 and score.deducted > 0:
                return self.tr("Nothing left to deduct: deductions stop at the item's points.")
            return None
        if node.kind != DEDUCTION:
            return None
        deduction = self._deduction(node)
        lines = [f"{deduction.code}  {deduction.text}", self.kind_text(deduction)]
        entry = self.entries.get(node.code)
        if entry and entry.note:
            lines.append(self.tr("Note: {note}").format(note=entry.note))
        return "\n".join(lines)

    def kind_text(self, deduction: Deduction) -> str:
        """The deduction's rule in a sentence."""
        if deduction.kind == "per_occurrence":
            return self.tr("{points} points for each occurrence").format(
                points=format_points(deduction.points)
            )
        if deduction.kind == "range":
            return self.tr("The reviewer chooses {min} to {max} points").format(
                min=format_points(deduction.min), max=format_points(deduction.max)
            )
        if deduction.kind == "full":
            return self.tr("All the item's points")
        return self.tr("{points} points").format(points=format_points(deduction.points))


def minus(points: Decimal) -> str:
    """A deduction as shown: "−2.5", or nothing for zero."""
    return f"−{format_points(points)}" if points else ""


def column_widths(model: RubricModel, metrics: QFontMetrics) -> dict[int, int]:
    """Widths of the number columns: the widest of their title and what they can show."""
    translate = QCoreApplication.translate
    samples: dict[int, list[str]] = {
        COL_RULE: [translate("RubricModel", "{points} pts").format(points="100")],
        COL_DEDUCTED: [translate("RubricModel", "{points} ×{count}").format(points="−10", count=99)],
        COL_LEFT: ["100"],
        COL_MARKS: ["▣ 99"],
    }
    samples[COL_RULE] += [model.rule_text(d) for i in model.rubric.items() for d in i.deductions]
    return {
        column: max(metrics.horizontalAdvance(t) for t in [*texts, model.headers[column]]) + 18
        for column, texts in samples.items()
    }


class WrappingDelegate(QStyledItemDelegate):
    """The text column wraps: a long deduction reads in full over two lines instead of ending in "…"."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 - Qt override
        """The height the wrapped text needs at the column's width."""
        size = super().sizeHint(option, index)
        if index.column() != COL_TEXT:
            return size
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self.tree.header().sectionSize(COL_TEXT) - self.tree.indentation() * (depth + 1)
        opt.rect = QRect(0, 0, max(width, 60), 10_000)
        widget = self.tree
        text = widget.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        needed = opt.fontMetrics.boundingRect(
            QRect(0, 0, max(text.width() - 6, 20), 10_000), int(Qt.TextFlag.TextWordWrap), opt.text
        ).height()
        return QSize(size.width(), max(size.height(), needed + 6))


class RubricTree(QTreeView):
    """The tree of the standard: arrows move, Space or Enter toggles the deduction in focus."""

    toggle_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rubricTree")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setIndentation(14)
        self.setExpandsOnDoubleClick(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(WrappingDelegate(self))
        self._relayout = QTimer(self, singleShot=True, interval=40)
        self._relayout.timeout.connect(self.doItemsLayout)
        self.header().sectionResized.connect(self.on_header_section_resized)

    def setModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        """Take the model, size the number columns to what they can show, open every section."""
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in column_widths(model, self.fontMetrics()).items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.expandAll()

    def on_header_section_resized(self, column: int, _old: int, _new: int) -> None:
        """The text column changed width: wrap its rows again (once the resizing settles)."""
        if column == COL_TEXT:
            self._relayout.start()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Space, Enter and Return toggle a deduction (on an item or section they open and close it)."""
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select)
        model = self.model()
        if event.key() in keys and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            index = self.currentIndex()
            if isinstance(model, RubricModel) and model.kind_of(index) == DEDUCTION:
                self.toggle_requested.emit(model.code_of(index))
                event.accept()
                return
            if index.isValid():
                first = index.siblingAtColumn(0)
                self.setExpanded(first, not self.isExpanded(first))
                event.accept()
                return
        super().keyPressEvent(event)

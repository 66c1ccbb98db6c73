"""The 评查标准 tab's panels: a stored standard read as a tree (sections → items → deductions with
their kind and points, then the vetoes and the grade bands), marked when it is a default to check
and when it is locked by use; and the list of every problem of a refused file, with its JSON path."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedLayout,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.review.dto import RubricRow
from desktop.review.rubric import Deduction, Item, Rubric
from desktop.review.rubric_checks import RubricProblem
from desktop.review.scoring import format_points
from desktop.views.common.look import GREY, RED, YELLOW, scaled_font
from desktop.views.common.page_tools import local_time
from desktop.views.review.tab_tools import effect_word, kind_word

NOTE_STYLE = (
    "QLabel#{name} {{ background: {background}; border: 1px solid {border}; border-radius: 3px; "
    "padding: 5px 8px; color: {colour}; }}"
)
PROBLEMS_STYLE = (
    f"QFrame#rubricProblems {{ border: 1px solid {RED}; border-radius: 3px; background: #FDF3F2; }}"
)
GROUP_BACKGROUND = QColor("#EEF1F5")
COL_TEXT, COL_POINTS, COL_KIND = range(3)
PROBLEM_ROWS_SHOWN = 8
"""Rows of problems shown before the list scrolls."""


class StandardTree(QWidget):
    """One stored standard: its name and marks above the tree of what it scores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: RubricRow | None = None
        self.placeholder = QLabel(
            self.tr("Select a standard to read its sections, items, deductions, vetoes and grade bands."),
            self,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._body())

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading = QLabel(body)
        self.heading.setObjectName("standardHeading")
        self.heading.setFont(scaled_font(self, 1.1, bold=True))
        self.heading.setWordWrap(True)
        self.facts = QLabel(body)
        self.facts.setObjectName("standardFacts")
        self.facts.setStyleSheet(f"color: {GREY};")
        self.facts.setWordWrap(True)
        self.default_note = self._note(body, "defaultNote", "#FEF7E0", YELLOW, "#5C4300")
        self.default_note.setText(
            "⚠ "
            + self.tr(
                "Default — check it against the standard in force in your province before scoring with it."
            )
        )
        self.locked_note = self._note(body, "lockedNote", "#EEF1F5", "#C5CCD6", "#1F2933")
        self.locked_note.setText(
            self.tr("Used for scoring: it never changes — to amend it, import a new version.")
        )
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("standardTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Section, item or deduction"), self.tr("Points"), self.tr("Kind")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_POINTS, 90), (COL_KIND, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(column, width)
        for widget in (self.heading, self.facts, self.default_note, self.locked_note):
            layout.addWidget(widget)
        layout.addWidget(self.tree, 1)
        return body

    @staticmethod
    def _note(parent: QWidget, name: str, background: str, border: str, colour: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(NOTE_STYLE.format(name=name, background=background, border=border, colour=colour))
        return label

    # -- showing a standard -------------------------------------------------------------------

    def show_standard(
        self, row: RubricRow | None, rubric: Rubric | None = None, *, empty: bool = False
    ) -> None:
        """Show one standard (None: say what to do — ``empty``: that there is none yet)."""
        self.row = row
        self.placeholder.setText(
            self.tr("No standard to show yet.")
            if empty
            else self.tr("Select a standard to read its sections, items, deductions, vetoes and grade bands.")
        )
        self.stack.setCurrentIndex(0 if row is None or rubric is None else 1)
        if row is None or rubric is None:
            return
        self.heading.setText(
            self.tr("{name} ({code} v{version})").format(name=row.name, code=row.code, version=row.version)
        )
        self.facts.setText(
            self.tr("Applies to {categories} · total {total} points · imported by {who} at {when}").format(
                categories="、".join(row.applies_to),
                total=format_points(row.total),
                who=row.imported_by,
                when=local_time(row.imported_at),
            )
        )
        self.default_note.setVisible(row.is_default)
        self.locked_note.setVisible(row.used)
        self.tree.clear()
        for section in rubric.sections:
            node = self._node(
                self.tree, f"{section.code}  {section.title}", format_points(section.points), "", group=True
            )
            for item in section.items:
                child = self._node(node, f"{item.code}  {item.title}", format_points(item.points), "")
                for deduction in item.deductions:
                    self._node(
                        child,
                        f"{deduction.code}  {deduction.text}",
                        self.points_text(item, deduction),
                        kind_word(deduction.kind),
                    )
        vetoes = self._node(self.tree, self.tr("Vetoes"), "", "", group=True)
        for veto in rubric.vetoes:
            self._node(
                vetoes,
                f"{veto.code}  {veto.text}",
                "",
                effect_word(veto.effect),
                colour=RED if veto.effect == "fail" else YELLOW,
            )
        bands = self._node(self.tree, self.tr("Grade bands"), "", "", group=True)
        for band in rubric.bands:
            self._node(bands, band.name, self.tr("from {points}").format(points=format_points(band.min)), "")
        self.tree.expandAll()

    def points_text(self, item: Item, deduction: Deduction) -> str:
        """ "−2", "−1 each", "−1 to −5", "−4 (all)"."""
        if deduction.kind == "per_occurrence":
            return self.tr("−{points} each").format(points=format_points(deduction.points))
        if deduction.kind == "range":
            return self.tr("−{min} to −{max}").format(
                min=format_points(deduction.min), max=format_points(deduction.max)
            )
        if deduction.kind == "full":
            return f"−{format_points(item.points)}"
        return f"−{format_points(deduction.points)}"

    def _node(
        self,
        parent: QTreeWidget | QTreeWidgetItem,
        text: str,
        points: str,
        kind: str,
        *,
        group: bool = False,
        colour: str | None = None,
    ) -> QTreeWidgetItem:
        node = QTreeWidgetItem(parent, [text, points, kind])
        node.setToolTip(COL_TEXT, text)
        node.setTextAlignment(COL_POINTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if group:
            font = node.font(COL_TEXT)
            font.setBold(True)
            for column in range(3):
                node.setFont(column, font)
                node.setBackground(column, QBrush(GROUP_BACKGROUND))
        if colour:
            node.setForeground(COL_KIND, QBrush(QColor(colour)))
        return node

    def texts(self) -> list[list[str]]:
        """Every row of the tree, depth first, as its three texts (tests)."""
        out: list[list[str]] = []

        def walk(node: QTreeWidgetItem, depth: int) -> None:
            out.append(["  " * depth + node.text(COL_TEXT), node.text(COL_POINTS), node.text(COL_KIND)])
            for n in range(node.childCount()):
                walk(node.child(n), depth + 1)

        for n in range(self.tree.topLevelItemCount()):
            walk(self.tree.topLevelItem(n), 0)
        return out


class RubricProblemsPanel(QFrame):
    """A refused file: what it is and every problem with the JSON path of the element."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rubricProblems")
        self.setStyleSheet(PROBLEMS_STYLE)
        self.title = QLabel(self)
        self.title.setObjectName("problemsTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet(f"color: {RED}; font-weight: bold; border: none;")
        close = QPushButton(self.tr("Close"), self)
        close.setObjectName("closeProblems")
        close.clicked.connect(self.on_close_clicked)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("problemsTable")
        self.table.setHorizontalHeaderLabels([self.tr("JSON path"), self.tr("Problem")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.hide()

    def show_problems(self, file_name: str, problems: Sequence[tuple[str, str]]) -> None:
        """Show every (path, message) of the refused file."""
        self.title.setText(
            self.tr("{file} was not imported: {count} problem(s) to fix in the file.").format(
                file=file_name, count=len(problems)
            )
        )
        self.table.setRowCount(len(problems))
        for number, (path, message) in enumerate(problems):
            for column, text in enumerate((path or self.tr("(the whole file)"), message)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(number, column, cell)
        shown = min(max(len(problems), 1), PROBLEM_ROWS_SHOWN)
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + 2 * self.table.frameWidth()
            + shown * self.table.verticalHeader().defaultSectionSize()
            + 4
        )
        self.show()

    def rows(self) -> list[tuple[str, str]]:
        """The problems shown (tests)."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())
        ]

    def on_close_clicked(self) -> None:
        """The user read them."""
        self.hide()
        self.closed.emit()


def problem_lines(problems: Sequence[RubricProblem]) -> list[tuple[str, str]]:
    """Each problem as (JSON path, message without the path it starts with)."""
    lines = []
    for problem in problems:
        message = problem.message
        for sep in (": ", "："):
            if problem.path and message.startswith(problem.path + sep):
                message = message[len(problem.path) + len(sep) :]
        lines.append((problem.path, message))
    return lines

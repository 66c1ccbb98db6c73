"""An assessment's result as the window shows it: the agencies ranked with each indicator's score
(or why there is none), and the working of the score chosen one click away (value, score,
numerator, denominator, the rows behind). Used for a fresh computation and a published result."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.dto import Assessment, Behind, Measured, Scored

FIXED_COLUMNS = 3
"""名次, 执法主体, 总分 before the indicators."""


class ResultView(QWidget):
    """The ranking beside the working of the chosen cell."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Assessment | None = None
        self.load_rows: Callable[[int, int], None] | None = None
        """Read the rows behind the score at (row, column) of a result without them; the answer
        comes back through ``show_rows``."""
        self.loaded: dict[tuple[int, int], Measured] = {}
        self.table = QTableWidget(self)
        self.table.setObjectName("ranking")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()  # the rank is the first column
        self.working = QTextEdit(self)
        self.working.setObjectName("working")
        self.working.setReadOnly(True)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.working)
        split.setSizes([800, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        layout.addWidget(self.notes)
        self.table.currentCellChanged.connect(self.on_table_current_cell_changed)

    def clear(self) -> None:
        """Nothing shown."""
        self.result = None
        self.loaded = {}
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.working.clear()
        self.notes.clear()

    def show_result(self, result: Assessment) -> None:
        """The ranking: 名次, 执法主体, 总分, then each indicator's score (or why there is none)."""
        self.result = result
        self.loaded = {}
        inds = result.indicator_set.indicators
        headers = [
            self.tr("Rank"),
            self.tr("Agency"),
            self.tr("Total"),
            *(f"{i.name}\n({i.weight})" for i in inds),
        ]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(result.agencies))
        self.table.setHorizontalHeaderLabels(headers)
        for r, g in enumerate(result.agencies):
            cells = [str(g.rank or ""), g.agency, "" if g.total is None else str(g.total)]
            cells += [str(s.score) if s.counted else s.note for s in g.indicators]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c >= FIXED_COLUMNS and not g.indicators[c - FIXED_COLUMNS].counted:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.notes.setText("\n".join(result.notes))
        self.working.setPlainText(self.tr("Choose a score to see its working."))

    def scored_at(self, row: int, column: int) -> Scored | None:
        if self.result is None or column < FIXED_COLUMNS or not (0 <= row < len(self.result.agencies)):
            return None
        return self.result.agencies[row].indicators[column - FIXED_COLUMNS]

    def on_table_current_cell_changed(self, row: int, column: int, *_: int) -> None:
        """The working of the score chosen: value, score, numerator, denominator, the rows."""
        s = self.scored_at(row, column)
        if s is None or self.result is None:
            return
        agency = self.result.agencies[row].agency
        lines = [
            f"{agency} · {s.name}",
            self.tr("Value: {value}    Score: {score} of {weight}").format(
                value="—" if s.value is None else s.value,
                score="—" if s.score is None else s.score,
                weight=s.weight,
            ),
            self.tr("Numerator: {n}    Denominator: {d}").format(
                n=s.numerator, d="—" if s.denominator is None else s.denominator
            ),
            s.working,
        ]
        if s.note:
            lines.append(s.note)
        found = self.loaded.get((row, column))
        if s.rows:
            lines += self._rows(s.rows)
        elif found is not None:
            if (found.numerator, found.denominator) != (s.numerator, s.denominator):
                lines += ["", self._changed(found)]
            lines += self._rows(found.rows)
        elif not self.result.detailed and self.load_rows is not None and (s.numerator or s.denominator):
            lines += ["", self.tr("Reading the rows behind…")]
            self.working.setPlainText("\n".join(lines))
            self.load_rows(row, column)  # may answer at once (show_rows)
            return
        self.working.setPlainText("\n".join(lines))

    def _rows(self, rows: tuple[Behind, ...]) -> list[str]:
        if not rows:
            return []
        return [
            "",
            self.tr("Rows counted (✓ in the numerator):"),
            *(f"{'✓' if b.counted else '✗'} {b.ref}  {b.label}" for b in rows),
        ]

    def _changed(self, found: Measured) -> str:
        return self.tr(
            "The store has changed since the computation: the rows below give {n} / {d} now. "
            "Compute again to update the scores."
        ).format(n=found.numerator, d="—" if found.denominator is None else found.denominator)

    def show_rows(self, row: int, column: int, found: Measured) -> None:
        """The rows behind the score at (row, column), read (shown if it is still the one chosen)."""
        self.loaded[(row, column)] = found
        if (self.table.currentRow(), self.table.currentColumn()) == (row, column):
            self.on_table_current_cell_changed(row, column)

"""The assessment tab (执法考核): choose a period and an indicator set, compute (through the task
runner), the agencies ranked with each indicator's score, the working of the cell chosen one click
away (numerator, denominator, the rows behind), and the result as a workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.reports.assessment import assess
from desktop.reports.dto import Assessment, IndicatorSet, Scored
from desktop.reports.sets import list_sets
from desktop.reports.workbook import write_assessment

FIXED_COLUMNS = 3
"""名次, 执法主体, 总分 before the indicators."""


class AssessmentTab(QWidget):
    """Ranking and working of an assessment."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: Assessment | None = None
        self.sets: list[IndicatorSet] = []
        today = ctx.today()
        self.start_edit = self._date(date(today.year, 1, 1), "assessFrom")
        self.end_edit = self._date(today, "assessTo")
        self.set_combo = QComboBox(self)
        self.set_combo.setObjectName("indicatorSet")
        self.set_combo.setMinimumWidth(160)
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.compute_button.setObjectName("compute")
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("exportAssessment")
        self.export_button.setEnabled(False)
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
        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("From"), self.start_edit),
            (self.tr("To"), self.end_edit),
            (self.tr("Indicator set"), self.set_combo),
        ):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addWidget(self.compute_button)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.working)
        split.setSizes([800, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.notes)
        self.compute_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.export)
        self.table.currentCellChanged.connect(self.on_table_current_cell_changed)

    def _date(self, value: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def load_sets(self) -> None:
        """Read the indicator sets (through the task runner)."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: list_sets(ctx.store, ctx.user),
            self.on_sets_loaded,
            parent_widget=self,
            key=f"sets-{id(self)}",
        )

    def on_sets_loaded(self, sets: tuple[IndicatorSet, ...]) -> None:
        newest: dict[str, IndicatorSet] = {}
        for s in sets:
            newest[s.name] = s
        self.sets = list(newest.values())
        blocked = self.set_combo.blockSignals(True)
        self.set_combo.clear()
        for s in self.sets:
            self.set_combo.addItem(f"{s.name} v{s.version}", s.name)
        self.set_combo.blockSignals(blocked)

    def compute(self) -> None:
        """Score every agency for the period on the chosen set."""
        ctx = self.ctx
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        chosen = self.sets[self.set_combo.currentIndex()] if self.sets else None
        if chosen is None:
            return
        ctx.tasks.load(
            lambda: assess(ctx.store, ctx.user, start, end, chosen, ctx.today()),  # type: ignore[arg-type]
            self.show_result,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            key=f"assess-{id(self)}",
        )

    def show_result(self, result: Assessment) -> None:
        """The ranking: 名次, 执法主体, 总分, then each indicator's score (or why there is none)."""
        self.result = result
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
        self.export_button.setEnabled(True)
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
        if s.rows:
            lines.append("")
            lines.append(self.tr("Rows counted (✓ in the numerator):"))
            lines += [f"{'✓' if b.counted else '✗'} {b.ref}  {b.label}" for b in s.rows]
        self.working.setPlainText("\n".join(lines))

    def export(self) -> None:
        """The ranking, the working and the rows behind as one workbook."""
        result = self.result
        if result is None:
            return
        name = f"执法考核 {result.period.start.isoformat()}–{result.period.end.isoformat()}.xlsx"
        path = self.ctx.dialogs.save_file(self, self.tr("Export the assessment"), name, "Excel (*.xlsx)")
        if not path:
            return
        if Path(path).suffix.lower() != ".xlsx":
            path += ".xlsx"
        self.ctx.tasks.run(
            lambda _p, _c: write_assessment(path, result),
            on_done=lambda _r: self.ctx.dialogs.info(
                self, self.tr("Export the assessment"), self.tr("Wrote {path}.").format(path=path)
            ),
            on_error=lambda exc: self.ctx.dialogs.show_error(self, exc),
            label=self.tr("Writing the workbook"),
            parent_widget=self,
        )

"""The assessment tab (执法考核): choose a period and an indicator set, compute (through the task
runner), the agencies ranked with each indicator's score, the working of the cell chosen one click
away (``result_view``), the result as a workbook, published (kept with the set version it used),
and the sets edited (``set_editor``: a copy saved as a new version)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.reports.assessment import assess, with_rows, working_rows
from desktop.reports.dto import Assessment, IndicatorSet, Scored
from desktop.reports.sets import list_sets, publish
from desktop.reports.workbook import write_assessment
from desktop.views.dashboard.result_view import FIXED_COLUMNS, ResultView
from desktop.views.dashboard.set_editor import SetEditorDialog

__all__ = ["FIXED_COLUMNS", "AssessmentTab"]


class AssessmentTab(QWidget):
    """Ranking and working of an assessment; publishing and the set editor for those who may
    change settings."""

    published = Signal(int)
    """A result was published (its id)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sets: list[IndicatorSet] = []
        self.editor: SetEditorDialog | None = None
        today = ctx.today()
        self.start_edit = self._date(date(today.year, 1, 1), "assessFrom")
        self.end_edit = self._date(today, "assessTo")
        self.set_combo = QComboBox(self)
        self.set_combo.setObjectName("indicatorSet")
        self.set_combo.setMinimumWidth(160)
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.compute_button.setObjectName("compute")
        self.edit_sets_button = QPushButton(self.tr("Indicator sets…"), self)
        self.edit_sets_button.setObjectName("editSets")
        self.publish_button = QPushButton(self.tr("Publish…"), self)
        self.publish_button.setObjectName("publish")
        self.publish_button.setEnabled(False)
        self.publish_button.setVisible(ctx.user.can(Permission.EDIT_SETTINGS))
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("exportAssessment")
        self.export_button.setEnabled(False)
        self.view = ResultView(self)
        self.table, self.working, self.notes = self.view.table, self.view.working, self.view.notes
        self.view.load_rows = self.load_rows
        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("From"), self.start_edit),
            (self.tr("To"), self.end_edit),
            (self.tr("Indicator set"), self.set_combo),
        ):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addWidget(self.compute_button)
        bar.addWidget(self.edit_sets_button)
        bar.addStretch(1)
        bar.addWidget(self.publish_button)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.compute_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.export)
        self.publish_button.clicked.connect(self.publish)
        self.edit_sets_button.clicked.connect(self.open_editor)

    @property
    def result(self) -> Assessment | None:
        return self.view.result

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
        """Offer each set's newest version (the one chosen kept)."""
        newest: dict[str, IndicatorSet] = {}
        for s in sets:
            newest[s.name] = s
        self.sets = list(newest.values())
        chosen = self.set_combo.currentData()
        blocked = self.set_combo.blockSignals(True)
        self.set_combo.clear()
        for s in self.sets:
            self.set_combo.addItem(f"{s.name} v{s.version}", s.name)
        self.set_combo.setCurrentIndex(max(self.set_combo.findData(chosen), 0))
        self.set_combo.blockSignals(blocked)

    def compute(self) -> None:
        """Score every agency for the period on the chosen set."""
        ctx = self.ctx
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        chosen = self.sets[self.set_combo.currentIndex()] if self.sets else None
        if chosen is None:
            return
        ctx.tasks.load(
            lambda: assess(ctx.store, ctx.user, start, end, chosen, ctx.today(), rows=False),  # type: ignore[arg-type]
            self.show_result,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            key=f"assess-{id(self)}",
        )

    def show_result(self, result: Assessment) -> None:
        """The ranking and the working of the cell chosen."""
        self.view.show_result(result)
        self.export_button.setEnabled(True)
        self.publish_button.setEnabled(True)

    def scored_at(self, row: int, column: int) -> Scored | None:
        return self.view.scored_at(row, column)

    def load_rows(self, row: int, column: int) -> None:
        """The rows behind one score, read when it is chosen (through the task runner)."""
        result, s = self.result, self.scored_at(row, column)
        if result is None or s is None:
            return
        ctx, agency_id = self.ctx, result.agencies[row].agency_id
        ctx.tasks.load(
            lambda: working_rows(ctx.store, ctx.user, result, agency_id, s.key),
            lambda found: self.view.show_rows(row, column, found),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            key=f"rows-{id(self)}",
        )

    def publish(self) -> None:
        """Keep the result shown as published, with its set's version (asked once)."""
        result = self.result
        if result is None:
            return
        s = result.indicator_set
        question = self.tr(
            "Publish the assessment of {start} to {end} on the set {name} v{version}? A published "
            "result is kept as it is now."
        ).format(start=result.period.start, end=result.period.end, name=s.name, version=s.version)
        if not self.ctx.dialogs.confirm(self, self.tr("Publish"), question, self.tr("Publish")):
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: publish(ctx.store, ctx.user, result),
            on_done=self.on_published,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Publishing"),
            parent_widget=self,
            cancellable=False,
        )

    def on_published(self, publication_id: int) -> None:
        self.publish_button.setEnabled(False)
        self.load_sets()  # a set first published is stored now
        self.published.emit(publication_id)
        self.ctx.dialogs.info(
            self, self.tr("Publish"), self.tr("Published (no. {id}).").format(id=publication_id)
        )

    def open_editor(self) -> SetEditorDialog:
        """The indicator sets: every version, a copy edited and saved as a new version."""
        if self.editor is None:
            self.editor = SetEditorDialog(self.ctx, self)
            self.editor.saved.connect(lambda _s: self.load_sets())
        self.editor.refresh()
        if self.editor.isVisible():
            self.editor.raise_()  # already open: in front again
        else:
            self.editor.show()
        return self.editor

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
            lambda _p, _c: write_assessment(path, with_rows(self.ctx.store, self.ctx.user, result)),
            on_done=lambda _r: self.ctx.dialogs.info(
                self, self.tr("Export the assessment"), self.tr("Wrote {path}.").format(path=path)
            ),
            on_error=lambda exc: self.ctx.dialogs.show_error(self, exc),
            label=self.tr("Writing the workbook"),
            parent_widget=self,
        )

"""培训: the training hours of a year against the target — per officer (those short marked, or
only those) or per agency (officers, hours in all and on average, how many reached the target and
how many are short) — a course entered by hand with its attendance, the attendance workbook's
import (all rows or none) and the 培训台账 export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.core.security import Permission
from desktop.personnel.dto import ImportResult
from desktop.personnel.qualification_exports import export_training_ledger
from desktop.personnel.training import (
    AgencyTraining,
    TrainingHours,
    agency_training,
    import_training,
    record_course,
    training_hours,
)
from desktop.views.common.page_tools import fill_agency_filter, scoped_agencies
from desktop.views.officers.course_dialog import CourseDialog

SHORT_COLOUR = "#b3261e"


class TrainingTab(QWidget):
    """Hours per officer and the import."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(ctx.today().year)
        self.view_combo = QComboBox(self)
        self.view_combo.setObjectName("trainingView")
        self.view_combo.addItem(self.tr("By officer"), "officers")
        self.view_combo.addItem(self.tr("By agency"), "agencies")
        self.short_box = QCheckBox(self.tr("Only those below the target"), self)
        self.short_box.setObjectName("shortOnly")
        self.agency_id: int | None = None
        """The agency shown (None: all); kept while the agencies are read again."""
        self.agency_filter = QComboBox(self)
        self.agency_filter.setObjectName("agencyFilter")
        self.agency_filter.setMinimumWidth(160)
        fill_agency_filter(self.agency_filter, ctx, [], self.tr("All agencies"))
        self.course_button = QPushButton(self.tr("Record a course…"), self)
        self.course_button.setObjectName("recordCourse")
        self.course_button.setVisible(ctx.user.can(Permission.MANAGE_CERTIFICATES))
        self.course_button.clicked.connect(self.start_course)
        self.dialog: CourseDialog | None = None
        self.notice = ""
        """What the last course recorded did, shown after the counts."""
        self.import_button = QPushButton(self.tr("Import attendance…"), self)
        self.import_button.setObjectName("importTraining")
        self.import_button.setVisible(ctx.user.can(Permission.MANAGE_CERTIFICATES))
        self.import_button.clicked.connect(self.start_import)
        self.export_button = QPushButton(self.tr("Export the ledger…"), self)
        self.export_button.setObjectName("exportLedger")
        self.export_button.clicked.connect(self.start_export)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year"), self))
        top.addWidget(self.year_spin)
        top.addWidget(self.view_combo)
        top.addWidget(QLabel(self.tr("Agency"), self))
        top.addWidget(self.agency_filter)
        top.addWidget(self.short_box)
        top.addStretch(1)
        top.addWidget(self.course_button)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("hoursTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Agency"), self.tr("Hours"), self.tr("Target")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.agency_table = QTableWidget(0, 6, self)
        self.agency_table.setObjectName("agencyTable")
        self.agency_table.setHorizontalHeaderLabels(
            [
                self.tr("Agency"),
                self.tr("Officers"),
                self.tr("Total hours"),
                self.tr("Average"),
                self.tr("Reached the target"),
                self.tr("Short"),
            ]
        )
        self.agency_table.verticalHeader().hide()
        self.agency_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.agency_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.agency_table)
        self.status = QLabel(self)
        self.status.setObjectName("trainingStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack)
        layout.addWidget(self.status)
        self.year_spin.valueChanged.connect(lambda _v: self.load())
        self.short_box.toggled.connect(lambda _v: self.load())
        self.agency_filter.currentIndexChanged.connect(self.on_agency_filter_current_index_changed)
        self.view_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def refresh(self) -> None:
        """Read the hours again."""
        self.load()

    def load(self) -> None:
        """Read the agencies and the hours of the chosen year (per officer, of the agency chosen, or
        per agency) in the background."""
        ctx, year, short, agency = (
            self.ctx,
            self.year_spin.value(),
            self.short_box.isChecked(),
            self.agency_id,
        )
        by_agency = self.view_combo.currentData() == "agencies"
        self.stack.setCurrentIndex(1 if by_agency else 0)
        self.short_box.setEnabled(not by_agency)
        self.agency_filter.setEnabled(not by_agency)
        if by_agency:
            ctx.tasks.load(
                lambda: agency_training(ctx.store, ctx.user, year),
                self.show_agencies,
                parent_widget=self,
                key=f"training-agencies-{id(self)}",
            )
            return
        ctx.tasks.load(
            lambda: (
                scoped_agencies(ctx),
                training_hours(ctx.store, ctx.user, year, agency=agency, short_only=short),
            ),
            self.on_loaded,
            parent_widget=self,
            key=f"training-hours-{id(self)}",
        )

    def set_filters(
        self, agency_id: int | None = None, short_only: bool = False, year: int | None = None
    ) -> None:
        """Show an agency's officers (None: all), only those below the target when
        ``short_only``, for a year (None: the one shown)."""
        self.agency_id = agency_id
        blocked = self.view_combo.blockSignals(True)
        self.view_combo.setCurrentIndex(0)  # per officer
        self.view_combo.blockSignals(blocked)
        for widget, value in ((self.year_spin, year), (self.short_box, short_only)):
            blocked = widget.blockSignals(True)
            if isinstance(widget, QSpinBox) and value is not None:
                widget.setValue(int(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            widget.blockSignals(blocked)
        self.load()

    def on_agency_filter_current_index_changed(self, _index: int) -> None:
        self.agency_id = self.agency_filter.currentData()
        self.load()

    def on_loaded(self, answer: tuple[list[tuple[int, str, str]], list[TrainingHours]]) -> None:
        agencies, rows = answer
        blocked = self.agency_filter.blockSignals(True)
        fill_agency_filter(self.agency_filter, self.ctx, agencies, self.tr("All agencies"))
        self.agency_filter.setCurrentIndex(max(self.agency_filter.findData(self.agency_id), 0))
        self.agency_filter.blockSignals(blocked)
        self.show_rows(rows)

    def show_rows(self, rows: list[TrainingHours]) -> None:
        """One row an officer; those below the target in red."""
        self.table.setRowCount(0)
        for r in rows:
            n = self.table.rowCount()
            self.table.insertRow(n)
            for col, value in enumerate((r.officer, r.agency, f"{r.hours:g}", str(r.target))):
                item = QTableWidgetItem(value)
                if r.short:
                    item.setForeground(QColor(SHORT_COLOUR))
                    item.setToolTip(self.tr("Below the target"))
                self.table.setItem(n, col, item)
        short = sum(1 for r in rows if r.short)
        self.show_status(self.tr("{n} officers, {short} below the target").format(n=len(rows), short=short))

    def show_agencies(self, rows: list[AgencyTraining]) -> None:
        """One row an agency; an agency with officers short in red."""
        self.agency_table.setRowCount(0)
        for r in rows:
            n = self.agency_table.rowCount()
            self.agency_table.insertRow(n)
            values = (
                r.agency,
                str(r.officers),
                f"{r.hours:g}",
                f"{r.average:g}",
                str(r.reached),
                str(r.short),
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 5 and r.short:
                    item.setForeground(QColor(SHORT_COLOUR))
                self.agency_table.setItem(n, col, item)
        officers = sum(r.officers for r in rows)
        short = sum(r.short for r in rows)
        target = rows[0].target if rows else 0
        self.show_status(
            self.tr("{agencies} agencies, {n} officers, {short} below the target of {target} hours").format(
                agencies=len(rows), n=officers, short=short, target=target
            )
        )

    def show_status(self, counts: str) -> None:
        """The counts, and what the last course recorded did."""
        self.status.setText(f"{counts}　{self.notice}" if self.notice else counts)

    def start_course(self) -> CourseDialog | None:
        """Open the course dialog once the officers are read."""
        ctx, year = self.ctx, self.year_spin.value()
        opened: list[CourseDialog] = []

        def open_dialog(officers: list[TrainingHours]) -> None:
            if self.dialog is not None:
                self.dialog.close()
                self.dialog.deleteLater()
            dialog = self.dialog = CourseDialog(officers, ctx.clock.today(), self)
            dialog.submitted.connect(lambda: self.record(dialog))
            dialog.open()
            opened.append(dialog)

        ctx.tasks.load(
            lambda: training_hours(ctx.store, ctx.user, year),
            open_dialog,
            parent_widget=self,
            key=f"course-officers-{id(self)}",
        )
        return opened[0] if opened else None

    def record(self, dialog: CourseDialog) -> None:
        """Record the dialog's course; a refusal stays in the dialog."""
        ctx, course, officers = self.ctx, dialog.course(), dialog.chosen()

        def done(result: ImportResult) -> None:
            dialog.done_ok()
            self.notice = self.tr("Course recorded: {imported} attendances, {skipped} already there.").format(
                imported=result.imported, skipped=result.skipped
            )
            self.load()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                dialog.show_problem(exc.localized())
            else:
                ctx.dialogs.show_error(self, exc)

        ctx.tasks.run(
            lambda _p, _c: record_course(ctx.store, ctx.user, course, officers),
            on_done=done,
            on_error=failed,
            label=self.tr("Recording the course"),
            parent_widget=self,
            cancellable=False,
            show_progress=False,
        )

    def start_import(self) -> None:
        """Choose a workbook and import it (all rows or none)."""
        path = self.ctx.dialogs.open_file(self, self.tr("Import attendance"), self.tr("Workbooks (*.xlsx)"))
        if not path:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda progress, cancelled: import_training(
                ctx.store, ctx.user, path, progress=progress, cancelled=cancelled
            ),
            on_done=lambda result: (
                self.status.setText(
                    self.tr("Imported {imported}, skipped {skipped}.").format(
                        imported=result.imported, skipped=result.skipped
                    )
                ),
                self.load(),
            ),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Importing attendance"),
            parent_widget=self,
        )

    def start_export(self) -> None:
        """Write the year's 培训台账 (attendance and hours per officer) to a workbook."""
        year = self.year_spin.value()
        path = self.ctx.dialogs.save_file(
            self, self.tr("Export the ledger"), f"培训台账{year}.xlsx", self.tr("Workbooks (*.xlsx)")
        )
        if not path:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: export_training_ledger(ctx.store, ctx.user, year, path),
            on_done=lambda n: self.status.setText(
                self.tr("{n} attendances written to {path}.").format(n=n, path=path)
            ),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Exporting the ledger"),
            parent_widget=self,
        )

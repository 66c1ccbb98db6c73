"""培训: each officer's training hours in a year against the target (those short marked, or only
those), and the attendance workbook's import (all rows or none)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.personnel.qualification_exports import export_training_ledger
from desktop.personnel.training import TrainingHours, import_training, training_hours
from desktop.views.common.page_tools import fill_agency_filter, scoped_agencies

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
        self.short_box = QCheckBox(self.tr("Only those below the target"), self)
        self.short_box.setObjectName("shortOnly")
        self.agency_id: int | None = None
        """The agency shown (None: all); kept while the agencies are read again."""
        self.agency_filter = QComboBox(self)
        self.agency_filter.setObjectName("agencyFilter")
        self.agency_filter.setMinimumWidth(160)
        fill_agency_filter(self.agency_filter, ctx, [], self.tr("All agencies"))
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
        top.addWidget(QLabel(self.tr("Agency"), self))
        top.addWidget(self.agency_filter)
        top.addWidget(self.short_box)
        top.addStretch(1)
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
        self.status = QLabel(self)
        self.status.setObjectName("trainingStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.year_spin.valueChanged.connect(lambda _v: self.load())
        self.short_box.toggled.connect(lambda _v: self.load())
        self.agency_filter.currentIndexChanged.connect(self.on_agency_filter_current_index_changed)
        self.load()

    def refresh(self) -> None:
        """Read the hours again."""
        self.load()

    def load(self) -> None:
        """Read the agencies and the hours of the chosen year in the background."""
        ctx, year, short, agency = (
            self.ctx,
            self.year_spin.value(),
            self.short_box.isChecked(),
            self.agency_id,
        )
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
        self.status.setText(
            self.tr("{n} officers, {short} below the target").format(n=len(rows), short=short)
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

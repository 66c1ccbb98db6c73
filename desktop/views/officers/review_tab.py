"""年审 in batches: the certificates due for their annual review by a date (all or one agency's),
a result and a reason per row, and one action that records them all — with one confirmation,
and the failed certificates suspended in the same step when asked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.security import Permission
from desktop.personnel.certificates import list_certificates, review_many
from desktop.personnel.dto import CertificateRow
from desktop.personnel.qualification_exports import export_review_batch, read_review_results
from desktop.views.common.page_tools import fill_agency_filter, scoped_agencies
from desktop.views.officers.titles import state_title

RESULT_COLUMN, REASON_COLUMN = 5, 6


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReviewTab(QWidget):
    """The batch of certificates due and their results."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CertificateRow] = []
        self.note = ""
        self.can_manage = ctx.user.can(Permission.MANAGE_CERTIFICATES)
        today = ctx.today()
        self.due_edit = QDateEdit(_qdate(today), self)
        self.due_edit.setObjectName("dueBy")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.agency_filter = QComboBox(self)
        self.agency_filter.setObjectName("agencyFilter")
        fill_agency_filter(self.agency_filter, ctx, [], self.tr("All agencies"))
        self.load_button = QPushButton(self.tr("List the certificates due"), self)
        self.load_button.setObjectName("loadDue")
        self.load_button.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Due by"), self))
        top.addWidget(self.due_edit)
        top.addWidget(self.agency_filter)
        top.addWidget(self.load_button)
        top.addStretch(1)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("reviewTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Certificate number"),
                self.tr("Name"),
                self.tr("Agency"),
                self.tr("State"),
                self.tr("Review due"),
                self.tr("Result"),
                self.tr("Reason"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.review_date = QDateEdit(_qdate(ctx.clock.today()), self)
        self.review_date.setObjectName("reviewDate")
        self.review_date.setCalendarPopup(True)
        self.review_date.setDisplayFormat("yyyy-MM-dd")
        self.review_date.setMaximumDate(_qdate(ctx.clock.today()))
        self.suspend_box = QCheckBox(self.tr("Suspend every failed certificate"), self)
        self.suspend_box.setObjectName("suspendFailures")
        self.suspend_box.setChecked(True)
        self.record_button = QPushButton(self.tr("Record the results…"), self)
        self.record_button.setObjectName("recordResults")
        self.record_button.clicked.connect(self.record)
        self.import_button = QPushButton(self.tr("Results from a workbook…"), self)
        self.import_button.setObjectName("importResults")
        self.import_button.clicked.connect(self.start_import)
        self.import_button.setEnabled(False)
        self.import_button.setVisible(self.can_manage)
        self.export_button = QPushButton(self.tr("Export the batch…"), self)
        self.export_button.setObjectName("exportBatch")
        self.export_button.clicked.connect(self.start_export)
        self.export_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("reviewStatus")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.import_button)
        bottom.addWidget(QLabel(self.tr("Review date"), self))
        bottom.addWidget(self.review_date)
        bottom.addWidget(self.suspend_box)
        bottom.addWidget(self.record_button)
        for w in (self.review_date, self.suspend_box, self.record_button):
            w.setVisible(self.can_manage)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.record_button.setEnabled(False)
        ctx.tasks.load(
            lambda: scoped_agencies(ctx),
            self.on_agencies_loaded,
            parent_widget=self,
            key=f"review-agencies-{id(self)}",
        )
        self.load()

    def on_agencies_loaded(self, agencies: list[tuple[int, str, str]]) -> None:
        fill_agency_filter(self.agency_filter, self.ctx, agencies, self.tr("All agencies"))

    def refresh(self) -> None:
        """Read the certificates due again."""
        self.load()

    def load(self) -> None:
        """Read the certificates due by the chosen date (in the background)."""
        ctx, due, agency = self.ctx, _pydate(self.due_edit.date()), self.agency_filter.currentData()
        ctx.tasks.load(
            lambda: (
                list_certificates(
                    ctx.store, ctx.user, agency=agency, current_only=True, review_due_by=due
                ).items
            ),
            self.show_rows,
            parent_widget=self,
            key=f"review-due-{id(self)}",
        )

    def show_rows(self, rows: tuple[CertificateRow, ...]) -> None:
        """Fill the table: one row a certificate, result 合格 by default."""
        self.rows = list(rows)
        self.table.setRowCount(0)
        for r in self.rows:
            n = self.table.rowCount()
            self.table.insertRow(n)
            for col, value in enumerate(
                (r.number, r.officer, r.agency, state_title(r.state), str(r.next_review or ""))
            ):
                self.table.setItem(n, col, QTableWidgetItem(value))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("Passed"), "pass")
            combo.addItem(self.tr("Failed"), "fail")
            self.table.setCellWidget(n, RESULT_COLUMN, combo)
            self.table.setItem(n, REASON_COLUMN, QTableWidgetItem(""))
        self.table.resizeColumnsToContents()
        due = self.tr("{n} certificates due").format(n=len(self.rows))
        self.status.setText(f"{self.note}  {due}" if self.note else due)
        self.note = ""
        self.record_button.setEnabled(self.can_manage and bool(self.rows))
        self.export_button.setEnabled(bool(self.rows))
        self.import_button.setEnabled(self.can_manage and bool(self.rows))

    def set_result(self, row: int, result: str, reason: str = "") -> None:
        """Set one row's result and reason (as a user would)."""
        combo = self.table.cellWidget(row, RESULT_COLUMN)
        if isinstance(combo, QComboBox):
            combo.setCurrentIndex(combo.findData(result))
        self.table.item(row, REASON_COLUMN).setText(reason)

    def results(self) -> list[tuple[str, str, str]]:
        """(number, result, reason) of every row."""
        out = []
        for n, r in enumerate(self.rows):
            combo = self.table.cellWidget(n, RESULT_COLUMN)
            result = combo.currentData() if isinstance(combo, QComboBox) else "pass"
            item = self.table.item(n, REASON_COLUMN)
            out.append((r.number, result, item.text().strip() if item else ""))
        return out

    def record(self) -> None:
        """Record every row's result after one confirmation."""
        results = self.results()
        failed = sum(1 for _n, result, _r in results if result == "fail")
        suspend = self.suspend_box.isChecked()
        text = self.tr("Record {n} annual reviews ({failed} failed)?").format(n=len(results), failed=failed)
        if suspend and failed:
            text += "\n" + self.tr("The {failed} failed certificates will be suspended.").format(
                failed=failed
            )
        if not self.ctx.dialogs.confirm(self, self.tr("Annual review"), text, self.tr("Record")):
            return
        ctx, on = self.ctx, _pydate(self.review_date.date())
        ctx.tasks.run(
            lambda _p, _c: review_many(ctx.store, ctx.user, results, on, suspend_failures=suspend),
            on_done=self.on_recorded,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc, on_reload=self.load),
            label=self.tr("Recording the annual reviews"),
            parent_widget=self,
            cancellable=False,
        )

    def on_recorded(self, count: int) -> None:
        self.note = self.tr("{n} annual reviews recorded.").format(n=count)
        self.load()

    def start_export(self) -> None:
        """Write the batch with the results chosen so far to a workbook."""
        results = self.results()
        path = self.ctx.dialogs.save_file(
            self, self.tr("Export the batch"), "年审.xlsx", self.tr("Workbooks (*.xlsx)")
        )
        if not path:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: export_review_batch(ctx.store, ctx.user, results, path),
            on_done=lambda n: self.status.setText(
                self.tr("{n} certificates written to {path}.").format(n=n, path=path)
            ),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Exporting the batch"),
            parent_widget=self,
        )

    def start_import(self) -> None:
        """Take the results of a workbook (the exported batch filled in) into the batch; nothing
        is recorded until 登记年审结果."""
        path = self.ctx.dialogs.open_file(
            self, self.tr("Results from a workbook"), self.tr("Workbooks (*.xlsx)")
        )
        if not path:
            return
        self.ctx.tasks.run(
            lambda _p, _c: read_review_results(path),
            on_done=self.apply_results,
            on_error=lambda exc: self.ctx.dialogs.show_error(self, exc),
            label=self.tr("Reading the results"),
            parent_widget=self,
            io=True,
        )

    def apply_results(self, results: list[tuple[str, str, str]]) -> None:
        """Set each listed certificate's result and reason; say which numbers are not in the batch."""
        rows = {r.number: n for n, r in enumerate(self.rows)}
        outside = [number for number, _result, _reason in results if number not in rows]
        for number, result, reason in results:
            if number in rows:
                self.set_result(rows[number], result, reason)
        text = self.tr("{n} results taken from the workbook.").format(n=len(results) - len(outside))
        if outside:
            text += " " + self.tr("Not in this batch: {numbers}").format(numbers="、".join(outside))
        self.status.setText(text)

"""One dated event of a certificate (暂停, 恢复, 换发, 补发, 注销, 吊销, 年审): the date, the reason
(注销's statutory reasons offered), the document number and, for 年审, the result. The service
decides whether the event is possible on that date; its refusal is shown in the dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.personnel.certificate_history import CANCEL_REASONS
from desktop.views.officers.titles import event_title


class EventDialog(QDialog):
    """Asks for one event's date, reason, document number (and result for 年审); 记录 emits
    ``submitted`` and the dialog stays open until the page says it was recorded (``done_ok``) or
    shows why not (``show_problem``)."""

    submitted = Signal()

    def __init__(self, kind: str, number: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("certificateEventDialog")
        self.setWindowTitle(self.tr("{event}: {number}").format(event=event_title(kind), number=number))
        form = QFormLayout()
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setObjectName("eventDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("Date"), self.date_edit)
        self.result_combo = QComboBox(self)
        self.result_combo.setObjectName("eventResult")
        self.result_combo.addItem(self.tr("Passed"), "pass")
        self.result_combo.addItem(self.tr("Failed"), "fail")
        if kind in ("review", "vet"):
            form.addRow(self.tr("Result"), self.result_combo)
        else:
            self.result_combo.hide()
        self.reason_combo = QComboBox(self)
        self.reason_combo.setObjectName("eventReason")
        self.reason_combo.setEditable(True)
        if kind == "cancel":
            self.reason_combo.addItems(list(CANCEL_REASONS))
        self.reason_combo.setCurrentText("")
        form.addRow(self.tr("Reason"), self.reason_combo)
        self.document_edit = QLineEdit(self)
        self.document_edit.setObjectName("eventDocument")
        self.document_edit.setPlaceholderText(self.tr("e.g. 县司〔2026〕12号"))
        if kind != "vet":  # 审核 is decided here, by the supervisor: no outside document
            form.addRow(self.tr("Document number"), self.document_edit)
        else:
            self.document_edit.hide()
        self.problem = QLabel(self)
        self.problem.setObjectName("eventProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        buttons.accepted.connect(self.on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def values(self) -> tuple[date, str, str | None, str | None]:
        """(date, reason, result, document number)."""
        d = self.date_edit.date()
        result = self.result_combo.currentData() if self.kind in ("review", "vet") else None
        return (
            date(d.year(), d.month(), d.day()),
            self.reason_combo.currentText().strip(),
            result,
            self.document_edit.text().strip() or None,
        )

    def on_buttons_accepted(self) -> None:
        self.problem.hide()
        self.submitted.emit()

    def done_ok(self) -> None:
        """The event was recorded: close."""
        self.accept()

    def show_problem(self, text: str) -> None:
        """Show why the service refused the event (the dialog stays open)."""
        self.problem.setText(text)
        self.problem.show()

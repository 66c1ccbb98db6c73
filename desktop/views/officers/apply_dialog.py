"""申领: the officer (by 身份证号), the exam's document number when no passed exam is on record,
the date — and the gate read as it is typed (a passed exam? the year's hours x of y? a certificate
already held?). 申领 is offered only when the gate is met; the service decides again and its
refusal is shown in the dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.errors import UserFacingError
from desktop.personnel.applications import Gate, application_gate
from desktop.views.common.lazy_table import TONE_COLOURS

GATE_PAUSE_MS = 250


class ApplyDialog(QDialog):
    """Asks for the officer, the exam document and the date, shows the gate; 申领 emits
    ``submitted`` and the dialog stays open until the page says it was recorded or why not."""

    submitted = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.gate: Gate | None = None
        self.setObjectName("applyDialog")
        self.setWindowTitle(self.tr("Apply for a certificate"))
        today = ctx.today()
        form = QFormLayout()
        self.officer_edit = QLineEdit(self)
        self.officer_edit.setObjectName("applyOfficer")
        self.officer_edit.setPlaceholderText(self.tr("ID number of the officer"))
        form.addRow(self.tr("Officer"), self.officer_edit)
        self.exam_edit = QLineEdit(self)
        self.exam_edit.setObjectName("applyExamDoc")
        self.exam_edit.setPlaceholderText(
            self.tr("Only when no passed exam is on record, e.g. 县司〔2026〕12号")
        )
        form.addRow(self.tr("Exam document"), self.exam_edit)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setObjectName("applyDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("Date"), self.date_edit)
        self.gate_label = QLabel(self.tr("Type the officer's ID number."), self)
        self.gate_label.setObjectName("applyGate")
        self.gate_label.setWordWrap(True)
        form.addRow(self.tr("Requirements"), self.gate_label)
        self.problem = QLabel(self)
        self.problem.setObjectName("applyProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {TONE_COLOURS['red']};")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setEnabled(False)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(GATE_PAUSE_MS)
        self.timer.timeout.connect(self.read_gate)
        for edit in (self.officer_edit, self.exam_edit):
            edit.textChanged.connect(self.on_input_changed)
        self.date_edit.dateChanged.connect(self.on_input_changed)
        self.resize(520, self.sizeHint().height())

    def values(self) -> tuple[int | None, str, date]:
        """(the officer's id as read, the exam document, the date)."""
        d = self.date_edit.date()
        officer = self.gate.officer_id if self.gate is not None else None
        return officer, self.exam_edit.text().strip(), date(d.year(), d.month(), d.day())

    def on_input_changed(self, *_: object) -> None:
        """Read the gate again once typing pauses."""
        self.gate = None
        self.apply_button.setEnabled(False)
        self.problem.hide()
        self.timer.start()

    def read_gate(self) -> None:
        """Find the officer and read their gate (in the background)."""
        ctx, key = self.ctx, self.officer_edit.text().strip().upper()
        _officer, exam_doc, on = self.values()
        if len(key) < 15:
            self.gate_label.setText(self.tr("Type the officer's ID number."))
            return

        ctx.tasks.load(
            lambda: application_gate(ctx.store, ctx.user, key, on, exam_doc),
            self.show_gate,
            on_error=self.on_gate_failed,
            parent_widget=self,
            key=f"gate-{id(self)}",
        )

    def show_gate(self, gate: Gate) -> None:
        """The gate in words, each requirement marked met or not; 申领 only when all are met."""
        self.gate = gate
        ok, missing = "✔", "✘"
        if gate.passes:
            first = gate.passes[0]
            exam = self.tr("{mark} passed {sitting} on {date} ({score:g} of {points:g})").format(
                mark=ok,
                sitting=first.sitting,
                date=first.passed_on.isoformat(),
                score=first.score,
                points=first.points,
            )
        elif gate.exam_doc:
            exam = self.tr("{mark} exam document {doc}").format(mark=ok, doc=gate.exam_doc)
        else:
            exam = self.tr("{mark} no passed exam on record: give the exam's document number").format(
                mark=missing
            )
        hours = self.tr("{mark} training hours in {year}: {hours:g} of {gate}").format(
            mark=ok if gate.hours_met else missing, year=gate.year, hours=gate.hours, gate=gate.gate_hours
        )
        lines = [f"{gate.officer} · {gate.agency}", exam, hours]
        if gate.holds_certificate:
            lines.append(
                self.tr("{mark} holds certificate {number}").format(
                    mark=missing, number=gate.holds_certificate
                )
            )
        if gate.open_application is not None:
            lines.append(
                self.tr("{mark} application no. {id} is waiting").format(
                    mark=missing, id=gate.open_application
                )
            )
        self.gate_label.setText("\n".join(lines))
        self.apply_button.setEnabled(gate.met)

    def on_gate_failed(self, exc: BaseException) -> None:
        """No officer with that number, or out of reach: say so."""
        self.gate = None
        if isinstance(exc, UserFacingError):
            self.gate_label.setText(exc.localized())
        else:
            self.ctx.dialogs.show_error(self, exc)

    def on_buttons_accepted(self) -> None:
        if self.gate is not None and self.gate.met:
            self.problem.hide()
            self.submitted.emit()

    def done_ok(self) -> None:
        """Recorded: close."""
        self.accept()

    def show_problem(self, text: str) -> None:
        """Why the service refused (the dialog stays open)."""
        self.problem.setText(text)
        self.problem.show()

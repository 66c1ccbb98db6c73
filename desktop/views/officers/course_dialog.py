"""A course entered by hand (培训台账): its name, kind, organiser, first and last day and hours,
and the officers who attended (ticked in a list that a search narrows). The service checks the
course; its refusal is shown in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.personnel.training import COURSE_KINDS, CourseInput, TrainingHours


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class CourseDialog(QDialog):
    """Asks for a course and its attendance; 记录 emits ``submitted``; the page closes the dialog
    when the course was recorded (``done_ok``) or shows why not (``show_problem``)."""

    submitted = Signal()

    def __init__(self, officers: Sequence[TrainingHours], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("courseDialog")
        self.setWindowTitle(self.tr("Record a course"))
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("courseName")
        self.name_edit.setPlaceholderText(self.tr("e.g. 行政处罚法专题培训"))
        form.addRow(self.tr("Course"), self.name_edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("courseKind")
        self.kind_combo.setEditable(True)
        self.kind_combo.addItems(list(COURSE_KINDS))
        form.addRow(self.tr("Kind"), self.kind_combo)
        self.organiser_edit = QLineEdit(self)
        self.organiser_edit.setObjectName("courseOrganiser")
        form.addRow(self.tr("Organiser"), self.organiser_edit)
        self.starts_edit = self._date_edit("courseStarts", today)
        form.addRow(self.tr("First day"), self.starts_edit)
        self.ends_edit = self._date_edit("courseEnds", today)
        form.addRow(self.tr("Last day"), self.ends_edit)
        self.starts_edit.dateChanged.connect(self.on_starts_edit_date_changed)
        self.hours_spin = QDoubleSpinBox(self)
        self.hours_spin.setObjectName("courseHours")
        self.hours_spin.setRange(0, 1000)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setValue(8)
        form.addRow(self.tr("Hours"), self.hours_spin)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("attendeeSearch")
        self.search_edit.setPlaceholderText(self.tr("Search name or agency"))
        self.search_edit.textChanged.connect(self.on_search_edit_text_changed)
        self.officer_list = QListWidget(self)
        self.officer_list.setObjectName("attendees")
        for o in officers:
            item = QListWidgetItem(f"{o.officer}　{o.agency}", self.officer_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, o.officer_id)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("attendeeCount")
        self.officer_list.itemChanged.connect(lambda _item: self.update_count())
        self.problem = QLabel(self)
        self.problem.setObjectName("courseProblem")
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
        layout.addWidget(QLabel(self.tr("Officers who attended"), self))
        layout.addWidget(self.search_edit)
        layout.addWidget(self.officer_list, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.update_count()
        self.resize(480, 620)

    def _date_edit(self, name: str, today: date) -> QDateEdit:
        edit = QDateEdit(_qdate(today), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def on_starts_edit_date_changed(self, day: QDate) -> None:
        """A last day before the first follows it."""
        if self.ends_edit.date() < day:
            self.ends_edit.setDate(day)

    def on_search_edit_text_changed(self, text: str) -> None:
        """Show only the officers whose name or agency holds the text (ticks are kept)."""
        text = text.strip()
        for n in range(self.officer_list.count()):
            item = self.officer_list.item(n)
            item.setHidden(bool(text) and text not in item.text())

    def tick(self, officer_ids: Sequence[int]) -> None:
        """Tick these officers (for tests and for a list chosen elsewhere)."""
        wanted = set(officer_ids)
        for n in range(self.officer_list.count()):
            item = self.officer_list.item(n)
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> list[int]:
        """The ticked officers."""
        return [
            self.officer_list.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.officer_list.count())
            if self.officer_list.item(n).checkState() == Qt.CheckState.Checked
        ]

    def update_count(self) -> None:
        self.count_label.setText(self.tr("{n} officers ticked").format(n=len(self.chosen())))

    def course(self) -> CourseInput:
        """The course as entered."""
        return CourseInput(
            self.name_edit.text().strip(),
            self.kind_combo.currentText().strip() or None,
            self.organiser_edit.text().strip() or None,
            _date(self.starts_edit.date()),
            _date(self.ends_edit.date()),
            Decimal(str(round(self.hours_spin.value(), 1))),
        )

    def on_buttons_accepted(self) -> None:
        self.problem.hide()
        self.submitted.emit()

    def done_ok(self) -> None:
        """The course was recorded: close."""
        self.accept()

    def show_problem(self, text: str) -> None:
        """Why the service refused the course (the dialog stays open)."""
        self.problem.setText(text)
        self.problem.show()

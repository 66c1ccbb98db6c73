"""What the case entry dialogs share: the form that enables 保存 only when the input is valid and
names what is still missing, a grid of check boxes over fixed values, the case summary lines and
the date helpers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QGridLayout, QLabel, QWidget

from desktop.context import AppContext
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.views.cases.titles import joined
from desktop.views.common.forms import INVALID_STYLE, FormDialog, to_qdate

LIST_INVALID_STYLE = (
    'QListWidget[invalid="true"], QWidget#choices[invalid="true"]'
    " { border: 1px solid #D93025; border-radius: 2px; }"
)
FUTURE = QT_TRANSLATE_NOOP("errors", "{date} is in the future.")
"""The service's words for a step dated after today (``record_stage``)."""
PENDING = QT_TRANSLATE_NOOP("CaseForm", "To save, complete: {fields}")
PENDING_COLOUR = "#5F6B7A"
TALL_LABEL_TOP = 3
UNLIMITED = 16_777_215
"""``QWIDGETSIZE_MAX``: a widget without a fixed height."""


def to_pydate(value: QDate) -> date:
    """A ``QDate`` as a ``date``."""
    return date(value.year(), value.month(), value.day())


def date_picker(parent: QWidget, value: date) -> QDateEdit:
    """A date edit with a calendar pop-up, showing ``value`` as yyyy-MM-dd."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value))
    return edit


class CheckChoices(QWidget):
    """A grid of check boxes over fixed values (强制措施, 处罚种类); ``changed`` when one toggles."""

    changed = Signal()

    def __init__(self, values: Sequence[str], columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choices")
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        for n, value in enumerate(values):
            box = QCheckBox(value, self)
            box.toggled.connect(lambda _on: self.changed.emit())
            grid.addWidget(box, n // columns, n % columns)
            self.boxes[value] = box

    def chosen(self) -> tuple[str, ...]:
        """The values checked, in the statutory order."""
        return tuple(v for v, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, values: Sequence[str]) -> None:
        """Check exactly ``values``."""
        for value, box in self.boxes.items():
            box.setChecked(value in values)


class CaseForm(FormDialog):
    """What both case dialogs share: 保存 enabled only when the input is valid, and a line that
    says which untouched fields still stop it."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.setStyleSheet(INVALID_STYLE + LIST_INVALID_STYLE)
        self.labels: dict[str, str] = {}
        self.pending = QLabel(self)
        self.pending.setObjectName("pending")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(f"color: {PENDING_COLOUR};")
        self.pending.hide()
        self.layout().insertWidget(1, self.pending)

    def add_field(
        self, field: str, label: str, widget: QWidget, form: QFormLayout | None = None, *, tall: bool = False
    ) -> QWidget:
        """A labelled field with its message line (remembering the label for the pending line).

        A ``tall`` field (a list, a grid of check boxes) has its label level with its first line.
        """
        widget.setObjectName(widget.objectName() or field)
        self.labels[field] = label
        self.marks.add_row(field, label, widget, form)
        if tall:
            title = (form or self.form).labelForField(widget.parentWidget())
            if isinstance(title, QLabel):
                title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                title.setContentsMargins(0, TALL_LABEL_TOP, 0, 0)
                if widget.maximumHeight() < UNLIMITED:  # a fixed height, not the size hint, sets the row
                    title.setFixedHeight(widget.maximumHeight())
        return widget

    def set_field_visible(self, field: str, visible: bool) -> None:
        """Show or hide one field's row."""
        cell = self.marks.widget(field).parentWidget()
        for form in self.findChildren(QFormLayout):
            if form.indexOf(cell) >= 0:
                form.setRowVisible(cell, visible)

    def revalidate(self) -> None:
        """Mark the touched fields, enable 保存 only when nothing is wrong, name what is left."""
        problems = self.problems()
        self.marks.show(problems)
        self.save_button.setEnabled(not problems)
        waiting = [
            self.labels.get(f, f)
            for f in self.marks.fields()
            if f in problems and f not in self.marks.touched
        ]
        waiting += [message for f, message in problems.items() if not self.marks.has(f)]
        self.pending.setText(
            QCoreApplication.translate("CaseForm", PENDING).format(fields=joined(waiting)) if waiting else ""
        )
        self.pending.setVisible(bool(waiting))
        self.save_button.setToolTip(next(iter(problems.values()), ""))

    def touch_all(self, fields: Sequence[str]) -> None:
        """The user worked on one of several linked fields (dates): check them all from now on."""
        self.marks.touched.update(f for f in fields if self.marks.has(f))
        self.revalidate()


def _set_bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def summary_lines(form: CaseForm) -> tuple[QLabel, QLabel]:
    """The case in bold and a grey line beneath it, across the form (the period dialogs)."""
    summary = _set_bold(QLabel(form))
    summary.setObjectName("summary")
    about = QLabel(form)
    about.setObjectName("about")
    about.setStyleSheet(f"color: {PENDING_COLOUR};")
    for label in (summary, about):
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.form.addRow(label)
    about.setContentsMargins(0, 0, 0, 6)
    return summary, about

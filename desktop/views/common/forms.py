"""Forms that validate as the user types: the offending field framed in red, its message beneath.

``FieldMarks`` keeps one hidden message line under each field of a ``QFormLayout``.
``FormDialog`` is the add/edit dialog every page uses: a form, a notice line, and a button that
says what it does (保存). Its subclasses say what the rules are (``problems``) and what saving
means (``save_work``); the save runs through ``ctx.tasks`` and a refused save marks the field the
service names, or explains a conflict and offers to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.errors import Conflict, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.views.common.page_tools import local_time

RED = "#D93025"
INVALID_STYLE = (
    f'QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"]'
    f" {{ border: 1px solid {RED}; border-radius: 2px; padding: 1px 2px; }}"
)
SAVE = QT_TRANSLATE_NOOP("FormDialog", "Save")
CANCEL = QT_TRANSLATE_NOOP("FormDialog", "Cancel")
SAVING = QT_TRANSLATE_NOOP("FormDialog", "Saving")
RELOADED = QT_TRANSLATE_NOOP(
    "FormDialog", "Reloaded: changed by {who} at {when}. Make your changes again and save."
)
NOTICE_COLOUR = "#B06000"


def _tr(text: str) -> str:
    """Translate a string marked ``QT_TRANSLATE_NOOP("FormDialog", …)`` (one context for every
    subclass: ``self.tr`` in a base class would look the text up under the subclass's name)."""
    return QCoreApplication.translate("FormDialog", text)


class FieldMarks:
    """The message lines of one form: mark a field in red with its message beneath, or clear it."""

    def __init__(self, form: QFormLayout) -> None:
        self._form = form
        self._widgets: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._messages: dict[str, QLabel] = {}
        self.touched: set[str] = set()

    def add_row(self, field: str, label: str, widget: QWidget, form: QFormLayout | None = None) -> QWidget:
        """Add a labelled field with a hidden message line beneath it (to ``form`` if given)."""
        title = QLabel(label)
        title.setBuddy(widget)
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # level with the field, not its message (a field of fixed height, e.g. a reason box, by that height)
        title.setFixedHeight(min(widget.sizeHint().height(), widget.maximumHeight()))
        message = QLabel()
        message.setObjectName(f"{field}_message")
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        message.setStyleSheet(f"color: {RED};")
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message.hide()
        cell = QWidget()
        cell.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        (form or self._form).addRow(title, cell)
        self._widgets[field], self._labels[field], self._messages[field] = widget, title, message
        return widget

    def fields(self) -> list[str]:
        """The fields in form order."""
        return list(self._widgets)

    def widget(self, field: str) -> QWidget:
        """The input widget of a field."""
        return self._widgets[field]

    def has(self, field: str) -> bool:
        """Whether the form has this field."""
        return field in self._widgets

    def mark(self, field: str, message: str) -> None:
        """Frame the field in red and show ``message`` beneath it."""
        if field not in self._widgets:
            return
        self.touched.add(field)
        self._set(field, message)

    def clear(self, field: str) -> None:
        """The field is fine."""
        if field in self._widgets:
            self._set(field, "")

    def show(self, problems: Mapping[str, str], everything: bool = False) -> None:
        """Show the problems of the touched fields (every field when ``everything``)."""
        if everything:
            self.touched.update(self._widgets)
        for field in self._widgets:
            shown = field in self.touched and field in problems
            self._set(field, problems[field] if shown else "")

    def message(self, field: str) -> str:
        """The message under a field ("" when it is fine)."""
        label = self._messages.get(field)
        return label.text() if label is not None and self.is_marked(field) else ""

    def is_marked(self, field: str) -> bool:
        """Whether the field is framed in red now."""
        widget = self._widgets.get(field)
        return bool(widget is not None and widget.property("invalid"))

    def marked(self) -> dict[str, str]:
        """Every marked field and its message."""
        return {f: self._messages[f].text() for f in self._widgets if self.is_marked(f)}

    def _set(self, field: str, message: str) -> None:
        widget, label = self._widgets[field], self._messages[field]
        invalid = bool(message)
        if label.text() != message:
            label.setText(message)
        label.setVisible(invalid)
        if bool(widget.property("invalid")) != invalid:
            widget.setProperty("invalid", invalid)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._labels[field].setStyleSheet(f"color: {RED};" if invalid else "")


FIELD_PROBLEM = QT_TRANSLATE_NOOP("FormDialog", "{field}: {problem}")


def field_problem(label: str, problem: str) -> str:
    """``姓名：不能为空`` — a problem named by its field's label."""
    return _tr(FIELD_PROBLEM).format(field=label, problem=problem)


def first_field_problem(
    checks: Iterable[tuple[QWidget, str, Callable[[], str]]], touched: set[QWidget] | None = None
) -> str:
    """The first failing check as ``field: problem`` (only fields in ``touched`` when given),
    or "" when every check passes. A check returns its problem or ""."""
    for widget, label, check in checks:
        if touched is not None and widget not in touched:
            continue
        problem = check()
        if problem:
            return field_problem(label, problem)
    return ""


def first_problems(problems: Iterable[Any]) -> dict[str, str]:
    """The first message per field of ``rules.Problem``-like objects (``field``, ``message()``)."""
    found: dict[str, str] = {}
    for problem in problems:
        found.setdefault(problem.field, problem.message())
    return found


def combo_data(combo: QComboBox) -> Any:
    """The data of the current item of a combo box (None when nothing is chosen)."""
    return combo.currentData() if combo.currentIndex() >= 0 else None


def select_data(combo: QComboBox, value: Any) -> None:
    """Make the item with ``value`` current (the first item when there is none)."""
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def to_qdate(value: Any) -> QDate:
    """A ``datetime.date`` as a ``QDate``."""
    return QDate(value.year, value.month, value.day)


class FormDialog(QDialog):
    """An add/edit dialog: a form that validates as typed, a notice line, 保存 and Cancel."""

    def __init__(
        self, ctx: AppContext, title: str, parent: QWidget | None = None, *, ok_text: str | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setStyleSheet(INVALID_STYLE)
        self.columns = QHBoxLayout()
        self.columns.setSpacing(24)
        self.form = self.add_column()
        self.marks = FieldMarks(self.form)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            ok_text or _tr(SAVE), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_tr(CANCEL))
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.columns)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def add_column(self) -> QFormLayout:
        """Another column of fields to the right (the first one is ``self.form``)."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addStretch(1)  # a short column keeps its rows together at the top
        self.columns.addLayout(column, 1)
        return form

    def add_section(self, title: str, form: QFormLayout | None = None) -> QLabel:
        """A bold heading across a column (e.g. the certificate's fields)."""
        label = QLabel(title, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        (form or self.form).addRow(label)
        return label

    # -- what subclasses say ------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """Field → message of every broken rule of the current input."""
        return {}

    def save_work(self) -> Callable[[], Any]:
        """The service call that saves the input (run in the task runner)."""
        raise NotImplementedError

    def saved(self, result: Any) -> None:
        """The save succeeded: tell the page (subclasses emit their signal here)."""

    def reload_work(self) -> Callable[[], Any] | None:
        """The read of the record as it is now, after a conflict (edit dialogs; run in the task
        runner); its result has ``updated_by`` and ``updated_at`` and goes to ``show_fresh``."""
        return None

    def show_fresh(self, fresh: Any) -> None:
        """Show the record read again after a conflict."""

    def confirmed(self) -> bool:
        """Ask before saving, when saving is final (default: no question)."""
        return True

    # -- validation ---------------------------------------------------------------------------

    def touch(self, field: str) -> None:
        """The user worked on ``field``: check it from now on."""
        self.marks.touched.add(field)
        self.revalidate()

    def revalidate(self) -> None:
        """Show the problems of the fields the user has touched."""
        self.marks.show(self.problems())

    def on_save_button_clicked(self) -> None:
        """Check every field; save when all is well, else point at the first problem."""
        problems = self.problems()
        self.marks.show(problems, everything=True)
        if problems:
            first = next(f for f in self.marks.fields() if f in problems)
            self.marks.widget(first).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.confirmed():
            return
        self.save_button.setEnabled(False)
        work = self.save_work()
        self.ctx.tasks.run(
            lambda _progress, _cancelled: work(),
            on_done=self.on_save_done,
            on_error=self.on_save_failed,
            label=_tr(SAVING),
            parent_widget=self,
            cancellable=False,
        )

    def on_save_done(self, result: Any) -> None:
        """Saved: close and hand the result on."""
        self.save_button.setEnabled(True)
        self.saved(result)
        self.accept()

    def on_save_failed(self, exc: BaseException) -> None:
        """Refused: mark the field the service names, or explain (conflicts offer to reload)."""
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError) and self.marks.has(exc.field):
            self.marks.mark(exc.field, exc.localized())
            self.marks.widget(exc.field).setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(exc, Conflict):
            self.ctx.dialogs.show_error(self, exc, on_reload=self.reload)
        else:
            self.ctx.dialogs.show_error(self, exc, on_retry=self.on_save_button_clicked)

    def reload(self) -> None:
        """Read the record again (off the GUI thread), then show it and who changed it when."""
        work = self.reload_work()
        if work is None:
            return
        self.save_button.setEnabled(False)
        self.ctx.tasks.load(work, self.on_reload_done, on_error=self.on_reload_failed, parent_widget=self)

    def on_reload_done(self, fresh: Any) -> None:
        """The record as it is now: in the fields, with who changed it when."""
        self.save_button.setEnabled(True)
        if fresh is None:
            return
        self.show_fresh(fresh)
        self.show_reloaded(fresh.updated_by, fresh.updated_at)

    def on_reload_failed(self, exc: BaseException) -> None:
        """The record could not be read again: say why; the input stays as it was."""
        self.save_button.setEnabled(True)
        self.ctx.dialogs.show_error(self, exc, on_retry=self.reload)

    def show_reloaded(self, who: str, when: str) -> None:
        """Say that the fields now hold what someone else saved, and who and when."""
        self.show_notice(_tr(RELOADED).format(who=who, when=local_time(when)), NOTICE_COLOUR)

    def show_notice(self, text: str, colour: str = "") -> None:
        """A line above the buttons (e.g. "reloaded: changed by 张三 at 10:02")."""
        self.notice.setText(text)
        self.notice.setStyleSheet(f"color: {colour};" if colour else "")
        self.notice.setVisible(bool(text))


class OptionalDateEdit(QDateEdit):
    """A date field with a calendar popup and an "any" state (shown as ``any_text``)."""

    ANY = QDate(1900, 1, 1)

    def __init__(self, any_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(self.ANY)
        self.setSpecialValueText(any_text)
        self.setDate(self.ANY)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        """The date chosen, or None for "any"."""
        chosen = self.date()
        if chosen == self.ANY:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        """Choose a date, or "any" (None)."""
        self.setDate(self.ANY if value is None else to_qdate(value))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """An empty field opens its calendar on this month, not on the "any" sentinel."""
        if watched is self.calendarWidget() and event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete or Backspace on the whole field goes back to "any"."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.value() is None or self.lineEdit().selectedText() == self.lineEdit().text()
        ):
            self.set_value(None)
            return
        super().keyPressEvent(event)

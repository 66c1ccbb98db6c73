"""The parts of the scoring workspace's right-hand side: the score header (the case, the live total
and grade, the sheet's state), the editor of the selected deduction (count, points, note) and the
list of its marks. Widgets only: they show a ``Sheet`` and say what the reviewer asked for."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.review.dto import EntryRow, MarkRow, Sheet
from desktop.review.rubric import Deduction
from desktop.review.scoring import format_points
from desktop.views.common.look import GREEN, GREY, RED, scaled_font
from desktop.views.common.page_tools import local_time
from desktop.views.common.value_titles import value_title
from desktop.views.review.campaign_titles import NOT_SCORED

MARK_ROWS = 4
"""Marks listed before the list scrolls."""


def _grey(label: QLabel) -> QLabel:
    label.setStyleSheet(f"color: {GREY};")
    return label


class ScoreHeader(QFrame):
    """The case, the standard, the sheet's state, and the live total and grade (big, coloured)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreHeader")
        self.setStyleSheet("QFrame#scoreHeader { border-bottom: 1px solid #D5DAE1; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.case_label = QLabel(self)
        self.case_label.setObjectName("caseNo")
        self.case_label.setFont(scaled_font(self.case_label, 1.25, bold=True))
        self.case_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label = QLabel(self)
        self.facts_label.setWordWrap(True)
        self.rubric_label = _grey(QLabel(self))
        self.rubric_label.setObjectName("rubricLabel")
        self.rubric_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("sheetState")
        self.total_label = QLabel(self)
        self.total_label.setObjectName("total")
        self.total_label.setFont(scaled_font(self.total_label, 2.3, bold=True))
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.grade_label = QLabel(self)
        self.grade_label.setObjectName("grade")
        self.grade_label.setFont(scaled_font(self.grade_label, 1.25, bold=True))
        self.grade_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.deducted_label = _grey(QLabel(self))
        self.deducted_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.veto_label = QLabel(self)
        self.veto_label.setObjectName("vetoReasons")
        self.veto_label.setWordWrap(True)
        self.veto_label.setStyleSheet(f"color: {RED};")
        score = QHBoxLayout()
        score.setSpacing(8)
        score.addWidget(self.total_label)
        score.addWidget(self.grade_label)
        grid.addWidget(self.case_label, 0, 0)
        grid.addWidget(self.facts_label, 1, 0)
        grid.addWidget(self.rubric_label, 2, 0)
        grid.addWidget(self.state_label, 3, 0)
        grid.addLayout(score, 0, 1, 2, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.deducted_label, 2, 1)
        grid.addWidget(self.veto_label, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.veto_label.hide()

    def show_sheet(self, sheet: Sheet) -> None:
        """The case, the state, the total and the grade of ``sheet``."""
        f = sheet.file
        self.case_label.setText(f.case_no)
        parts = [(self.tr("Agency"), f.agency), (self.tr("Cause"), f.cause), (self.tr("Party"), f.party)]
        self.facts_label.setText(
            " &nbsp;·&nbsp; ".join(
                f"<span style='color:{GREY}'>{html.escape(k)}</span> {html.escape(v or '—')}"
                for k, v in parts
            )
        )
        self.rubric_text = sheet.rubric_label
        self.rubric_label.setToolTip(sheet.rubric_label)
        self._elide_rubric()
        self.state_label.setText(self.state_text(sheet))
        score = sheet.score
        if sheet.state != "submitted" and not sheet.entries:  # never "100.0 优秀" before scoring
            self.show_unscored(sheet)
            return
        self.total_label.setText(format_points(score.total))
        self.grade_label.setText(value_title(score.grade))
        colour = (
            RED
            if score.failed or score.grade == sheet.rubric.bands[-1].name
            else (GREEN if score.grade == sheet.rubric.bands[0].name else "#1F2933")
        )
        self.total_label.setStyleSheet(f"color: {colour};")
        pill = (
            f"color: #FFFFFF; background: {colour};" if colour != "#1F2933" else "border: 1px solid #9AA5B1;"
        )
        self.grade_label.setStyleSheet(f"{pill} border-radius: 3px; padding: 1px 8px;")
        self.deducted_label.setText(
            self.tr("{deducted} deducted of {total}").format(
                deducted=format_points(score.deducted), total=format_points(sheet.rubric.total)
            )
        )
        self.veto_label.setText(self.veto_text(sheet))
        self.veto_label.setVisible(bool(score.vetoes))

    def show_unscored(self, sheet: Sheet) -> None:
        """A file nothing was taken on yet: "—", "not scored", the points it starts from."""
        self.total_label.setText(NOT_SCORED)
        self.total_label.setStyleSheet("color: #1F2933;")
        self.grade_label.setText(self.tr("Not scored"))
        self.grade_label.setStyleSheet("border: 1px solid #9AA5B1; border-radius: 3px; padding: 1px 8px;")
        self.deducted_label.setText(self.tr("Out of {total}").format(total=format_points(sheet.rubric.total)))
        self.veto_label.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Fit the standard's name to the new width."""
        super().resizeEvent(event)
        self._elide_rubric()

    def _elide_rubric(self) -> None:
        width = max(self.rubric_label.width(), 40)
        self.rubric_label.setText(
            self.rubric_label.fontMetrics().elidedText(
                getattr(self, "rubric_text", ""), Qt.TextElideMode.ElideMiddle, width
            )
        )

    def state_text(self, sheet: Sheet) -> str:
        """Rich text: 评分中 / 已提交 with when, and 只读 with why."""
        if sheet.state == "submitted":
            text = self.tr("Submitted {time} by {reviewer}").format(
                time=local_time(sheet.submitted_at), reviewer=sheet.reviewer_name or sheet.reviewer
            )
            colour = GREEN
        else:
            text = (
                self.tr("Scoring in progress: every change is saved as it is made")
                if sheet.editable
                else self.tr("Being scored by {reviewer}").format(
                    reviewer=sheet.reviewer_name or sheet.reviewer
                )
            )
            colour = "#0B57D0"
        out = f"<b style='color:{colour}'>{html.escape(text)}</b>"
        if not sheet.editable:
            badge = self.tr("Read-only")
            out = (
                f"<span style='background:#5F6B7A; color:#FFFFFF'>&nbsp;{html.escape(badge)}&nbsp;</span>"
                f"&nbsp; {out}"
            )
        return out

    def veto_text(self, sheet: Sheet) -> str:
        """The vetoes taken and what each does."""
        parts = []
        for code in sheet.score.vetoes:
            veto = sheet.rubric.veto(code)
            if veto is not None:
                effect = self.tr("fails") if veto.effect == "fail" else self.tr("not the top band")
                parts.append(self.tr("{veto} ({effect})").format(veto=veto.text, effect=effect))
        return self.tr("Vetoes: {list}").format(list=self.tr("; ").join(parts)) if parts else ""


class MarksList(QListWidget):
    """The marks of the selection: a click shows one in the dossier, Delete removes it."""

    mark_chosen = Signal(int)
    delete_requested = Signal(int)
    menu_requested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("marksList")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.on_custom_context_menu_requested)
        self.itemClicked.connect(self.on_item_clicked)
        self.itemActivated.connect(self.on_item_clicked)

    def show_marks(self, marks: Sequence[MarkRow], selected: int | None = None) -> None:
        """List ``marks`` by page; keep ``selected`` (or the current one) selected."""
        keep = selected if selected is not None else self.current_mark()
        self.blockSignals(True)
        self.clear()
        for mark in sorted(marks, key=lambda m: (m.page, m.rect[1], m.rect[0], m.id)):
            item = QListWidgetItem(self.mark_text(mark), self)
            item.setData(Qt.ItemDataRole.UserRole, mark.id)
            item.setToolTip(mark.text or self.mark_text(mark))
            if mark.id == keep:
                self.setCurrentItem(item)
        self.blockSignals(False)
        rows = min(max(self.count(), 1), MARK_ROWS)
        row = max(self.sizeHintForRow(0), self.fontMetrics().height() + 4)
        self.setFixedHeight(rows * row + 2 * self.frameWidth())

    def mark_text(self, mark: MarkRow) -> str:
        """ "p. 3 · box · 1.2.b" or "p. 3 · “the words” · note"."""
        what = self.tr("box") if mark.kind == "rect" else f"“{_short(mark.text)}”"
        target = mark.code or self.tr("note only")
        where = self.tr("p. {page} · {what} · {target}").format(page=mark.page + 1, what=what, target=target)
        return f"▣ {where}"

    def current_mark(self) -> int | None:
        """The id of the selected mark."""
        item = self.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select_mark(self, mark_id: int) -> None:
        """Select a mark (without showing it again)."""
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == mark_id:
                self.blockSignals(True)
                self.setCurrentRow(row)
                self.blockSignals(False)

    def on_item_clicked(self, item: QListWidgetItem) -> None:
        """Show the mark in the dossier."""
        self.mark_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def on_custom_context_menu_requested(self, pos: QPoint) -> None:
        """Right-click: the mark's menu (link, delete)."""
        item = self.itemAt(pos)
        if item is not None:
            self.setCurrentItem(item)
            self.menu_requested.emit(
                int(item.data(Qt.ItemDataRole.UserRole)), self.viewport().mapToGlobal(pos)
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Delete (or Backspace) removes the selected mark after asking."""
        mark = self.current_mark()
        if mark is not None and (
            event.matches(QKeySequence.StandardKey.Delete)
            or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.delete_requested.emit(mark)
            event.accept()
            return
        super().keyPressEvent(event)


def _short(text: str, size: int = 18) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


class PointsBox(QDoubleSpinBox):
    """Points as the standard writes them: "2", "2.5" (no trailing zeros), two decimals at most."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        """The points without trailing zeros."""
        return format_points(Decimal(str(round(value, 2))))


class EntryEditor(QGroupBox):
    """The selected deduction: take or withdraw it, its count (per occurrence) or points (range),
    its note (saved when editing finishes), and the marks of the selection."""

    toggle_requested = Signal(str)
    count_edited = Signal(str, int)
    points_edited = Signal(str, object)
    note_edited = Signal(str, str)
    editing_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Selected"), parent)
        self.setObjectName("entryEditor")
        self.code: str | None = None
        self._note_shown = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("entryTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info = _grey(QLabel(self))
        self.info.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.info)
        layout.addLayout(self._controls())
        self.note = QLineEdit(self)
        self.note.setObjectName("entryNote")
        self.note.setPlaceholderText(
            self.tr("Note on this deduction: where, what is wrong (saved when you leave the field)")
        )
        self.note.setClearButtonEnabled(True)
        self.note.editingFinished.connect(self.commit_note)
        self.note.returnPressed.connect(self.editing_done)
        layout.addWidget(self.note)
        self.marks = MarksList(self)
        layout.addWidget(self.marks)
        self.no_marks = _grey(
            QLabel(
                self.tr(
                    "No marks yet: with this deduction selected, draw a box on the dossier "
                    "(Mark area) and it is linked here."
                ),
                self,
            )
        )
        self.no_marks.setWordWrap(True)
        layout.addWidget(self.no_marks)

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.take_button = QPushButton(self)
        self.take_button.setObjectName("takeButton")
        self.take_button.setCheckable(True)
        self.take_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus where it was
        self.take_button.clicked.connect(lambda: self.code and self.toggle_requested.emit(self.code))
        self.count_label = QLabel(self.tr("Occurrences"), self)
        self.count = QSpinBox(self)
        self.count.setObjectName("countBox")
        self.count.setRange(1, 999)
        self.count.setKeyboardTracking(False)
        self.count.valueChanged.connect(lambda v: self.code and self.count_edited.emit(self.code, v))
        self.points_label = QLabel(self.tr("Points"), self)
        self.points = PointsBox(self)
        self.points.setObjectName("pointsBox")
        self.points.setDecimals(2)
        self.points.setSingleStep(0.5)
        self.points.setKeyboardTracking(False)
        self.points.valueChanged.connect(
            lambda v: self.code and self.points_edited.emit(self.code, Decimal(str(round(v, 2))))
        )
        for box in (self.count, self.points):
            box.lineEdit().returnPressed.connect(self.editing_done)
        self.result = QLabel(self)
        self.result.setObjectName("entryResult")
        self.result.setStyleSheet(f"color: {RED}; font-weight: bold;")
        for widget in (self.take_button, self.count_label, self.count, self.points_label, self.points):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.result)
        return row

    # -- showing -----------------------------------------------------------------------------

    def show_deduction(
        self, sheet: Sheet, code: str, marks: Sequence[MarkRow], mark: int | None = None
    ) -> None:
        """A deduction of the standard, taken or not, with its marks."""
        found = sheet.rubric.deduction(code)
        assert found is not None
        item, deduction = found
        if code != self.code:
            self.commit_note()
        self.code = code
        entry = next((e for e in sheet.entries if e.code == code), None)
        score = next((i for i in sheet.score.items if i.code == item.code), None)
        self.title.setText(f"<b>{html.escape(deduction.code)}</b>&nbsp; {html.escape(deduction.text)}")
        self.info.setText(
            self.tr("{item} {title} · {points} pts · {left} left · {rule}").format(
                item=item.code,
                title=item.title,
                points=format_points(item.points),
                left=format_points(score.remaining if score else item.points),
                rule=self._rule(deduction),
            )
        )
        self._show_controls(sheet, deduction, entry)
        self._show_note(entry, sheet.editable)
        self.marks.show_marks(marks, mark)
        self.marks.setVisible(bool(marks))
        paper = sheet.file.paper or not sheet.file.dossier
        self.no_marks.setVisible(not marks and sheet.editable and not paper)

    def show_summary(
        self, sheet: Sheet, title: str, info: str, marks: Sequence[MarkRow], mark: int | None = None
    ) -> None:
        """An item, a section or the whole sheet: its title, a line about it, its marks."""
        self.commit_note()
        self.code = None
        self.title.setText(html.escape(title))
        self.info.setText(info)
        for widget in (
            self.take_button,
            self.count_label,
            self.count,
            self.points_label,
            self.points,
            self.note,
        ):
            widget.hide()
        self.result.setText("")
        self.marks.show_marks(marks, mark)
        self.marks.setVisible(bool(marks))
        self.no_marks.hide()

    def _rule(self, deduction: Deduction) -> str:
        if deduction.kind == "per_occurrence":
            return self.tr("{points} each occurrence").format(points=format_points(deduction.points))
        if deduction.kind == "range":
            return self.tr("{min} to {max} points, your choice").format(
                min=format_points(deduction.min), max=format_points(deduction.max)
            )
        if deduction.kind == "full":
            return self.tr("all the item's points")
        return self.tr("{points} points").format(points=format_points(deduction.points))

    def _show_controls(self, sheet: Sheet, deduction: Deduction, entry: EntryRow | None) -> None:
        taken = entry is not None
        self.take_button.show()
        self.take_button.setChecked(taken)
        self.take_button.setText(
            self.tr("Deducted (Space withdraws)") if taken else self.tr("Deduct (Space)")
        )
        self.take_button.setEnabled(sheet.editable)
        occurrences, ranged = deduction.kind == "per_occurrence", deduction.kind == "range"
        for widget in (self.count_label, self.count):
            widget.setVisible(occurrences)
        for widget in (self.points_label, self.points):
            widget.setVisible(ranged)
        self.count.blockSignals(True)
        self.count.setValue(entry.count if entry else 1)
        self.count.setEnabled(taken and sheet.editable)
        self.count.blockSignals(False)
        if ranged:
            self.points.blockSignals(True)
            self.points.setRange(float(deduction.min), float(deduction.max))
            self.points.setValue(float(entry.points if entry and entry.points is not None else deduction.min))
            self.points.setEnabled(taken and sheet.editable)
            self.points.setToolTip(
                self.tr("From {min} to {max}").format(
                    min=format_points(deduction.min), max=format_points(deduction.max)
                )
            )
            self.points.blockSignals(False)
        self.result.setText(f"−{format_points(entry.deducted)}" if entry and entry.deducted else "")

    def _show_note(self, entry: EntryRow | None, editable: bool) -> None:
        self.note.show()
        self.note.setEnabled(entry is not None and editable)
        text = entry.note if entry else ""
        if not (self.note.hasFocus() and self.note.isModified()):
            self.note.setText(text)
            self.note.setModified(False)
        self._note_shown = text

    def commit_note(self) -> None:
        """Save the note typed (when it changed) — on leaving the field, another selection, or closing."""
        if self.code is None or not self.note.isEnabled() or not self.note.isModified():
            return
        self.note.setModified(False)
        text = self.note.text().strip()
        if text != self._note_shown:
            self._note_shown = text
            self.note_edited.emit(self.code, text)

    def focus_points(self) -> None:
        """The points box takes the focus, its value selected to type over."""
        self.points.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.points.selectAll()

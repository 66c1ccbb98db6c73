"""复核 by the assigned reviewer: every disputed item with the deduction as the original reviewer took
it (and their note — nothing they wrote is hidden) and the agency's reason; for each, 维持, 变更 (a new
count or new points) or 撤销, with a reason; 提交复核结论 asks once."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.review.dto import RecheckItemRow, RecheckRow
from desktop.review.file_entries import FileEntries
from desktop.review.rechecks import Ruling, decide_recheck, taken_text
from desktop.review.rubric import Rubric
from desktop.review.scoring import Taken, taken_problem
from desktop.views.common.forms import FieldMarks, FormDialog
from desktop.views.common.lazy_table import format_score
from desktop.views.common.look import note_label, scaled_font
from desktop.views.common.page_tools import local_time
from desktop.views.common.value_titles import value_title
from desktop.views.review.recheck_dialogs import ENTRY_STYLE, fact_label

UPHOLD, CHANGE, WITHDRAW = "upheld", "changed", "withdrawn"
CHANGEABLE = ("per_occurrence", "range")
"""Kinds whose deduction can be changed to another amount (the others are upheld or withdrawn)."""
MAX_COUNT = 999
RULINGS_HEIGHT = 420


class RulingBox(QFrame):
    """One disputed item: what was taken and why it is disputed, then the ruling and its reason."""

    def __init__(
        self,
        number: int,
        item: RecheckItemRow,
        kind: str,
        rubric: Rubric | None,
        marks: FieldMarks,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item, self.kind, self.rubric = item, kind, rubric
        self.setObjectName("entryRow")
        heading = QLabel(f"{number}. {item.code}  {item.text}", self)
        heading.setFont(scaled_font(self, 1.0, bold=True))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        note = item.original_note or self.tr("(no note)")
        self.original = QLabel(
            self.tr("{taken} · reviewer {reviewer}: {note}").format(
                taken=item.taken, reviewer=item.reviewer_name or item.reviewer, note=note
            ),
            self,
        )
        self.reason_given = QLabel(item.reason, self)
        for caption, label in (
            (self.tr("Deducted"), self.original),
            (self.tr("Agency's reason"), self.reason_given),
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(QLabel(caption, self), label)
        marks.add_row(f"decision_{item.id}", self.tr("Ruling"), self._choices(), form)
        self.amount: QSpinBox | QDoubleSpinBox | None = None
        if kind in CHANGEABLE:
            marks.add_row(
                f"amount_{item.id}",
                self.tr("New count") if kind == "per_occurrence" else self.tr("New points"),
                self._amount_row(),
                form,
            )
        self.reason = QLineEdit(self)
        self.reason.setObjectName(f"reason_{item.id}")
        self.reason.setPlaceholderText(
            self.tr("Why, e.g. pages 1–12 are numbered; the deduction does not apply")
        )
        marks.add_row(f"reason_{item.id}", self.tr("Reason"), self.reason, form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addLayout(form)
        self.on_group_button_toggled()

    def _choices(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        texts = ((UPHOLD, self.tr("Uphold")), (CHANGE, self.tr("Change")), (WITHDRAW, self.tr("Withdraw")))
        for key, text in texts:
            if key == CHANGE and self.kind not in CHANGEABLE:
                continue
            button = QRadioButton(text, row)
            button.setObjectName(f"{key}_{self.item.id}")
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self.on_group_button_toggled)
        return row

    def _amount_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        found = self.rubric.deduction(self.item.code) if self.rubric else None
        if self.kind == "per_occurrence":
            spin: QSpinBox | QDoubleSpinBox = QSpinBox(row)
            spin.setRange(1, MAX_COUNT)
            spin.setSuffix(self.tr(" occurrence(s)"))
        else:
            spin = QDoubleSpinBox(row)
            spin.setDecimals(2)
            spin.setSingleStep(0.5)
            low, high = (found[1].min, found[1].max) if found else (Decimal(0), Decimal(100))
            spin.setRange(float(low or 0), float(high or 0))
            spin.setSuffix(self.tr(" points"))
        spin.setObjectName(f"amount_{self.item.id}")
        spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        spin.setMinimumWidth(120)
        self.amount = spin
        self.preview = note_label("", row)
        spin.valueChanged.connect(self.on_amount_value_changed)
        layout.addWidget(spin)
        layout.addWidget(self.preview, 1)
        return row

    # -- the ruling -------------------------------------------------------------------------------

    def decision(self) -> str | None:
        """upheld, changed, withdrawn, or None while not chosen."""
        return next((key for key, button in self.buttons.items() if button.isChecked()), None)

    def choose(self, decision: str) -> None:
        """Check one of the rulings (tests, keyboard)."""
        self.buttons[decision].setChecked(True)

    def new_taken(self) -> Taken | None:
        """The entry as it would count after a change (None unless changing)."""
        if self.decision() != CHANGE or self.amount is None:
            return None
        if self.kind == "per_occurrence":
            return Taken(self.item.code, int(self.amount.value()))
        return Taken(self.item.code, 1, Decimal(str(round(self.amount.value(), 2))))

    def ruling(self) -> Ruling:
        """The service's ruling: 撤销 is a change to count 0."""
        reason = self.reason.text().strip()
        decision = self.decision()
        if decision == UPHOLD:
            return Ruling(self.item.id, "upheld", reason)
        if decision == WITHDRAW:
            return Ruling(self.item.id, "changed", reason, new_count=0)
        taken = self.new_taken()
        assert taken is not None
        points = taken.points if self.kind == "range" else None
        return Ruling(self.item.id, "changed", reason, new_count=taken.count, new_points=points)

    def problems(self, original: Taken | None) -> dict[str, str]:
        """What is missing or wrong in this item's ruling."""
        found: dict[str, str] = {}
        decision = self.decision()
        if decision is None:
            found[f"decision_{self.item.id}"] = self.tr("Uphold, change or withdraw this item.")
        taken = self.new_taken()
        if taken is not None:
            problem = taken_problem(self.rubric, taken) if self.rubric else None
            if problem:
                found[f"amount_{self.item.id}"] = problem
            elif original is not None and (taken.count, taken.points) == (original.count, original.points):
                found[f"amount_{self.item.id}"] = self.tr(
                    "That is what was taken: choose Uphold, or another amount."
                )
        if not self.reason.text().strip():
            found[f"reason_{self.item.id}"] = self.tr("Give the reason for this ruling.")
        return found

    def on_group_button_toggled(self, *_: object) -> None:
        """The amount counts only when changing."""
        if self.amount is not None:
            self.amount.setEnabled(self.decision() == CHANGE)
            self.on_amount_value_changed()

    def on_amount_value_changed(self, *_: object) -> None:
        """Show the new deduction as it will read."""
        taken = self.new_taken()
        if self.rubric is None or self.amount is None:
            return
        if taken is None or taken_problem(self.rubric, taken):
            self.preview.setText("")
            return
        self.preview.setText(
            self.tr("After the recheck: {taken}").format(
                taken=taken_text(self.rubric, taken.code, taken.count, taken.points)
            )
        )


class DecideRecheckDialog(FormDialog):
    """复核: a ruling with a reason on every disputed item — and the button 提交复核结论."""

    recheck_decided = Signal(object)
    reload_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        row: RecheckRow,
        entries: FileEntries | None,
        rubric: Rubric | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Recheck — {case_no}").format(case_no=row.case_no),
            parent,
            ok_text=self.tr("Submit recheck ruling"),
        )
        self.row, self.file, self.rubric = row, entries, rubric
        self.setStyleSheet(self.styleSheet() + ENTRY_STYLE)
        self._facts(row, entries)
        originals = {e.id: e for e in entries.entries} if entries else {}
        self.originals = {
            i.id: Taken(i.code, originals[i.entry_id].count, originals[i.entry_id].points)
            for i in row.items
            if i.entry_id in originals
        }
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        self.boxes: list[RulingBox] = []
        for number, item in enumerate(row.items, 1):
            kind = originals[item.entry_id].kind if item.entry_id in originals else "veto"
            box = RulingBox(number, item, kind, rubric, self.marks, body)
            self._start_amount(box)
            self._watch(box)
            column.addWidget(box)
            self.boxes.append(box)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("rulings")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.scroll.setMinimumHeight(RULINGS_HEIGHT)
        self.form.addRow(self.scroll)
        self.setMinimumWidth(820)

    def _facts(self, row: RecheckRow, entries: FileEntries | None) -> None:
        self.add_section(self.tr("Recheck request"))
        fact_label(
            self, self.form, "case_no", self.tr("Case file"), f"{row.case_no} · {row.agency} · {row.campaign}"
        )
        fact_label(
            self,
            self.form,
            "requested",
            self.tr("Requested"),
            self.tr("by {who} at {when}").format(who=row.requested_by, when=local_time(row.requested_at)),
        )
        before = entries.before if entries else None
        if before is not None:
            fact_label(
                self,
                self.form,
                "before",
                self.tr("Score now"),
                self.tr("{score} ({grade})").format(
                    score=format_score(before.total), grade=value_title(before.grade)
                ),
            )
        self.add_section(self.tr("Disputed items"))

    def _start_amount(self, box: RulingBox) -> None:
        original = self.originals.get(box.item.id)
        if box.amount is None or original is None:
            return
        value = original.count if box.kind == "per_occurrence" else float(original.points or 0)
        box.amount.blockSignals(True)
        box.amount.setValue(value)
        box.amount.blockSignals(False)

    def _watch(self, box: RulingBox) -> None:
        """Check each field of the box from the moment the user works on it."""
        key = box.item.id
        box.group.buttonToggled.connect(lambda *_: self.touch(f"decision_{key}"))
        box.reason.textChanged.connect(lambda *_: self.touch(f"reason_{key}"))
        if box.amount is not None:
            box.amount.valueChanged.connect(lambda *_: self.touch(f"amount_{key}"))

    def box_for(self, item_id: int) -> RulingBox:
        """The box of one disputed item (tests)."""
        return next(b for b in self.boxes if b.item.id == item_id)

    # -- the input --------------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """A ruling and a reason for every item; a changed amount that the standard allows."""
        found: dict[str, str] = {}
        for box in self.boxes:
            found.update(box.problems(self.originals.get(box.item.id)))
        return found

    def on_save_button_clicked(self) -> None:
        """Check every item; scroll to the first problem."""
        super().on_save_button_clicked()
        focused = self.focusWidget()
        if focused is not None and self.scroll.isAncestorOf(focused):
            self.scroll.ensureWidgetVisible(focused)

    def confirmed(self) -> bool:
        """Final: ask once, naming the file and what is decided."""
        decisions = [b.decision() for b in self.boxes]
        return self.ctx.dialogs.confirm(
            self,
            self.tr("Submit recheck ruling"),
            self.tr(
                "Submit the recheck ruling on {case_no}: {upheld} upheld, {changed} changed, {withdrawn} withdrawn? "
                "It cannot be changed afterwards."
            ).format(
                case_no=self.row.case_no,
                upheld=decisions.count(UPHOLD),
                changed=decisions.count(CHANGE),
                withdrawn=decisions.count(WITHDRAW),
            ),
            self.tr("Submit recheck ruling"),
        )

    def save_work(self) -> Callable[[], RecheckRow]:
        """Decide, checking the recheck was not changed meanwhile."""
        ctx, row, rulings = self.ctx, self.row, [b.ruling() for b in self.boxes]
        return lambda: decide_recheck(ctx.store, ctx.user, row.id, row.version, rulings)

    def saved(self, result: RecheckRow) -> None:
        """Tell the tab."""
        self.recheck_decided.emit(result)

    def reload(self) -> None:
        """Changed elsewhere: close and let the tab read the rechecks again."""
        self.reload_requested.emit()
        self.reject()

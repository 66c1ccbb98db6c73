"""复核 dialogs: an agency asks for a recheck of named deductions of one of its files (each with a
reason, within the window after feedback), and a supervisor names the recheck reviewer. The recheck
reviewer's own dialog is in ``recheck_decide``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.review.campaigns import list_campaigns
from desktop.review.dto import FileRow, RecheckRow
from desktop.review.feedback import list_feedback
from desktop.review.file_entries import FileEntries, FileEntry, ReviewerChoice, file_entries
from desktop.review.rechecks import Dispute, assign_recheck, request_recheck
from desktop.review.results import campaign_results
from desktop.views.common.forms import FieldMarks, FormDialog, select_data
from desktop.views.common.lazy_table import format_score
from desktop.views.common.look import GREY, note_label

ENTRY_STYLE = "QFrame#entryRow { border: 1px solid #D5DAE1; border-radius: 3px; background: #FAFBFC; }"
ENTRIES_HEIGHT = 300


@dataclass(frozen=True)
class RecheckCandidate:
    """A scored file whose agency got its feedback and may still ask for a recheck."""

    file: FileRow
    recheck_until: date


def recheck_candidates(ctx: AppContext) -> list[RecheckCandidate]:
    """The files the user may ask a recheck of today: scored, feedback sent to their agency, the
    window open, the campaign not closed, no recheck asked yet."""
    store, user, today = ctx.store, ctx.user, ctx.today()
    found = []
    for campaign in list_campaigns(store, user):
        if campaign.state == "closed":
            continue
        windows = {
            f.agency_id: f.recheck_until
            for f in list_feedback(store, user, campaign.id)
            if today <= f.recheck_until
        }
        if not windows:
            continue
        for row in campaign_results(store, user, campaign.id).files:
            if row.agency_id in windows and row.final is not None and row.recheck is None:
                found.append(RecheckCandidate(row, windows[row.agency_id]))
    return found


def fact_label(dialog: FormDialog, form: QFormLayout, key: str, caption: str, text: str) -> QLabel:
    """A read-only line of a dialog's form (selectable, wrapped)."""
    value = QLabel(text, dialog)
    value.setObjectName(key)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    title = QLabel(caption, dialog)
    title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.addRow(title, value)
    return value


def top_aligned(form: QFormLayout, field: QWidget) -> None:
    """Put a tall field's title level with its first line (not the middle of the box)."""
    title = form.labelForField(field.parentWidget())
    if isinstance(title, QLabel):
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        title.setFixedHeight(title.fontMetrics().height() + 8)


class EntryRow(QFrame):
    """One deduction or veto of the file: checked to dispute it, with the reason the agency gives."""

    def __init__(self, entry: FileEntry, marks: FieldMarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("entryRow")
        self.check = QCheckBox(f"{entry.code}  {entry.text}", self)
        self.check.setObjectName(f"dispute_{entry.id}")
        self.taken = note_label(self._taken_text(entry), self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName(f"reason_{entry.id}")
        self.reason.setPlaceholderText(
            self.tr("Why this deduction should not stand, e.g. the pages are numbered, see page 2")
        )
        self.reason.setEnabled(False)
        self.check.toggled.connect(self.on_check_toggled)
        form = QFormLayout()
        form.setContentsMargins(22, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        marks.add_row(f"reason_{entry.id}", self.tr("Reason"), self.reason, form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(self.check)
        layout.addWidget(self.taken)
        layout.addLayout(form)

    def _taken_text(self, entry: FileEntry) -> str:
        note = entry.note or self.tr("(no note)")
        kind = (
            self.tr("Veto") if entry.kind == "veto" else self.tr("Deducted {taken}").format(taken=entry.taken)
        )
        return self.tr("{kind} · reviewer {reviewer}: {note}").format(
            kind=kind, reviewer=entry.reviewer_name or entry.reviewer, note=note
        )

    def chosen(self) -> bool:
        """Whether the agency disputes this entry."""
        return self.check.isChecked()

    def reason_text(self) -> str:
        """The reason as typed, trimmed."""
        return self.reason.text().strip()

    def on_check_toggled(self, checked: bool) -> None:
        """A disputed entry needs its reason: put the cursor there."""
        self.reason.setEnabled(checked)
        if checked:
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)


class RequestRecheckDialog(FormDialog):
    """申请复核: a file among those the user may dispute, its deductions and vetoes as taken, each
    checkable with a reason — and the button 提交复核申请 (asks once)."""

    recheck_requested = Signal(object)

    def __init__(
        self, ctx: AppContext, candidates: Sequence[RecheckCandidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Request a recheck"), parent, ok_text=self.tr("Submit recheck request"))
        self.candidates = {c.file.id: c for c in candidates}
        self.entries: FileEntries | None = None
        self.rows: list[EntryRow] = []
        self.reason_marks = FieldMarks(QFormLayout())
        self.setStyleSheet(self.styleSheet() + ENTRY_STYLE)
        self.file_combo = QComboBox(self)
        self.file_combo.setObjectName("file")
        for c in candidates:
            f = c.file
            self.file_combo.addItem(
                self.tr("{case_no} · {agency} · {campaign} — {score} {grade}").format(
                    case_no=f.case_no,
                    agency=f.agency,
                    campaign=f.campaign,
                    score=format_score(f.final.total) if f.final else "",
                    grade=f.final.grade if f.final else "",
                ),
                f.id,
            )
        self.marks.add_row("file", self.tr("Case file"), self.file_combo)
        self.deadline = fact_label(self, self.form, "deadline", "", "")
        self.deadline.setStyleSheet("color: #B06000;")
        self.list_widget = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("items")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.list_widget)
        self.scroll.setMinimumHeight(ENTRIES_HEIGHT)
        self.marks.add_row("items", self.tr("Deductions to recheck"), self.scroll)
        top_aligned(self.form, self.scroll)
        self.setMinimumWidth(760)
        self.file_combo.currentIndexChanged.connect(self.on_file_combo_current_index_changed)
        self.show_file(self.file_combo.currentData())

    # -- the file ---------------------------------------------------------------------------------

    def show_file(self, file_id: int | None) -> None:
        """Show the window of the chosen file, and read its deductions (through the task runner)."""
        candidate = self.candidates.get(file_id) if file_id is not None else None
        self.deadline.setText(
            self.tr("Recheck requests close on {day}").format(day=candidate.recheck_until.isoformat())
            if candidate
            else ""
        )
        if file_id is None:
            self.show_entries(None)
            return
        self._clear_entries()
        self.list_layout.addWidget(note_label(self.tr("Reading the file's deductions…"), self.list_widget))
        self.save_button.setEnabled(False)
        ctx = self.ctx
        ctx.tasks.load(
            lambda: file_entries(ctx.store, ctx.user, file_id),
            self.show_entries,
            on_error=self.on_entries_failed,
            parent_widget=self,
            key=f"recheck-entries-{id(self)}",
        )

    def on_entries_failed(self, exc: BaseException) -> None:
        """The deductions could not be read: say why, and show none."""
        self.show_entries(None)
        self.ctx.dialogs.show_error(self, exc, on_retry=lambda: self.show_file(self.file_combo.currentData()))

    def _clear_entries(self) -> None:
        while self.list_layout.count():
            widget = self.list_layout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.rows = []
        self.reason_marks = FieldMarks(QFormLayout())

    def show_entries(self, entries: FileEntries | None) -> None:
        """The deductions of the chosen file, each checkable with a reason."""
        self._clear_entries()
        self.save_button.setEnabled(True)
        self.entries = entries
        for entry in entries.entries if entries else ():
            row = EntryRow(entry, self.reason_marks, self.list_widget)
            row.check.toggled.connect(self.on_row_changed)
            row.reason.textChanged.connect(self.on_row_changed)
            self.list_layout.addWidget(row)
            self.rows.append(row)
        if entries is not None and not self.rows:
            self.list_layout.addWidget(
                note_label(self.tr("Nothing was deducted on this file."), self.list_widget)
            )
        self.list_layout.addStretch(1)
        self.marks.touched.discard("items")
        self.revalidate()

    def row_for(self, entry_id: int) -> EntryRow:
        """The row of one entry (tests)."""
        return next(r for r in self.rows if r.entry.id == entry_id)

    # -- the input --------------------------------------------------------------------------------

    def disputes(self) -> list[Dispute]:
        """The checked entries with their reasons."""
        return [Dispute(r.entry.id, r.reason_text()) for r in self.rows if r.chosen()]

    def reason_problems(self) -> dict[str, str]:
        """Every checked entry without a reason."""
        return {
            f"reason_{r.entry.id}": self.tr("Say why this deduction should be rechecked.")
            for r in self.rows
            if r.chosen() and not r.reason_text()
        }

    def problems(self) -> dict[str, str]:
        """A file, at least one entry, and a reason for each."""
        if self.file_combo.currentData() is None:
            return {"file": self.tr("Choose a case file.")}
        if not self.disputes():
            return {"items": self.tr("Check at least one deduction or veto to dispute.")}
        missing = len(self.reason_problems())
        if missing:
            return {
                "items": self.tr("Give a reason for every deduction you dispute ({count} missing).").format(
                    count=missing
                )
            }
        return {}

    def revalidate(self) -> None:
        """Show the problems of what the user touched, reasons too."""
        super().revalidate()
        self.reason_marks.show(self.reason_problems())

    def on_save_button_clicked(self) -> None:
        """Mark every missing reason and put the cursor in the first; submit when all is well."""
        reasons = self.reason_problems()
        self.reason_marks.show(reasons, everything=True)
        super().on_save_button_clicked()
        if reasons:
            first = next(r for r in self.rows if f"reason_{r.entry.id}" in reasons)
            first.reason.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(first)

    def confirmed(self) -> bool:
        """Submitting is final: ask once, naming the file."""
        case_no = self.entries.case_no if self.entries else ""
        return self.ctx.dialogs.confirm(
            self,
            self.tr("Submit recheck request"),
            self.tr(
                "Ask for a recheck of {count} item(s) of {case_no}? The request cannot be changed afterwards."
            ).format(count=len(self.disputes()), case_no=case_no),
            self.tr("Submit recheck request"),
        )

    def save_work(self) -> Callable[[], RecheckRow]:
        """Ask for the recheck as of the window's date."""
        ctx, file_id, disputes = self.ctx, self.file_combo.currentData(), self.disputes()
        return lambda: request_recheck(ctx.store, ctx.user, file_id, disputes, as_of=ctx.today())

    def saved(self, result: RecheckRow) -> None:
        """Tell the tab."""
        self.recheck_requested.emit(result)

    # -- slots ------------------------------------------------------------------------------------

    def on_file_combo_current_index_changed(self, _index: int) -> None:
        """Another file: its deductions."""
        self.show_file(self.file_combo.currentData())

    def on_row_changed(self, *_: object) -> None:
        """A check or a reason changed: check again."""
        self.marks.touched.add("items")
        self.revalidate()


class AssignRecheckDialog(FormDialog):
    """指派复核人: the recheck (read only) and a reviewer who did not score the file and is not of its
    agency; the service refuses anyone else and the message shows under the field."""

    recheck_assigned = Signal(object)
    reload_requested = Signal()

    def __init__(
        self,
        ctx: AppContext,
        row: RecheckRow,
        choices: Sequence[ReviewerChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx,
            self.tr("Assign a recheck reviewer — {case_no}").format(case_no=row.case_no),
            parent,
            ok_text=self.tr("Assign"),
        )
        self.row = row
        self.add_section(self.tr("Recheck"))
        fact_label(self, self.form, "case_no", self.tr("Case number"), row.case_no)
        fact_label(self, self.form, "agency", self.tr("Agency"), row.agency)
        fact_label(self, self.form, "campaign", self.tr("Campaign"), row.campaign)
        names = {c.name: c.display_name for c in choices if getattr(c, "display_name", "")}
        names.update({i.reviewer: i.reviewer_name for i in row.items if i.reviewer_name})
        originals = sorted(
            {names.get(i.reviewer, i.reviewer) for i in row.items}
            | {names.get(c.name, c.name) for c in choices if c.scored_file}
        )
        fact_label(self, self.form, "originals", self.tr("Scored by"), "、".join(originals))
        fact_label(self, self.form, "disputed", self.tr("Disputed items"), f"{len(row.items):,}")
        self.add_section(self.tr("Recheck reviewer"))
        self.reviewer_combo = QComboBox(self)
        self.reviewer_combo.setObjectName("reviewer")
        for c in choices:
            if c.eligible:
                self.reviewer_combo.addItem(self.choice_text(c), c.name)
        self.marks.add_row("reviewer", self.tr("Reviewer"), self.reviewer_combo)
        self.form.addRow(
            "",
            note_label(
                self.tr(
                    "Only reviewers who did not score this file and do not belong to its agency are listed."
                ),
                self,
            ),
        )
        if row.reviewer:
            select_data(self.reviewer_combo, row.reviewer)
            self.show_notice(
                self.tr("Now assigned to {name}; assigning again replaces them.").format(
                    name=row.reviewer_name or row.reviewer
                ),
                GREY,
            )
        self.reviewer_combo.currentIndexChanged.connect(self.on_reviewer_combo_current_index_changed)
        self.setMinimumWidth(560)

    def choice_text(self, choice: ReviewerChoice) -> str:
        """ "张三 (zhangsan) — 县司法局" or "— whole county"."""
        name = choice.display_name or choice.name
        who = name if name == choice.name else f"{name} ({choice.name})"
        county = self.tr("whole county")
        return f"{who} — {choice.agency or county}"

    def problems(self) -> dict[str, str]:
        """A reviewer is required."""
        if self.reviewer_combo.currentData() is None:
            return {"reviewer": self.tr("No reviewer may recheck this file: add a reviewer account first.")}
        return {}

    def save_work(self) -> Callable[[], RecheckRow]:
        """Assign, checking the recheck was not changed meanwhile."""
        ctx, row, name = self.ctx, self.row, self.reviewer_combo.currentData()
        return lambda: assign_recheck(ctx.store, ctx.user, row.id, row.version, name)

    def saved(self, result: RecheckRow) -> None:
        """Tell the tab."""
        self.recheck_assigned.emit(result)

    def reload(self) -> None:
        """Changed elsewhere: close and let the tab read the rechecks again."""
        self.reload_requested.emit()
        self.reject()

    def on_reviewer_combo_current_index_changed(self, _index: int) -> None:
        """Check as the user chooses."""
        self.touch("reviewer")

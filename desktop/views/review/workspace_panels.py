"""The review opinion (评查意见) of the scoring workspace, saved shortly after typing stops, and the
panel shown instead of the dossier viewer for a file scored from its paper dossier."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.review.dto import Sheet
from desktop.review.scoring import format_points
from desktop.views.common.look import GREY, scaled_font

NOTE_LINES = 2
NOTE_SAVE_MS = 1500
"""The opinion is saved this long after the last key (and when the field is left)."""


class NoteEdit(QPlainTextEdit):
    """A plain text field that says when it loses the focus."""

    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Tell, then lose the focus."""
        self.left.emit()
        super().focusOutEvent(event)


class SheetNote(QGroupBox):
    """The sheet's overall note (评查意见): saved shortly after typing stops and when left."""

    note_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Review opinion"), parent)
        self.setObjectName("sheetNote")
        self._shown = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        self.edit = NoteEdit(self)
        self.edit.setObjectName("sheetNoteEdit")
        self.edit.setPlaceholderText(self.tr("The overall opinion on this file (saved as you type)"))
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.fontMetrics().lineSpacing() * NOTE_LINES + 14)
        layout.addWidget(self.edit)
        self.timer = QTimer(self, singleShot=True, interval=NOTE_SAVE_MS)
        self.timer.timeout.connect(self.commit)
        self.edit.textChanged.connect(self.on_edit_text_changed)
        self.edit.left.connect(self.commit)

    def show_sheet(self, sheet: Sheet) -> None:
        """The sheet's note (unless the reviewer is typing one); read-only when the sheet is."""
        self.edit.setReadOnly(not sheet.editable)
        typed = self.timer.isActive() or self.edit.toPlainText().strip() != self._shown
        if not typed and sheet.note != self._shown:
            self.edit.blockSignals(True)
            self.edit.setPlainText(sheet.note)
            self.edit.blockSignals(False)
            self._shown = sheet.note

    def on_edit_text_changed(self) -> None:
        """Typing: save a moment after it stops."""
        if not self.edit.isReadOnly():
            self.timer.start()

    def commit(self) -> None:
        """Save now if the text changed."""
        self.timer.stop()
        text = self.edit.toPlainText().strip()
        if not self.edit.isReadOnly() and text != self._shown:
            self._shown = text
            self.note_edited.emit(text)


class PaperPanel(QFrame):
    """Instead of the viewer: the file is scored from its paper dossier (named, to find it on the desk)."""

    def __init__(self, case_no: str, agency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperPanel")
        self.setStyleSheet("QFrame#paperPanel { background: #F6F7F9; }")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        title = QLabel(self.tr("Paper dossier"), self)
        title.setObjectName("paperTitle")
        title.setFont(scaled_font(title, 1.8, bold=True))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "This file has no electronic dossier: score it from the paper file beside "
                "you.\nDeductions, their notes and the review opinion are saved as usual; "
                "marks on pages need a PDF."
            ),
            self,
        )
        text.setStyleSheet(f"color: {GREY};")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        case = QLabel(f"{case_no} · {agency}", self)
        case.setObjectName("paperCase")
        case.setFont(scaled_font(case, 1.2))
        case.setAlignment(Qt.AlignmentFlag.AlignCenter)
        case.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        layout.addWidget(case)
        layout.addSpacing(8)
        layout.addWidget(text)
        layout.addStretch(3)


def summary(sheet: Sheet, item: bool, code: str) -> tuple[str, str, list[str]]:
    """The title, the points line and the deduction codes of an item (``item``) or a section of
    the standard, for the editor's summary."""
    rubric = sheet.rubric
    if item:
        found = next(i for i in rubric.items() if i.code == code)
        score = next((s for s in sheet.score.items if s.code == code), None)
        codes = [d.code for d in found.deductions]
        info = QCoreApplication.translate(
            "ScoringWindow",
            "{points} pts · {deducted} deducted · {left} left · keys 1–{n} take its deductions",
        ).format(
            points=format_points(found.points),
            deducted=format_points(score.deducted if score else 0),
            left=format_points(score.remaining if score else found.points),
            n=min(len(codes), 9),
        )
        return f"{found.code}  {found.title}", info, codes
    section = next(s for s in rubric.sections if s.code == code)
    codes = [d.code for i in section.items for d in i.deductions]
    items = {i.code for i in section.items}
    deducted = sum((s.deducted for s in sheet.score.items if s.code in items), Decimal(0))
    info = QCoreApplication.translate("ScoringWindow", "{points} pts · {deducted} deducted").format(
        points=format_points(section.points), deducted=format_points(deducted)
    )
    return f"{section.code}  {section.title}", info, codes

"""重新打开: a supervisor undoes a 处置 with a reason; the warning is open again, the handling
stays in its history (audited by the service)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop.cases.disposal import reopen_warning
from desktop.cases.dto import WarningRow
from desktop.context import AppContext
from desktop.views.common.forms import INVALID_STYLE, FormDialog
from desktop.views.warnings.dialog import NOTE_STYLE
from desktop.views.warnings.titles import handled_text, level_word


class ReopenWarningDialog(FormDialog):
    """The warning and its handling (read only), then the reason — and the button 重新打开."""

    warning_reopened = Signal(object)

    def __init__(self, ctx: AppContext, row: WarningRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Reopen handling — {case_no}").format(case_no=row.reference),
            parent,
            ok_text=self.tr("Reopen"),
        )
        self.row = row
        self.setStyleSheet(INVALID_STYLE + NOTE_STYLE)
        self.values: dict[str, QLabel] = {}
        self._fact("warning", self.tr("Warning"), f"{row.reference} · {level_word(row.level)} · {row.title}")
        self._fact("handling", self.tr("Handling"), handled_text(row))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            self.tr("Why the handling does not stand, e.g. the interview record is missing.")
        )
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.reason_edit.textChanged.connect(self.on_reason_edit_text_changed)
        self.marks.add_row("reason", self.tr("Reason"), self.reason_edit)
        caption = self.form.labelForField(self.reason_edit.parentWidget())
        if isinstance(caption, QLabel):  # level with the first line, not the middle of the box
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setFixedHeight(caption.fontMetrics().height() + 8)
        self.show_notice(
            self.tr("The warning becomes open again; the handling is kept in its history."), "#5F6B7A"
        )
        self.setMinimumWidth(520)
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fact(self, key: str, label: str, text: str) -> QLabel:
        value = QLabel(text, self)
        value.setObjectName(key)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        caption = QLabel(label, self)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.addRow(caption, value)
        self.values[key] = value
        return value

    def reason(self) -> str:
        """The reason as typed, trimmed."""
        return self.reason_edit.toPlainText().strip()

    def problems(self) -> dict[str, str]:
        """A reason is required."""
        return {} if self.reason() else {"reason": self.tr("Say why the handling is reopened.")}

    def save_work(self) -> Callable[[], WarningRow]:
        """Reopen as of the page's date."""
        ctx, row, reason = self.ctx, self.row, self.reason()
        version = row.version or 0
        return lambda: reopen_warning(
            ctx.store, ctx.user, row.case_id, row.code, version, reason, ctx.today(), subject=row.subject
        )

    def saved(self, result: WarningRow) -> None:
        """Tell the page."""
        self.warning_reopened.emit(result)

    def on_reason_edit_text_changed(self) -> None:
        """Check the reason as the user types."""
        self.touch("reason")

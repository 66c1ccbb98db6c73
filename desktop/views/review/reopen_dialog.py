"""重新打开评分: a supervisor unlocks a submitted score sheet so its reviewer can change it, saying why
(the reason goes into the audit record)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from desktop.context import AppContext
from desktop.review.dto import FileRow, Sheet, SheetState
from desktop.review.sheets import reopen
from desktop.views.common.forms import FormDialog, combo_data
from desktop.views.common.lazy_table import format_score
from desktop.views.common.look import GREY

REASON_ROWS = 3


class ReopenDialog(FormDialog):
    """Which submitted sheet (when the file has two) and why; 重新打开评分."""

    sheet_reopened = Signal(object)

    def __init__(
        self, ctx: AppContext, row: FileRow, sheets: Sequence[SheetState], parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Reopen a score"), parent, ok_text=self.tr("Reopen the score"))
        self.row = row
        about = QLabel(
            self.tr(
                "{case_no} of {agency}. The reviewer can change the score again; it counts "
                "only once it is submitted again."
            ).format(case_no=row.case_no, agency=row.agency),
            self,
        )
        about.setWordWrap(True)
        about.setStyleSheet(f"color: {GREY};")
        self.form.addRow(about)
        self.sheet_combo = QComboBox(self)
        for sheet in sheets:
            self.sheet_combo.addItem(
                self.tr("{reviewer} — {score}").format(
                    reviewer=sheet.reviewer, score=format_score(sheet.total) or self.tr("submitted")
                ),
                (sheet.scoring_id, sheet.version),
            )
        self.sheet_combo.setEnabled(len(sheets) > 1)
        self.marks.add_row("sheet", self.tr("Score sheet"), self.sheet_combo)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. a deduction was taken under the wrong item"))
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * REASON_ROWS + 12)
        self.reason_edit.textChanged.connect(lambda: self.touch("reason"))
        self.marks.add_row("reason", self.tr("Reason"), self.reason_edit)
        self.setMinimumWidth(480)

    def reason(self) -> str:
        """The reason typed, trimmed."""
        return self.reason_edit.toPlainText().strip()

    def problems(self) -> dict[str, str]:
        """A reason is needed."""
        return {} if self.reason() else {"reason": self.tr("Say why the score is reopened.")}

    def save_work(self) -> Callable[[], Sheet]:
        """Reopen the chosen sheet."""
        ctx, reason = self.ctx, self.reason()
        scoring_id, version = combo_data(self.sheet_combo)
        return lambda: reopen(ctx.store, ctx.user, scoring_id, version, reason)

    def saved(self, result: Sheet) -> None:
        """Tell the tab."""
        self.sheet_reopened.emit(result)

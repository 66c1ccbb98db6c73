"""处置: a supervisor marks a case's warning handled and says how (required; audited by the service)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from desktop.cases.dto import WarningRow
from desktop.cases.supervision import handle_warning
from desktop.context import AppContext
from desktop.views.common.forms import INVALID_STYLE, RED, FormDialog
from desktop.views.common.lazy_table import TONE_COLOURS, format_value
from desktop.views.common.page_tools import local_time
from desktop.views.warnings.titles import level_word

NOTE_STYLE = f'QPlainTextEdit[invalid="true"] {{ border: 1px solid {RED}; border-radius: 2px; }}'
NOTICE_COLOUR = "#5F6B7A"


class HandleWarningDialog(FormDialog):
    """The case and its warning (read only), then 处置情况 — and the button 处置."""

    warning_handled = Signal(object)

    def __init__(self, ctx: AppContext, row: WarningRow, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            self.tr("Handle warning — {case_no}").format(case_no=row.case_no),
            parent,
            ok_text=self.tr("Mark handled"),
        )
        self.row = row
        self.setStyleSheet(INVALID_STYLE + NOTE_STYLE)
        self.values: dict[str, QLabel] = {}
        self._build_facts(row)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            self.tr("What was done, e.g. talked to the officers in charge; decision ordered by 30 November.")
        )
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 5 + 12)
        self.note_edit.textChanged.connect(self.on_note_edit_text_changed)
        self.marks.add_row("note", self.tr("How it was handled"), self.note_edit)
        title = self.form.labelForField(self.note_edit.parentWidget())
        if isinstance(title, QLabel):  # level with the first line, not the middle of the box
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            title.setFixedHeight(title.fontMetrics().height() + 8)
        if row.handled:
            self.note_edit.setPlainText(row.handled_note or "")
            self.show_notice(
                self.tr("Handled by {who} at {when}. Saving replaces that note.").format(
                    who=row.handled_by_name or row.handled_by or "", when=local_time(row.handled_at)
                ),
                NOTICE_COLOUR,
            )
        self.setMinimumWidth(560)
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_facts(self, row: WarningRow) -> None:
        self.add_section(self.tr("Case"))
        self._fact("case_no", self.tr("Case number"), row.case_no)
        self._fact("agency", self.tr("Agency"), row.agency)
        self._fact("filed_on", self.tr("Filed on"), format_value(row.filed_on))
        self.add_section(self.tr("Warning"))
        level = self._fact("level", self.tr("Level"), level_word(row.level))
        level.setStyleSheet(f"color: {TONE_COLOURS.get(row.level, '')}; font-weight: bold;")
        self._fact("title", self.tr("Warning"), row.title)
        self._fact("message", self.tr("Details"), row.message)
        if row.due is not None:
            self._fact("due", self.tr("Due on"), format_value(row.due))

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

    # -- the input ----------------------------------------------------------------------------

    def note(self) -> str:
        """The note as typed, trimmed."""
        return self.note_edit.toPlainText().strip()

    def problems(self) -> dict[str, str]:
        """A note is required."""
        return {} if self.note() else {"note": self.tr("Say what was done about this warning.")}

    def save_work(self) -> Callable[[], WarningRow]:
        """Record the handling as of the page's date."""
        ctx, row, note = self.ctx, self.row, self.note()
        return lambda: handle_warning(
            ctx.store, ctx.user, row.case_id, row.code, row.version, note, ctx.today()
        )

    def saved(self, result: WarningRow) -> None:
        """Tell the page."""
        self.warning_handled.emit(result)

    def on_note_edit_text_changed(self) -> None:
        """Check the note as the user types."""
        self.touch("note")

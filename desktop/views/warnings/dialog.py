"""处置: a supervisor marks one warning — or several selected together — handled: the kind (a
setting), how (required), an optional follow-up date and an optional attachment (the service
audits each warning and stores the file with its SHA-256)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.cases.disposal import ATTACHMENT_MAX_BYTES
from desktop.cases.dto import AttachmentUpload, Disposal, WarningKey, WarningRow
from desktop.cases.supervision import handle_warnings
from desktop.context import AppContext
from desktop.views.common.forms import INVALID_STYLE, RED, FormDialog, OptionalDateEdit
from desktop.views.common.lazy_table import TONE_COLOURS, format_value
from desktop.views.common.page_tools import local_time
from desktop.views.warnings.titles import level_word

NOTE_STYLE = f'QPlainTextEdit[invalid="true"] {{ border: 1px solid {RED}; border-radius: 2px; }}'
NOTICE_COLOUR = "#5F6B7A"
LISTED = 8
"""Warnings named one by one in the dialog for several; the rest are counted."""


class HandleWarningDialog(FormDialog):
    """The warning (or the warnings chosen), then 处置方式, 处置情况, 跟进日期 and 附件 — and the
    button 处置. ``warning_handled`` carries the first row handled (``rows_handled`` all of them)."""

    warning_handled = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        rows: WarningRow | Sequence[WarningRow],
        parent: QWidget | None = None,
        kinds: Sequence[str] = (),
    ) -> None:
        self.rows: tuple[WarningRow, ...] = (rows,) if isinstance(rows, WarningRow) else tuple(rows)
        first = self.rows[0]
        many = len(self.rows) > 1
        title = (
            self.tr("Handle {count} warnings").format(count=len(self.rows))
            if many
            else self.tr("Handle warning — {case_no}").format(case_no=first.reference)
        )
        super().__init__(ctx, title, parent, ok_text=self.tr("Mark handled"))
        self.row = first
        self.rows_handled: tuple[WarningRow, ...] = ()
        self.attachment_path: str | None = None
        self.keep_attachment = not many and first.handled and first.attachment_id is not None
        self.setStyleSheet(INVALID_STYLE + NOTE_STYLE)
        self.values: dict[str, QLabel] = {}
        if many:
            self._build_list()
        else:
            self._build_facts(first)
        self.add_section(self.tr("Handling"))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind")
        self.kind_combo.addItem(self.tr("Choose a kind"), None)
        for kind in kinds:
            self.kind_combo.addItem(kind, kind)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_combo_current_index_changed)
        self.marks.add_row("kind", self.tr("Kind"), self.kind_combo)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            self.tr("What was done, e.g. talked to the officers in charge; decision ordered by 30 November.")
        )
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)
        self.note_edit.textChanged.connect(self.on_note_edit_text_changed)
        self.marks.add_row("note", self.tr("How it was handled"), self.note_edit)
        caption = self.form.labelForField(self.note_edit.parentWidget())
        if isinstance(caption, QLabel):  # level with the first line, not the middle of the box
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setFixedHeight(caption.fontMetrics().height() + 8)
        self.follow_up_edit = OptionalDateEdit(self.tr("No follow-up"), self)
        self.follow_up_edit.setObjectName("follow_up_on")
        self.follow_up_edit.setToolTip(
            self.tr("After this date the warning centre shows a follow-up warning until it is handled.")
        )
        self.follow_up_edit.dateChanged.connect(self.on_follow_up_edit_date_changed)
        self.marks.add_row("follow_up_on", self.tr("Follow up by"), self.follow_up_edit)
        self.marks.add_row("attachment", self.tr("Attachment"), self._attachment_row())
        if not many and first.handled:
            self._show_previous(first)
        self._show_attachment()
        self.setMinimumWidth(600)
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_facts(self, row: WarningRow) -> None:
        if row.officer:
            self.add_section(self.tr("Officer"))
            self._fact("officer", self.tr("Officer"), row.officer)
            self._fact("number", self.tr("Certificate number"), row.number or "—")
            if row.case_no:
                self._fact("case_no", self.tr("Case number"), row.case_no)
            self._fact("agency", self.tr("Agency"), row.agency)
        else:
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

    def _build_list(self) -> None:
        self.add_section(self.tr("Warnings"))
        lines = [f"{r.reference} · {level_word(r.level)} · {r.title}" for r in self.rows[:LISTED]]
        if len(self.rows) > LISTED:
            lines.append(self.tr("… and {count} more").format(count=len(self.rows) - LISTED))
        cases = len({(r.case_id, r.officer_id) for r in self.rows})
        self._fact(
            "count",
            self.tr("Chosen"),
            self.tr("{count} warnings of {cases} cases").format(count=len(self.rows), cases=cases),
        )
        self._fact("warnings", self.tr("Warnings"), "\n".join(lines))
        handled = sum(r.handled for r in self.rows)
        if handled:
            self.show_notice(
                self.tr("{count} of them are handled already: saving replaces their handling.").format(
                    count=handled
                ),
                NOTICE_COLOUR,
            )

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

    def _attachment_row(self) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.attachment_label = QLabel(holder)
        self.attachment_label.setObjectName("attachmentName")
        self.attachment_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"), holder)
        self.choose_button.setObjectName("chooseAttachment")
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"), holder)
        self.remove_button.setObjectName("removeAttachment")
        self.remove_button.clicked.connect(self.on_remove_button_clicked)
        row.addWidget(self.attachment_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        return holder

    def _show_previous(self, row: WarningRow) -> None:
        self.note_edit.setPlainText(row.handled_note or "")
        if row.kind is not None:
            self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(row.kind), 0))
        if row.follow_up_on is not None and row.follow_up_on >= self.ctx.today():
            self.follow_up_edit.set_value(row.follow_up_on)
        self.show_notice(
            self.tr("Handled by {who} at {when}. Saving replaces that handling.").format(
                who=row.handled_by_name or row.handled_by or "", when=local_time(row.handled_at)
            ),
            NOTICE_COLOUR,
        )

    def _show_attachment(self) -> None:
        if self.attachment_path:
            path = Path(self.attachment_path)
            text = path.name
        elif self.keep_attachment:
            text = self.tr("{name} (kept)").format(name=self.row.attachment_name or "")
        else:
            text = self.tr("None")
        self.attachment_label.setText(text)
        self.remove_button.setEnabled(bool(self.attachment_path) or self.keep_attachment)

    # -- the input ----------------------------------------------------------------------------

    def note(self) -> str:
        """The note as typed, trimmed."""
        return self.note_edit.toPlainText().strip()

    def kind(self) -> str | None:
        """The kind chosen (None until one is)."""
        return self.kind_combo.currentData()

    def problems(self) -> dict[str, str]:
        """A kind and a note are required; a follow-up not before the page's date; a readable
        attachment within the size limit."""
        out = {}
        if self.kind() is None:
            out["kind"] = self.tr("Choose the kind of handling.")
        if not self.note():
            out["note"] = self.tr("Say what was done about this warning.")
        follow_up = self.follow_up_edit.value()
        if follow_up is not None and follow_up < self.ctx.today():
            out["follow_up_on"] = self.tr("The follow-up date is in the past.")
        if self.attachment_path:
            path = Path(self.attachment_path)
            if not path.is_file():
                out["attachment"] = self.tr("The file is not there any more.")
            elif path.stat().st_size > ATTACHMENT_MAX_BYTES:
                out["attachment"] = self.tr("The file is larger than {limit} MB.").format(
                    limit=ATTACHMENT_MAX_BYTES // (1024 * 1024)
                )
            elif path.stat().st_size == 0:
                out["attachment"] = self.tr("The file is empty.")
        return out

    def save_work(self) -> Callable[[], tuple[WarningRow, ...]]:
        """Record the handling of every chosen warning as of the page's date (the file is read
        off the GUI thread)."""
        ctx, note, kind = self.ctx, self.note(), self.kind()
        keys = [WarningKey(r.case_id, r.code, r.version, r.subject) for r in self.rows]
        follow_up, path, keep = self.follow_up_edit.value(), self.attachment_path, self.keep_attachment

        def work() -> tuple[WarningRow, ...]:
            upload = AttachmentUpload(Path(path).name, Path(path).read_bytes()) if path else None
            disposal = Disposal(note, kind, follow_up, upload, keep_attachment=keep)
            return handle_warnings(ctx.store, ctx.user, keys, disposal, ctx.today())

        return work

    def saved(self, result: tuple[WarningRow, ...]) -> None:
        """Tell the page."""
        self.rows_handled = result
        self.warning_handled.emit(result[0])

    # -- slots --------------------------------------------------------------------------------

    def on_note_edit_text_changed(self) -> None:
        """Check the note as the user types."""
        self.touch("note")

    def on_kind_combo_current_index_changed(self, _index: int) -> None:
        """Check the kind once chosen."""
        self.touch("kind")

    def on_follow_up_edit_date_changed(self, *_: object) -> None:
        """Check the follow-up date once set."""
        self.touch("follow_up_on")

    def on_choose_button_clicked(self) -> None:
        """Pick the file to attach."""
        path = self.ctx.dialogs.open_file(
            self,
            self.tr("Attach a file"),
            self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.doc *.docx *.ofd);;All files (*)"),
        )
        if path:
            self.attachment_path = path
            self._show_attachment()
            self.touch("attachment")

    def on_remove_button_clicked(self) -> None:
        """No attachment (a kept one is removed on saving)."""
        self.attachment_path = None
        self.keep_attachment = False
        self._show_attachment()
        self.touch("attachment")

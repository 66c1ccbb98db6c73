"""The panel beside the warning list: the warning and its handling (kind, follow-up date, the
attachment to open, a reopening) with 处置, 重新打开 and 打开案件, above the
case itself as the case register shows it (``CaseDetailPanel``: stages and deadlines, officers,
documents, every warning of the case, and the note when a year's holidays are not loaded)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.dto import CaseDetail, WarningRow
from desktop.views.cases.detail import CaseDetailPanel
from desktop.views.common.detail_panel import DetailPanel
from desktop.views.common.lazy_table import TONE_COLOURS, format_value
from desktop.views.common.look import scaled_font
from desktop.views.common.page_tools import local_time
from desktop.views.warnings.counts import CELL_BACKGROUNDS, CELL_TEXT
from desktop.views.warnings.titles import level_word, reopened_text

CARD_STYLE = "QFrame#warningCard {{ background: {background}; border-left: 4px solid {colour}; }}"


def _tone_style(tone: str | None) -> str:
    return f"color: {TONE_COLOURS[tone]}; font-weight: bold;" if tone in TONE_COLOURS else ""


class WarningDetail(DetailPanel):
    """One warning (a card in its level's colour, with the word) and, below it, its case."""

    handle_requested = Signal(object)
    open_requested = Signal(object)
    reopen_requested = Signal(object)
    attachment_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, can_handle: bool = False) -> None:
        super().__init__(parent, min_width=340)
        self.row: WarningRow | None = None
        self.can_handle = can_handle
        self.values: dict[str, QLabel] = {}
        self.set_placeholder_text(self.tr("Select a warning to see the case and its deadlines."))
        self.set_body(self._body())

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._card(body))
        self.case_panel = CaseDetailPanel(body, can_edit=False)
        layout.addWidget(self.case_panel, 1)
        return body

    def _card(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("warningCard")
        self.card = card
        layout = QVBoxLayout(card)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(4)
        self.heading = QLabel(card)
        self.heading.setObjectName("warningHeading")
        self.heading.setFont(scaled_font(self, 1.1, bold=True))
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        grid = QGridLayout()  # not a QFormLayout: it shares out wrapped rows' heights wrongly
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        for r, (key, label) in enumerate(
            (
                ("message", self.tr("Details")),
                ("due", self.tr("Due on")),
                ("handled", self.tr("Handling")),
                ("attachment", self.tr("Attachment")),
            )
        ):
            value = QLabel(card)
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(label, card), r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, r, 1)
            self.values[key] = value
        layout.addLayout(grid)
        layout.addLayout(self._buttons(card))
        return card

    def _buttons(self, parent: QWidget) -> QHBoxLayout:
        self.handle_button = QPushButton(self.tr("Mark handled…"), parent)
        self.handle_button.setObjectName("handleButton")
        self.handle_button.setEnabled(self.can_handle)
        if not self.can_handle:
            self.handle_button.setToolTip(self.tr("Your role may not handle warnings."))
        self.handle_button.clicked.connect(self.on_handle_button_clicked)
        self.reopen_button = QPushButton(self.tr("Reopen…"), parent)
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.setToolTip(self.tr("Undo the handling, with a reason: the warning is open again."))
        self.reopen_button.clicked.connect(self.on_reopen_button_clicked)
        self.attachment_button = QPushButton(self.tr("Open attachment"), parent)
        self.attachment_button.setObjectName("attachmentButton")
        self.attachment_button.clicked.connect(self.on_attachment_button_clicked)
        self.open_button = QPushButton(self.tr("Open case"), parent)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.on_open_button_clicked)
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(self.handle_button)
        row.addWidget(self.reopen_button)
        row.addWidget(self.attachment_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        return row

    # -- showing a warning --------------------------------------------------------------------

    def show_warning(self, row: WarningRow | None) -> None:
        """Show ``row`` (None: say what to do); its case follows with ``show_case``."""
        previous, self.row = self.row, row
        self.show_body(row is not None)
        if row is None:
            return
        colour = TONE_COLOURS.get(row.level, "#5F6B7A")
        self.card.setStyleSheet(
            CARD_STYLE.format(background=CELL_BACKGROUNDS.get(row.level, "#F1F3F4"), colour=colour)
        )
        self.heading.setText(f"{level_word(row.level)} · {row.title}")
        self.heading.setStyleSheet(f"color: {CELL_TEXT.get(row.level, colour)};")
        self.values["message"].setText(row.message)
        self.values["due"].setText(format_value(row.due) or "—")
        self._show_handling(row)
        self.handle_button.setText(self.tr("Change handling…") if row.handled else self.tr("Mark handled…"))
        self.reopen_button.setVisible(self.can_handle and row.handled)
        has_file = row.attachment_id is not None and row.handled
        self.attachment_button.setVisible(has_file)
        self.values["attachment"].setText(
            f"{row.attachment_name}\nSHA-256 {row.attachment_sha256}" if has_file else "—"
        )
        self.open_button.setText(self.tr("Open certificate") if row.officer else self.tr("Open case"))
        if row.officer_id is not None:  # an officer's warning: no case to read
            self.case_panel.show_case(None)
            self.case_panel.setEnabled(True)
        elif previous is None or previous.case_id != row.case_id:
            self.case_panel.setEnabled(False)  # greyed until its case is read

    def show_case(self, case: CaseDetail | None) -> None:
        """Show the case of the warning (when it is still the one shown)."""
        if case is None or (self.row is not None and case.id == self.row.case_id):
            self.case_panel.show_case(case)
            self.case_panel.setEnabled(True)

    def _show_handling(self, row: WarningRow) -> None:
        label = self.values["handled"]
        if row.handled:
            text = self.tr("Handled by {who} at {when}:\n{note}").format(
                who=row.handled_by_name or row.handled_by or "",
                when=local_time(row.handled_at),
                note=row.handled_note or "",
            )
            if row.kind:
                text = self.tr("{kind}. {text}").format(kind=row.kind, text=text)
            if row.follow_up_on is not None:
                text += "\n" + self.tr("Follow up by {date}").format(date=row.follow_up_on.isoformat())
            label.setText(text)
            label.setStyleSheet(f"color: {TONE_COLOURS['green']};")
        elif row.reopened_by:
            label.setText(
                self.tr("Not handled. {reopened}\nThe handling reopened, by {who}: {note}").format(
                    reopened=reopened_text(row),
                    who=row.handled_by_name or row.handled_by or "",
                    note=row.handled_note or "",
                )
            )
            label.setStyleSheet(f"color: {CELL_TEXT['yellow']};")
        else:
            label.setText(self.tr("Not handled"))
            label.setStyleSheet("")

    def text_of(self, key: str) -> str:
        """The text shown for one field (tests)."""
        return self.values[key].text()

    # -- slots --------------------------------------------------------------------------------

    def on_handle_button_clicked(self) -> None:
        """Ask the page to handle the warning shown."""
        if self.row is not None and self.can_handle:
            self.handle_requested.emit(self.row)

    def on_open_button_clicked(self) -> None:
        """Ask the page to open the case."""
        if self.row is not None:
            self.open_requested.emit(self.row)

    def on_reopen_button_clicked(self) -> None:
        """Ask the page to reopen the handling shown."""
        if self.row is not None and self.can_handle and self.row.handled:
            self.reopen_requested.emit(self.row)

    def on_attachment_button_clicked(self) -> None:
        """Ask the page to open the handling's attachment."""
        if self.row is not None and self.row.attachment_id is not None:
            self.attachment_requested.emit(self.row)

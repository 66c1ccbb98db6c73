"""审计锚点: the folder this workstation writes the daily audit anchor to (a USB stick, a share),
chosen by an administrator; the window writes one there on the first start of each day
(``accounts.daily_anchor``, see ``views/shell/daily.py``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.errors import PermissionDenied
from desktop.core.security import Permission
from desktop.core.settings import save_anchor_folder
from desktop.views.common.look import InlineMessage, note_label
from desktop.views.settings.connection import READ_ONLY_STYLE


class AnchorSection(QGroupBox):
    """The folder (read only text), 选择… and 不再写入; read only for every role but administrators."""

    folder_changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Audit anchors"), parent)
        self.setObjectName("anchorSection")
        self.ctx = ctx
        self.can_edit = ctx.user.can(Permission.ADMINISTER)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                self.tr(
                    "Each day, the first time an administrator or a supervisor opens the window, the head of "
                    "the audit record is written, signed, to this folder — outside the store, so that a "
                    "rewritten or emptied record is caught (audit verify --anchors FOLDER). A folder that "
                    "is not there is tried again at the next start."
                ),
                self,
            )
        )
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("anchorFolder")
        self.folder_edit.setReadOnly(True)  # chosen with the folder picker, never typed
        self.folder_edit.setStyleSheet(READ_ONLY_STYLE)
        self.folder_edit.setPlaceholderText(self.tr("No folder: no daily anchor is written"))
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setObjectName("chooseAnchorFolder")
        self.choose_button.clicked.connect(self.on_choose_button_clicked)
        self.clear_button = QPushButton(self.tr("Stop writing"), self)
        self.clear_button.setObjectName("clearAnchorFolder")
        self.clear_button.clicked.connect(self.on_clear_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        self.read_only_note = note_label(
            self.tr("Read only: only an administrator may choose the folder."), self
        )
        layout.addWidget(self.read_only_note)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.choose_button.setVisible(self.can_edit)
        self.clear_button.setVisible(self.can_edit)
        self.read_only_note.setVisible(not self.can_edit)
        self.refresh()

    def refresh(self) -> None:
        """Show the folder this workstation's settings name."""
        self.folder_edit.setText(self.ctx.settings.anchor_dir)
        self.clear_button.setEnabled(self.can_edit and bool(self.ctx.settings.anchor_dir))

    def set_folder(self, folder: str) -> None:
        """Keep ``folder`` as the anchors' folder (administrators; the service checks)."""
        try:
            self.ctx.settings = save_anchor_folder(self.ctx.user, self.ctx.settings, folder)
        except PermissionDenied as exc:
            self.message.show_problem(exc.localized())
            return
        self.refresh()
        self.message.show_ok(
            self.tr("Saved. The window writes a daily anchor to {folder}.").format(folder=folder)
            if folder
            else self.tr("Saved. No daily anchor is written any more.")
        )
        self.folder_changed.emit(folder)

    def on_choose_button_clicked(self) -> None:
        """选择…: the folder picker (a USB stick, a share)."""
        if not self.can_edit:
            return
        folder = self.ctx.dialogs.choose_folder(
            self, self.tr("Folder of the daily audit anchors"), self.ctx.settings.anchor_dir
        )
        if folder:
            self.set_folder(folder)

    def on_clear_button_clicked(self) -> None:
        """不再写入: no folder, no daily anchor."""
        if self.can_edit:
            self.set_folder("")

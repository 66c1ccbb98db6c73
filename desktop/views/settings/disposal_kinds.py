"""处置方式: the kinds a 处置 of a warning may have (约谈、责令整改、通报、移送、其他 by default) — one
store-wide setting, changed by roles with ``Permission.EDIT_SETTINGS``, audited by the service."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.cases.dto import DisposalKinds
from desktop.cases.supervision_settings import DEFAULT_DISPOSAL_KINDS, disposal_kinds, save_disposal_kinds
from desktop.context import AppContext
from desktop.core.errors import UserFacingError
from desktop.core.security import Permission
from desktop.views.common.look import InlineMessage, note_label
from desktop.views.common.page_tools import local_time

SEPARATOR = "、"
_SPLIT = re.compile(r"[、,，;；\n]+")


def parse_kinds(text: str) -> list[str]:
    """The kinds typed, separated by 、 , ， ; or ；."""
    return [k.strip() for k in _SPLIT.split(text) if k.strip()]


class DisposalKindsSection(QGroupBox):
    """The kinds in one line (separated by 、), who changed them last, 保存 and 恢复默认值."""

    kinds_saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Kinds of handling"), parent)
        self.setObjectName("disposalKindsSection")
        self.ctx = ctx
        self.can_edit = ctx.user.can(Permission.EDIT_SETTINGS)
        self.saved = DisposalKinds(DEFAULT_DISPOSAL_KINDS, "", "", 0)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note_label(
                self.tr(
                    "The kinds a supervisor chooses from when handling a warning, separated by 、. "
                    "Handlings already made keep their kind."
                ),
                self,
            )
        )
        self.edit = QLineEdit(self)
        self.edit.setObjectName("disposalKinds")
        self.edit.setReadOnly(not self.can_edit)
        self.edit.textEdited.connect(self.on_edit_text_edited)
        layout.addWidget(self.edit)
        self.changed_label = note_label("", self)
        layout.addWidget(self.changed_label)
        self.message = InlineMessage(self)
        layout.addWidget(self.message)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveDisposalKinds")
        self.save_button.clicked.connect(self.on_save_button_clicked)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.clicked.connect(self.on_defaults_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.defaults_button)
        if not self.can_edit:
            row.addWidget(note_label(self.tr("Read only: your role may not change these settings."), self), 1)
        row.addStretch(1)
        layout.addLayout(row)
        self.save_button.setVisible(self.can_edit)
        self.defaults_button.setVisible(self.can_edit)
        self.refresh()

    def refresh(self) -> None:
        """Read the kinds in force (through the task runner)."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: disposal_kinds(ctx.store, ctx.user),
            self.on_kinds_loaded,
            parent_widget=self,
            key=f"disposal-kinds-{id(self)}",
        )

    def on_kinds_loaded(self, current: DisposalKinds) -> None:
        """Show the kinds read."""
        self.message.clear_text()
        self._show(current)

    def _show(self, current: DisposalKinds) -> None:
        self.saved = current
        self.edit.setText(SEPARATOR.join(current.kinds))
        self.changed_label.setText(
            self.tr("Last changed by {who} at {when}.").format(
                who=current.updated_by, when=local_time(current.updated_at)
            )
            if current.updated_by
            else self.tr("The default kinds; never changed.")
        )
        self._update_buttons()

    def kinds(self) -> list[str]:
        """The kinds as typed."""
        return parse_kinds(self.edit.text())

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.can_edit and tuple(self.kinds()) != self.saved.kinds)
        self.defaults_button.setEnabled(self.can_edit and tuple(self.kinds()) != DEFAULT_DISPOSAL_KINDS)

    def on_edit_text_edited(self, _text: str) -> None:
        """An edit: the last message no longer applies."""
        self.message.clear_text()
        self._update_buttons()

    def on_defaults_button_clicked(self) -> None:
        """恢复默认值: the default kinds in the field, saved only with 保存."""
        self.edit.setText(SEPARATOR.join(DEFAULT_DISPOSAL_KINDS))
        self._update_buttons()

    def on_save_button_clicked(self) -> None:
        """保存: write the kinds for every workstation (audited)."""
        ctx, kinds, version = self.ctx, self.kinds(), self.saved.version
        self.save_button.setEnabled(False)
        ctx.tasks.run(
            lambda _progress, _cancelled: save_disposal_kinds(ctx.store, ctx.user, version, kinds),
            on_done=self.on_save_done,
            on_error=self.on_save_failed,
            label=self.tr("Saving the kinds of handling"),
            parent_widget=self,
            cancellable=False,
        )

    def on_save_done(self, current: DisposalKinds) -> None:
        """Saved: show who and when, and say so."""
        self._show(current)
        self.message.show_ok(self.tr("Saved. The handling dialog offers these kinds from now on."))
        self.kinds_saved.emit(current.kinds)

    def on_save_failed(self, exc: BaseException) -> None:
        """Refused: explain (a bug goes to the crash dialog)."""
        self._update_buttons()
        if isinstance(exc, UserFacingError):
            self.message.show_problem(exc.localized())
        else:
            self.ctx.dialogs.show_error(self, exc)

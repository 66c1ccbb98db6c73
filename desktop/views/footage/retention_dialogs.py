"""The retention tab's dialogs: the footage settings (the retention periods, the free-space
warning, parallel transfers) and a supervisor's decision on a deletion list (approve with a
note, or reject with why)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from desktop.context import AppContext
from desktop.devices.deletion import approve_deletion, reject_deletion
from desktop.devices.dto import DeletionList
from desktop.devices.evidence import EvidenceStore
from desktop.devices.retention import FootageSettings, save_footage_settings
from desktop.views.common.forms import FormDialog


class FootageSettingsDialog(FormDialog):
    """普通, 重要 and evidence periods, the free-space warning and parallel transfers."""

    settings_saved = Signal(object)

    def __init__(self, ctx: AppContext, current: FootageSettings, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Footage settings"), parent)
        self.spins: dict[str, QSpinBox] = {}
        for field, label, low, high, suffix in (
            ("normal_months", self.tr("Ordinary footage kept"), 6, 1200, self.tr(" months")),
            ("important_months", self.tr("Important footage kept"), 1, 1200, self.tr(" months")),
            ("evidence_years", self.tr("Evidence kept after the case closed"), 1, 100, self.tr(" years")),
            ("min_free_gb", self.tr("Warn below this free space"), 0, 100_000, " GB"),
            ("parallel_transfers", self.tr("Files transferred at once"), 1, 16, ""),
        ):
            spin = QSpinBox(self)
            spin.setObjectName(field)
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            spin.setValue(getattr(current, field))
            self.marks.add_row(field, label, spin)
            self.spins[field] = spin

    def values(self) -> FootageSettings:
        """The settings as filled in."""
        return FootageSettings(**{k: s.value() for k, s in self.spins.items()})

    def save_work(self) -> Callable[[], Any]:
        """Save for every workstation."""
        ctx, values = self.ctx, self.values()
        return lambda: save_footage_settings(ctx.store, ctx.user, values)

    def saved(self, result: FootageSettings) -> None:
        """Tell the panel."""
        self.settings_saved.emit(result)


class DecisionDialog(FormDialog):
    """Approve (the files are deleted at once) or reject a proposed deletion list."""

    decided = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        row: DeletionList,
        approve: bool,
        evidence: Callable[[], EvidenceStore],
        parent: QWidget | None = None,
    ) -> None:
        title = (
            self.tr("Approve deletion list {id}") if approve else self.tr("Reject deletion list {id}")
        ).format(id=row.id)
        ok = self.tr("Approve and delete") if approve else self.tr("Reject")
        super().__init__(ctx, title, parent, ok_text=ok)
        self.row, self.approve, self.evidence = row, approve, evidence
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("note")
        self.note_edit.setPlaceholderText(
            self.tr("Optional") if approve else self.tr("Why the files are to be kept")
        )
        self.note_edit.textEdited.connect(lambda _t: self.touch("note"))
        self.marks.add_row("note", self.tr("Note"), self.note_edit)
        self.notice.setText(
            self.tr(
                "{files} file(s) proposed by {user}: {reason}. Approving deletes their bytes from the "
                "evidence folder; files linked to a case since are kept."
            ).format(files=row.files, user=row.proposed_by, reason=row.reason)
            if approve
            else self.tr("{files} file(s) proposed by {user}: {reason}.").format(
                files=row.files, user=row.proposed_by, reason=row.reason
            )
        )
        self.notice.show()

    def problems(self) -> dict[str, str]:
        """A rejection says why."""
        if not self.approve and not self.note_edit.text().strip():
            return {"note": self.tr("Say why the list is rejected.")}
        return {}

    def save_work(self) -> Callable[[], Any]:
        """Approve (and delete) or reject."""
        ctx, list_id, note = self.ctx, self.row.id, self.note_edit.text()
        if self.approve:
            evidence = self.evidence
            return lambda: approve_deletion(ctx.store, ctx.user, evidence(), list_id, ctx.today(), note)
        return lambda: reject_deletion(ctx.store, ctx.user, list_id, note)

    def saved(self, result: DeletionList) -> None:
        """Tell the panel."""
        self.decided.emit(result)

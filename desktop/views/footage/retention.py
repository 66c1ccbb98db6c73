"""保留期 / 删除清单: the retention periods in force, the files whose retention has passed (a
clerk proposes them for deletion, saying why), and the deletion lists (a supervisor other than
the proposer approves — the files are deleted at once — or rejects, saying why)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.i18n import translate
from desktop.core.security import Permission
from desktop.devices.custody import evidence_dir
from desktop.devices.deletion import APPROVE, deletion_items, list_deletions, propose_deletion
from desktop.devices.dto import DeletionItem, DeletionList
from desktop.devices.evidence import EvidenceStore
from desktop.devices.retention import (
    CLASS_TITLES,
    DueFile,
    FootageSettings,
    due_for_deletion,
    footage_settings,
)
from desktop.views.common.page_tools import local_time
from desktop.views.footage.retention_dialogs import DecisionDialog, FootageSettingsDialog

SHOWN = 1000
"""Files due listed at most (the table stays quick); a proposal without a selection takes all."""


def class_title(value: str) -> str:
    """普通 · 重要 · 证据 in the interface's language."""
    return translate("retention", CLASS_TITLES.get(value, value))


def _table(parent: QWidget, name: str, headers: list[str], widths: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for i, values in enumerate(rows):
        for j, text in enumerate(values):
            table.setItem(i, j, QTableWidgetItem(text))


class RetentionPanel(QWidget):
    """The periods, the files due, the deletion lists and their files."""

    changed = Signal()
    """Files were deleted or the periods changed: the library reads again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings: FootageSettings | None = None
        self.due: tuple[DueFile, ...] = ()
        self.lists: tuple[DeletionList, ...] = ()
        self.dialog: FootageSettingsDialog | DecisionDialog | None = None
        user = ctx.user
        self.periods = QLabel(self)
        self.periods.setObjectName("retentionPeriods")
        self.settings_button = self._button(
            self.tr("Settings…"), self.edit_settings, user.can(Permission.EDIT_SETTINGS)
        )
        top = QHBoxLayout()
        top.addWidget(self.periods, 1)
        top.addWidget(self.settings_button)
        self.due_table = _table(
            self,
            "dueFiles",
            [
                self.tr("Start"),
                self.tr("Officer no."),
                self.tr("Device"),
                self.tr("Size"),
                self.tr("Retention"),
                self.tr("Kept until"),
                self.tr("Agency"),
                self.tr("File name"),
            ],
            (150, 90, 90, 90, 70, 100, 140),
        )
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("deletionReason")
        self.reason_edit.setPlaceholderText(self.tr("Why, e.g. 保存期满，未作为证据使用"))
        self.propose_button = self._button(
            self.tr("Propose for deletion"), self.propose, user.can(Permission.EDIT_CASES)
        )
        self.reason_edit.setVisible(user.can(Permission.EDIT_CASES))
        propose_row = QHBoxLayout()
        propose_row.addWidget(QLabel(self.tr("Reason:"), self))
        propose_row.addWidget(self.reason_edit, 1)
        propose_row.addWidget(self.propose_button)
        self.due_caption = QLabel(self)
        due_box = QGroupBox(self.tr("Retention passed, not linked to a case"), self)
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(self.due_caption)
        due_layout.addWidget(self.due_table, 1)
        due_layout.addLayout(propose_row)
        self.lists_table = _table(
            self,
            "deletionLists",
            [
                self.tr("No."),
                self.tr("State"),
                self.tr("Proposed by"),
                self.tr("Proposed on"),
                self.tr("Decided by"),
                self.tr("Decided on"),
                self.tr("Files"),
                self.tr("Deleted"),
                self.tr("Kept"),
                self.tr("Reason"),
            ],
            (40, 70, 84, 120, 78, 120, 45, 55, 45),
        )
        self.items_table = _table(
            self,
            "deletionItems",
            [
                self.tr("Start"),
                self.tr("Officer no."),
                self.tr("Kept until"),
                self.tr("Outcome"),
                self.tr("File name"),
            ],
            (140, 70, 90, 70),
        )
        can_decide = user.can(APPROVE)
        self.approve_button = self._button(self.tr("Approve and delete…"), self.approve_current, can_decide)
        self.reject_button = self._button(self.tr("Reject…"), self.reject_current, can_decide)
        decide_row = QHBoxLayout()
        decide_row.addStretch(1)
        decide_row.addWidget(self.approve_button)
        decide_row.addWidget(self.reject_button)
        lists_box = QGroupBox(self.tr("Deletion lists"), self)
        lists_layout = QHBoxLayout(lists_box)
        left = QVBoxLayout()
        left.addWidget(self.lists_table, 1)
        left.addLayout(decide_row)
        lists_layout.addLayout(left, 3)
        lists_layout.addWidget(self.items_table, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(due_box, 1)
        layout.addWidget(lists_box, 1)
        self.lists_table.itemSelectionChanged.connect(self.on_lists_table_item_selection_changed)
        self.on_lists_table_item_selection_changed()
        self.show_due(())

    def _button(self, text: str, slot: object, visible: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.setVisible(visible)
        return button

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the periods, the files due and the lists (on the task runner)."""
        ctx, today = self.ctx, self.ctx.today()
        ctx.tasks.load(
            lambda: footage_settings(ctx.store, ctx.user),
            self.show_settings,
            parent_widget=self,
            key=f"retention-settings-{id(self)}",
        )
        ctx.tasks.load(
            lambda: due_for_deletion(ctx.store, ctx.user, today),
            self.show_due,
            parent_widget=self,
            key=f"retention-due-{id(self)}",
        )
        ctx.tasks.load(
            lambda: list_deletions(ctx.store, ctx.user),
            self.show_lists,
            parent_widget=self,
            key=f"retention-lists-{id(self)}",
        )

    def show_settings(self, settings: FootageSettings) -> None:
        """The periods in force."""
        self.settings = settings
        self.periods.setText(
            self.tr(
                "Kept: ordinary {normal} months, important {important} months, evidence {evidence} years "
                "after its case closed (never deleted while linked). The longest that applies wins."
            ).format(
                normal=settings.normal_months,
                important=settings.important_months,
                evidence=settings.evidence_years,
            )
        )

    def show_due(self, due: tuple[DueFile, ...]) -> None:
        """The files a clerk may propose."""
        self.due = due
        _fill(
            self.due_table,
            [
                [
                    f"{d.start:%Y-%m-%d %H:%M:%S}",
                    d.officer,
                    d.device,
                    f"{d.size:,}",
                    class_title(d.retention_class),
                    d.retain_until.isoformat(),
                    d.agency_name or "",
                    d.source_name,
                ]
                for d in due[:SHOWN]
            ],
        )
        self.due_caption.setText(
            self.tr("{n} file(s) may be proposed for deletion today ({size:,.1f} MB).").format(
                n=len(due), size=sum(d.size for d in due) / 1024 / 1024
            )
            if due
            else self.tr("No file's retention has passed.")
        )
        if len(due) > SHOWN:
            self.due_caption.setText(
                self.due_caption.text()
                + self.tr(
                    " The oldest {shown} are listed; proposing without a selection takes them all."
                ).format(shown=SHOWN)
            )
        self.propose_button.setEnabled(bool(due))

    def show_lists(self, lists: tuple[DeletionList, ...]) -> None:
        """The deletion lists, newest first."""
        selected = self.current()
        self.lists = lists
        states = {
            "proposed": self.tr("Proposed"),
            "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"),
            "deleted": self.tr("Deleted"),
        }
        _fill(
            self.lists_table,
            [
                [
                    str(d.id),
                    states.get(d.state, d.state),
                    d.proposed_by,
                    local_time(d.proposed_at),
                    d.decided_by or "",
                    local_time(d.decided_at) if d.decided_at else "",
                    str(d.files),
                    str(d.deleted),
                    str(d.kept),
                    d.reason + (f" — {d.decision_note}" if d.decision_note else ""),
                ]
                for d in lists
            ],
        )
        for i, d in enumerate(lists):
            if selected is not None and d.id == selected.id:
                self.lists_table.selectRow(i)
        self.on_lists_table_item_selection_changed()

    def show_items(self, items: tuple[DeletionItem, ...]) -> None:
        """The selected list's files."""
        outcomes = {"deleted": self.tr("Deleted"), "kept": self.tr("Kept")}
        _fill(
            self.items_table,
            [
                [
                    f"{i.start:%Y-%m-%d %H:%M:%S}",
                    i.officer,
                    i.retain_until,
                    outcomes.get(i.outcome or "", self.tr("Undecided")),
                    i.source_name,
                ]
                for i in items
            ],
        )

    def current(self) -> DeletionList | None:
        """The selected deletion list."""
        row = self.lists_table.currentRow()
        return self.lists[row] if 0 <= row < len(self.lists) and self.lists_table.selectedItems() else None

    # -- actions ------------------------------------------------------------------------------

    def propose(self) -> None:
        """Propose every file due (the selected ones, when some are selected), with the reason."""
        reason = self.reason_edit.text().strip()
        if not reason:
            self.ctx.dialogs.warn(
                self, self.tr("Propose for deletion"), self.tr("Say why the files are to be deleted.")
            )
            self.reason_edit.setFocus()
            return
        rows = sorted({i.row() for i in self.due_table.selectedIndexes()})
        chosen = [self.due[r].sha256 for r in rows] or None
        ctx, today = self.ctx, self.ctx.today()
        ctx.tasks.run(
            lambda _p, _c: propose_deletion(ctx.store, ctx.user, reason, today, chosen),
            on_done=self.on_proposed,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc, on_reload=self.refresh),
            label=self.tr("Proposing"),
            parent_widget=self,
            cancellable=False,
        )

    def edit_settings(self) -> FootageSettingsDialog | None:
        """Change the periods and limits."""
        if self.settings is None:
            return None
        dialog = FootageSettingsDialog(self.ctx, self.settings, self)
        dialog.settings_saved.connect(self.on_decided)
        return self._open(dialog)

    def approve_current(self) -> DecisionDialog | None:
        """Approve the selected list (its files are deleted)."""
        return self._decide(True)

    def reject_current(self) -> DecisionDialog | None:
        """Reject the selected list."""
        return self._decide(False)

    def _decide(self, approve: bool) -> DecisionDialog | None:
        row = self.current()
        if row is None or row.state not in (("proposed", "approved") if approve else ("proposed",)):
            return None  # an approved list whose deletion was cut short is finished by approving again
        ctx = self.ctx
        dialog = DecisionDialog(ctx, row, approve, lambda: EvidenceStore(evidence_dir(ctx.store)), self)
        dialog.decided.connect(self.on_decided)
        return self._open(dialog)

    def _open(self, dialog: FootageSettingsDialog | DecisionDialog) -> FootageSettingsDialog | DecisionDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.open()
        return dialog

    # -- slots --------------------------------------------------------------------------------

    def on_proposed(self, result: DeletionList) -> None:
        """Proposed: say so, read again."""
        self.reason_edit.clear()
        self.ctx.dialogs.info(
            self,
            self.tr("Propose for deletion"),
            self.tr("Deletion list {id} with {files} file(s) awaits a supervisor's decision.").format(
                id=result.id, files=result.files
            ),
        )
        self.refresh()

    def on_decided(self, _result: object) -> None:
        """A list decided or the settings changed: read again, tell the page."""
        self.refresh()
        self.changed.emit()

    def on_lists_table_item_selection_changed(self) -> None:
        """Decisions need a proposed list; show its files."""
        row = self.current()
        self.approve_button.setEnabled(row is not None and row.state in ("proposed", "approved"))
        self.reject_button.setEnabled(row is not None and row.state == "proposed")
        if row is None:
            self.items_table.setRowCount(0)
            return
        ctx, list_id = self.ctx, row.id
        ctx.tasks.load(
            lambda: deletion_items(ctx.store, ctx.user, list_id),
            self.show_items,
            parent_widget=self,
            key=f"retention-items-{id(self)}",
        )

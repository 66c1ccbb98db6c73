"""The proctor's view of an on-screen sitting: the sitting's code to announce, each candidate's
state, progress and time left (read again every few seconds), and time added to one candidate."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.exam.dto import SittingOut
from desktop.exam.onscreen import (
    IN_PROGRESS,
    NOT_OPENED,
    SUBMITTED,
    ProctorRow,
    add_time,
    proctor_rows,
    sitting_code,
)
from desktop.views.common.look import scaled_font


class ProctorDialog(QDialog):
    """Candidates of one sitting with their progress; 加时 for the selected one."""

    def __init__(self, ctx: AppContext, sitting: SittingOut, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.sitting = ctx, sitting
        self.rows: tuple[ProctorRow, ...] = ()
        self.setWindowTitle(self.tr("Proctor — {name}").format(name=sitting.name))
        self.code_label = QLabel(self)
        self.code_label.setObjectName("code")
        self.code_label.setFont(scaled_font(self, 1.4, bold=True))
        headers = [
            self.tr("Paper no."),
            self.tr("Name"),
            self.tr("State"),
            self.tr("Answered"),
            self.tr("Time left"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 120)
        self.minutes.setValue(10)
        self.minutes.setSuffix(self.tr(" min"))
        self.add_button = QPushButton(self.tr("Add time"), self)
        self.add_button.clicked.connect(self.on_add_button_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.minutes)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(760, 520)
        self.timer = QTimer(self)
        self.timer.setInterval(5000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.tasks.load(
            lambda: sitting_code(ctx.store, ctx.user, sitting.id),
            lambda code: self.code_label.setText(self.tr("Sitting code: {code}").format(code=code)),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
        )
        self.refresh()

    def refresh(self) -> None:
        """Read the candidates again (off the GUI thread)."""
        ctx, sitting_id = self.ctx, self.sitting.id
        ctx.tasks.load(
            lambda: proctor_rows(ctx.store, ctx.user, sitting_id),
            self.show_rows,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
        )

    def show_rows(self, rows: tuple[ProctorRow, ...]) -> None:
        states = {
            NOT_OPENED: self.tr("Not started"),
            IN_PROGRESS: self.tr("Sitting"),
            SUBMITTED: self.tr("Submitted"),
        }
        selected = self.table.currentRow()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            left = "" if r.remaining is None else f"{r.remaining // 60}:{r.remaining % 60:02d}"
            for j, value in enumerate(
                (r.paper_no, r.name, states[r.state], f"{r.answered}/{r.questions}", left)
            ):
                self.table.setItem(i, j, QTableWidgetItem(value))
        if 0 <= selected < len(rows):
            self.table.selectRow(selected)

    def on_add_button_clicked(self) -> None:
        """Add the chosen minutes to the selected candidate (audited)."""
        index = self.table.currentRow()
        if not 0 <= index < len(self.rows):
            return
        ctx, paper_no, minutes, sitting_id = (
            self.ctx,
            self.rows[index].paper_no,
            self.minutes.value(),
            self.sitting.id,
        )
        ctx.tasks.run(
            lambda _p, _c: add_time(ctx.store, ctx.user, sitting_id, paper_no, minutes),
            on_done=lambda _s: self.refresh(),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Adding time"),
            parent_widget=self,
            cancellable=False,
        )

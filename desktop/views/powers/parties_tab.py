"""相对人: one party's cases across agencies, found by the party's 证件号码 (a person's number only
by roles that may see whole numbers), with whether they are a repeat party."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from desktop.powers.dto import PartyRecord
from desktop.powers.parties import show_party
from desktop.views.common.lazy_table import format_money


class PartiesTab(QWidget):
    """A number to look up, and the party's cases."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("party_number")
        self.number_edit.setPlaceholderText(self.tr("身份证号 or 统一社会信用代码"))
        self.number_edit.setMaximumWidth(320)
        self.number_edit.returnPressed.connect(self.look_up)
        self.find_button = QPushButton(self.tr("Show cases"), self)
        self.find_button.clicked.connect(self.look_up)
        row.addWidget(self.number_edit)
        row.addWidget(self.find_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel(self.tr("Enter a party's number to see all their cases across agencies."), self)
        self.summary.setObjectName("party_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.cases = QTableWidget(0, 7, self)
        self.cases.setObjectName("party_cases")
        self.cases.setHorizontalHeaderLabels(
            [
                self.tr("Case number"),
                self.tr("Agency"),
                self.tr("Category"),
                self.tr("Filed"),
                self.tr("Decided"),
                self.tr("Penalty kinds"),
                self.tr("Amount (yuan)"),
            ]
        )
        self.cases.verticalHeader().hide()
        self.cases.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.cases, 1)

    def refresh(self) -> None:
        """Look the current number up again."""
        if self.number_edit.text().strip():
            self.look_up()

    def look_up(self) -> None:
        """Read the party's cases (off the GUI thread)."""
        number = self.number_edit.text().strip()
        if not number:
            return
        ctx = self.ctx
        ctx.tasks.load(
            lambda: show_party(ctx.store, ctx.user, number, as_of=ctx.today()),
            self.show_record,
            on_error=self.on_look_up_failed,
            parent_widget=self,
            key=f"party-{id(self)}",
        )

    def on_look_up_failed(self, exc: BaseException) -> None:
        """No such party, or the user may not search by a person's number: say so."""
        self.cases.setRowCount(0)
        self.summary.setText(exc.localized() if hasattr(exc, "localized") else str(exc))

    def show_record(self, record: PartyRecord) -> None:
        """The party's names and cases; a repeat party said so."""
        text = self.tr("{number} · {names} · {count} case(s)").format(
            number=record.id_number, names="、".join(record.names), count=len(record.cases)
        )
        if record.repeat:
            text += " · " + self.tr("repeat party: punished {n} times in the last 12 months").format(
                n=record.punished_last_year
            )
        self.summary.setText(text)
        self.cases.setRowCount(len(record.cases))
        for row, c in enumerate(record.cases):
            values = (
                c.case_no,
                c.agency,
                c.category,
                c.filed_on.isoformat(),
                c.decided_on.isoformat() if c.decided_on else "",
                "、".join(c.penalty_kinds),
                format_money(c.amount) if c.amount is not None else "",
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.cases.setItem(row, col, item)
        self.cases.resizeColumnsToContents()

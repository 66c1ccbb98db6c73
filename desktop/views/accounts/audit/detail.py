"""The audit record's detail: who did what when, before and after side by side, and its hash."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.audit import AuditRow
from desktop.views.accounts.audit.titles import (
    FIELDS,
    action_title,
    entity_title,
    field_title,
    flatten,
    value_text,
)
from desktop.views.common.detail_panel import DetailPanel
from desktop.views.common.page_tools import local_time

CHANGED_BACKGROUND = "#FEF3D6"


def diff_rows(before: dict | None, after: dict | None) -> list[tuple[str, str, str, bool]]:
    """(field, before, after, changed) for every field of either side, in the form's order."""
    old, new = flatten(before), flatten(after)
    order = {key: n for n, key in enumerate(FIELDS)}
    keys = sorted(dict.fromkeys([*old, *new]), key=lambda k: (order.get(k, len(order)), k))
    compare = before is not None and after is not None
    return [
        (
            key,
            value_text(key, old.get(key)) if before is not None else "",
            value_text(key, new.get(key)) if after is not None else "",
            compare and old.get(key) != new.get(key),
        )
        for key in keys
    ]


class AuditDetail(DetailPanel):
    """One record: a heading, the field-by-field comparison (changes highlighted), the hash."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, wrap=False)
        self.record: AuditRow | None = None
        self.set_placeholder_text(self.tr("Select a record to see what it changed."))
        self.set_body(self._body())

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        self.heading = QLabel(body)
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = self._diff_table(body)
        self.no_fields = QLabel(self.tr("This record carries no field values."), body)
        self.no_fields.setEnabled(False)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_fields)
        layout.addLayout(self._hash_row(body))
        return body

    def _diff_table(self, parent: QWidget) -> QTableWidget:
        table = QTableWidget(0, 3, parent)
        table.setObjectName("diff")
        table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, 200)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 8)
        return table

    def _hash_row(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel(self.tr("Record hash"), parent)
        caption.setEnabled(False)
        self.hash_label = QLabel(parent)
        self.hash_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(caption)
        row.addWidget(self.hash_label, 1)
        return row

    # -- showing a record ---------------------------------------------------------------------

    def show_record(self, record: AuditRow | None) -> None:
        """Show ``record`` (None: say what to do)."""
        self.record = record
        self.show_body(record is not None)
        if record is None:
            return
        self.heading.setText(
            self.tr("Record {id} · {time} · {user} · {action} {entity} {number}")
            .format(
                id=record.id,
                time=local_time(record.at, seconds=True),
                user=record.actor,
                action=action_title(record.action),
                entity=entity_title(record.entity),
                number=record.entity_id,
            )
            .strip()
        )
        self.summary.setText(record.summary)
        self.summary.setVisible(bool(record.summary))
        self._fill(diff_rows(record.before, record.after))
        self.hash_label.setText(record.hash)

    def _fill(self, rows: list[tuple[str, str, str, bool]]) -> None:
        self.table.setRowCount(len(rows))
        brush = QBrush(QColor(CHANGED_BACKGROUND))
        for r, (key, old, new, changed) in enumerate(rows):
            cells = (field_title(key), old, new)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if changed:
                    item.setBackground(brush)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.setVisible(bool(rows))
        self.no_fields.setVisible(not rows)

    def changed_fields(self) -> list[str]:
        """The fields shown as changed (tests)."""
        return (
            [key for key, _old, _new, changed in diff_rows(self.record.before, self.record.after) if changed]
            if self.record
            else []
        )

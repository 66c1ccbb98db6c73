"""The detail beside a power: its legal basis and its discretion bands (裁量档次) in a small table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.powers.dto import PowerRow
from desktop.views.common.detail_panel import DetailPanel
from desktop.views.common.lazy_table import format_money
from desktop.views.common.value_titles import value_title


class BandsPanel(DetailPanel):
    """The chosen power: name, legal basis, dates, and one row per band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, min_width=320)
        self.set_placeholder_text(self.tr("Choose a power to see its discretion bands."))
        body = QWidget(self)
        box = QVBoxLayout(body)
        box.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(body)
        self.title.setObjectName("power_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.basis = QLabel(body)
        self.basis.setObjectName("power_basis")
        self.basis.setWordWrap(True)
        self.basis.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bands = QTableWidget(0, 4, body)
        self.bands.setObjectName("bands")
        self.bands.setHorizontalHeaderLabels(
            [self.tr("Band"), self.tr("Penalty kinds"), self.tr("Fine (yuan)"), self.tr("Circumstances")]
        )
        self.bands.verticalHeader().hide()
        self.bands.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.bands.setWordWrap(True)
        self.bands.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for widget in (self.title, self.basis):
            box.addWidget(widget)
        box.addWidget(self.bands, 1)
        self.set_body(body)
        self.show_placeholder()

    def show_power(self, power: PowerRow | None) -> None:
        """Show ``power`` (None: the placeholder)."""
        if power is None:
            self.show_placeholder()
            return
        self.title.setText(f"{power.code}  {power.name}")
        until = power.expires_on.isoformat() if power.expires_on else self.tr("in force")
        self.basis.setText(
            self.tr("{category} · {agency} · {start} – {until}\n{basis}").format(
                category=value_title(power.category),
                agency=power.agency,
                start=power.effective_on.isoformat(),
                until=until,
                basis=power.legal_basis,
            )
        )
        self.bands.setRowCount(len(power.bands))
        for row, band in enumerate(power.bands):
            fine = (
                f"{format_money(band.fine_min)} – {format_money(band.fine_max)}"
                if band.fine_min is not None or band.fine_max is not None
                else "—"
            )
            for col, text in enumerate(
                (band.band, value_title("、".join(band.penalty_kinds)) or "—", fine, band.circumstances or "")
            ):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.bands.setItem(row, col, item)
        self.bands.resizeColumnsToContents()
        self.bands.resizeRowsToContents()
        self.show_body()

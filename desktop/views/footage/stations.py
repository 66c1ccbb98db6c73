"""The docking stations tab: every station (export folders and HTTP stations) with its last
import and what it left unresolved; add, edit, test the connection, import now; the officer and
device numbers nobody has mapped yet, each mapped once (an officer, or a device's agency)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.paging import ListQuery
from desktop.core.security import Permission
from desktop.devices.dto import StationRow, UnknownNumber
from desktop.devices.import_all import StationOutcome
from desktop.devices.importer import FootageImportResult
from desktop.devices.library import unknown_numbers
from desktop.devices.station_service import list_stations, test_station
from desktop.personnel.service import list_officers
from desktop.views.common.page_tools import local_time, scoped_agencies
from desktop.views.footage.dialogs import MapNumberDialog, StationDialog
from desktop.views.footage.work import import_all_summary, import_summary, start_import, start_import_all


class StationsPanel(QWidget):
    """The stations table, its buttons and the selected station's last result."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: tuple[StationRow, ...] = ()
        self.dialog: StationDialog | None = None
        self.map_dialog: MapNumberDialog | None = None
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("stations")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Folder or URL"),
                self.tr("Last import"),
                self.tr("Result"),
            ]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for column, width in enumerate((140, 80, 360, 160)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.result = QLabel(self)
        self.result.setObjectName("stationResult")
        self.result.setWordWrap(True)
        self.unknown = QListWidget(self)
        self.unknown.setObjectName("unknownNumbers")
        self.unknown.setMaximumHeight(110)
        self.map_button = self._button(
            self.tr("Map to officer…"), self.map_current, ctx.user.can(Permission.EDIT_CASES)
        )
        self.unknown.currentItemChanged.connect(self.on_unknown_current_item_changed)
        can_edit = ctx.user.can(Permission.EDIT_CASES)
        self.new_button = self._button(self.tr("New station…"), self.new_station, can_edit)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_station, can_edit)
        self.test_button = self._button(self.tr("Test connection"), self.test_connection, True)
        self.import_button = self._button(self.tr("Import now"), self.import_now, can_edit)
        self.import_all_button = self._button(self.tr("Import all stations"), self.import_all, can_edit)
        buttons = QHBoxLayout()
        for b in (
            self.new_button,
            self.edit_button,
            self.test_button,
            self.import_button,
            self.import_all_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        unknown_row = QHBoxLayout()
        unknown_row.addWidget(QLabel(self.tr("Officer and device numbers not yet mapped:"), self))
        unknown_row.addStretch(1)
        unknown_row.addWidget(self.map_button)
        layout.addLayout(unknown_row)
        layout.addWidget(self.unknown)
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        self.on_table_item_selection_changed()

    def _button(self, text: str, slot: object, visible: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.setVisible(visible)
        return button

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the stations (on the task runner)."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: list_stations(ctx.store, ctx.user),
            self.show_rows,
            parent_widget=self,
            key=f"stations-{id(self)}",
        )
        ctx.tasks.load(
            lambda: unknown_numbers(ctx.store, ctx.user),
            self.show_unknown,
            parent_widget=self,
            key=f"unknown-{id(self)}",
        )

    def show_unknown(self, numbers: tuple[UnknownNumber, ...]) -> None:
        """The 警号 and device numbers nobody has mapped yet, with how many files each."""
        self.unknown.clear()
        for n in numbers:
            text = (
                self.tr("Officer no. {number} ({files} files)")
                if n.kind == "officer"
                else self.tr("Device {number} ({files} files)")
            )
            item = QListWidgetItem(text.format(number=n.number, files=n.files))
            item.setData(256, n.number)
            item.setData(257, n.kind)
            self.unknown.addItem(item)
        self.map_button.setEnabled(self.unknown.count() > 0)
        self.on_unknown_current_item_changed(self.unknown.currentItem() or self.unknown.item(0))

    def on_unknown_current_item_changed(self, item: QListWidgetItem | None, *_: object) -> None:
        """The button says what the chosen number is mapped to."""
        device = item is not None and item.data(257) == "device"
        self.map_button.setText(self.tr("Map device to agency…") if device else self.tr("Map to officer…"))

    def map_current(self) -> None:
        """Map the selected number: read the officers (the agencies for a device), then ask."""
        item = self.unknown.currentItem() or self.unknown.item(0)
        if item is None:
            return
        number, kind, ctx = item.data(256), item.data(257), self.ctx
        if kind == "device":
            ctx.tasks.load(
                lambda: tuple(scoped_agencies(ctx)),
                lambda agencies: self._open_map(number, agencies, "device"),
                parent_widget=self,
                key=f"agencies-{id(self)}",
            )
            return
        ctx.tasks.load(
            lambda: list_officers(ctx.store, ctx.user, ListQuery(limit=None)).items,
            lambda officers: self._open_map(number, officers),
            parent_widget=self,
            key=f"officers-{id(self)}",
        )

    def _open_map(self, number: str, choices: tuple, kind: str = "officer") -> MapNumberDialog:
        if self.map_dialog is not None:
            self.map_dialog.close()
        self.map_dialog = MapNumberDialog(self.ctx, number, choices, self, kind=kind)
        self.map_dialog.mapped.connect(self.on_map_dialog_mapped)
        self.map_dialog.open()
        return self.map_dialog

    def on_map_dialog_mapped(self, _files: int) -> None:
        """Mapped: read again and tell the page (its files now name the officer)."""
        self.refresh()
        self.imported.emit(None)

    def show_rows(self, rows: tuple[StationRow, ...]) -> None:
        """Fill the table."""
        selected = self.current()
        self.rows = rows
        self.table.setRowCount(len(rows))
        self.import_all_button.setEnabled(bool(rows))
        kinds = {"folder": self.tr("Folder"), "http": self.tr("HTTP")}
        for i, r in enumerate(rows):
            result = (
                self.tr("{imported} imported, {skipped} skipped, {errors} problem(s)").format(
                    imported=r.last_imported, skipped=r.last_skipped, errors=len(r.last_errors)
                )
                if r.last_import_at
                else self.tr("Not imported yet")
            )
            when = local_time(r.last_import_at)
            for j, text in enumerate((r.name, kinds[r.kind], r.location, when, result)):
                self.table.setItem(i, j, QTableWidgetItem(text))
            if selected is not None and r.id == selected.id:
                self.table.selectRow(i)
        if not rows:
            self.result.setText(self.tr("No stations yet — add an export folder or an HTTP station."))

    def current(self) -> StationRow | None:
        """The selected station."""
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    # -- actions ------------------------------------------------------------------------------

    def new_station(self) -> StationDialog:
        """Add a station."""
        return self._open(None)

    def edit_station(self) -> StationDialog | None:
        """Change the selected station."""
        row = self.current()
        return self._open(row) if row is not None else None

    def _open(self, row: StationRow | None) -> StationDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = StationDialog(self.ctx, row, self)
        self.dialog.station_saved.connect(lambda _r: self.refresh())
        self.dialog.open()
        return self.dialog

    def test_connection(self) -> None:
        """Reach the selected station and say how many files it offers."""
        row = self.current()
        if row is None:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: test_station(ctx.store, ctx.user, row),
            on_done=lambda n: ctx.dialogs.info(
                self,
                self.tr("Test connection"),
                self.tr("{name} answers: {n} file(s) on offer.").format(name=row.name, n=n),
            ),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Testing {name}").format(name=row.name),
            parent_widget=self,
            cancellable=False,
        )

    def import_now(self) -> None:
        """Import the selected station with progress and Cancel."""
        row = self.current()
        if row is not None:
            start_import(
                self.ctx, self, row, self.on_import_done, lambda exc: self.ctx.dialogs.show_error(self, exc)
            )

    def import_all(self) -> None:
        """Import every station side by side (the parallel-transfer limit over all of them)."""
        start_import_all(
            self.ctx, self, self.on_import_all_done, lambda exc: self.ctx.dialogs.show_error(self, exc)
        )

    # -- slots --------------------------------------------------------------------------------

    def on_import_all_done(self, outcomes: tuple[StationOutcome, ...]) -> None:
        """Say what each station's import did, read the stations again, tell the page."""
        self.result.setText(import_all_summary(outcomes))
        self.refresh()
        self.imported.emit(outcomes)

    def on_import_done(self, result: FootageImportResult) -> None:
        """Say what the import did, read the stations again, tell the page."""
        self.result.setText(import_summary(result))
        self.refresh()
        self.imported.emit(result)

    def on_table_item_selection_changed(self) -> None:
        """Buttons need a station; show its last result."""
        row = self.current()
        for b in (self.edit_button, self.test_button, self.import_button):
            b.setEnabled(row is not None)
        if row is not None:
            self.result.setText(
                "\n".join(row.last_errors[:10]) or self.tr("The last import left nothing unresolved.")
            )

"""The footage dialogs: a docking station (name, folder or URL, the vendor's file-name pattern,
an HTTP station's token for the keyring), linking a file to a case (with suggestions) and
mapping an officer or device number."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget

from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.devices.dto import CaseSuggestion, FootageRow, StationInput, StationRow
from desktop.devices.http_station import is_http
from desktop.devices.library import link_footage, map_number
from desktop.devices.names import compile_pattern
from desktop.devices.station_service import save_station
from desktop.views.common.forms import FormDialog


class StationDialog(FormDialog):
    """名称, 位置 (an export folder or an http(s):// URL), 文件名规则, 令牌 — then 保存."""

    station_saved = Signal(object)

    def __init__(self, ctx: AppContext, row: StationRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("Edit station") if row else self.tr("New station"), parent)
        self.row = row
        self.name_edit = self._line("name", self.tr("Name"), self.tr("e.g. 一号采集站"))
        self.location_edit = self._line(
            "location",
            self.tr("Folder or URL"),
            self.tr("An export folder, or http(s):// for a network station"),
        )
        self.pattern_edit = self._line(
            "pattern", self.tr("File-name pattern"), self.tr("Empty: the standard names of FORMATS.md §5")
        )
        self.token_edit = self._line(
            "token", self.tr("Token"), self.tr("HTTP stations: kept in the system keyring")
        )
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for field, edit in (
            ("name", self.name_edit),
            ("location", self.location_edit),
            ("pattern", self.pattern_edit),
        ):
            edit.textEdited.connect(lambda _t, f=field: self.touch(f))
        if row is not None:
            self.name_edit.setText(row.name)
            self.location_edit.setText(row.location)
            self.pattern_edit.setText(row.pattern or "")

    def _line(self, field: str, label: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(field)
        edit.setPlaceholderText(placeholder)
        self.marks.add_row(field, label, edit)
        return edit

    def data(self) -> StationInput:
        """What the user has filled in."""
        return StationInput(
            self.name_edit.text(), self.location_edit.text(), self.pattern_edit.text().strip() or None
        )

    def problems(self) -> dict[str, str]:
        """Name and location are required; a pattern must be a regular expression with the groups."""
        out: dict[str, str] = {}
        data = self.data()
        if not data.name.strip():
            out["name"] = self.tr("Name the station.")
        if not data.location.strip():
            out["location"] = self.tr("Give the station's folder or URL.")
        if data.pattern:
            try:
                compile_pattern(data.pattern)
            except ValidationError as exc:
                out["pattern"] = exc.localized()
        if self.token_edit.text() and not is_http(data.location):
            out["token"] = self.tr("Only an HTTP station has a token.")
        return out

    def save_work(self) -> Callable[[], StationRow]:
        """Add the station, or change it based on the version read."""
        ctx, data, row, token = self.ctx, self.data(), self.row, self.token_edit.text() or None
        return lambda: save_station(
            ctx.store,
            ctx.user,
            data,
            station_id=row.id if row else None,
            version=row.version if row else None,
            token=token,
        )

    def saved(self, result: StationRow) -> None:
        """Tell the page."""
        self.station_saved.emit(result)


class LinkDialog(FormDialog):
    """案号 of the case the file belongs to, with the cases its officer handled then."""

    linked = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        row: FootageRow,
        suggestions: tuple[CaseSuggestion, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("Link to a case"), parent, ok_text=self.tr("Link"))
        self.row = row
        self.case_edit = QLineEdit(self)
        self.case_edit.setObjectName("case_no")
        self.case_edit.setPlaceholderText(self.tr("案号, e.g. X市监罚〔2026〕12号"))
        self.case_edit.setText(row.case_no or "")
        self.case_edit.textEdited.connect(lambda _t: self.touch("case_no"))
        self.marks.add_row("case_no", self.tr("Case number"), self.case_edit)
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("suggestions")
        still_open = self.tr("open")
        for s in suggestions:
            period = f"{s.filed_on} — {s.closed_on or still_open}"
            item = QListWidgetItem(f"{s.case_no} · {s.agency_name} · {period}")
            item.setData(256, s.case_no)
            self.suggestions.addItem(item)
        if not suggestions:
            self.suggestions.addItem(self.tr("No case of this officer covers the recording's date."))
        self.suggestions.itemClicked.connect(self.on_suggestions_item_clicked)
        self.form.addRow(self.tr("Suggestions"), self.suggestions)

    def problems(self) -> dict[str, str]:
        """A case number is needed."""
        return {} if self.case_edit.text().strip() else {"case_no": self.tr("Give the case number.")}

    def save_work(self) -> Callable[[], Any]:
        """Link the file."""
        ctx, sha, case_no = self.ctx, self.row.sha256, self.case_edit.text().strip()
        return lambda: link_footage(ctx.store, ctx.user, sha, case_no)

    def saved(self, result: FootageRow) -> None:
        """Tell the page."""
        self.linked.emit(result)

    def on_suggestions_item_clicked(self, item: QListWidgetItem) -> None:
        """A suggestion fills in the case number."""
        case_no = item.data(256)
        if case_no:
            self.case_edit.setText(case_no)
            self.touch("case_no")


class MapNumberDialog(FormDialog):
    """A 警号 the recorders wrote, mapped once to an officer of the register, or a device number
    mapped to the agency that owns the recorder (its files without a mapped officer follow)."""

    mapped = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        number: str,
        choices: tuple[Any, ...],
        parent: QWidget | None = None,
        *,
        kind: str = "officer",
    ) -> None:
        title = (
            self.tr("Map officer number {number}") if kind == "officer" else self.tr("Map device {number}")
        ).format(number=number)
        super().__init__(ctx, title, parent, ok_text=self.tr("Map"))
        self.number, self.kind = number, kind
        self.officer_combo = QComboBox(self)
        self.officer_combo.setObjectName("officer" if kind == "officer" else "agency")
        if kind == "officer":
            self.officer_combo.addItem(self.tr("(choose an officer)"), None)
            for o in choices:
                self.officer_combo.addItem(f"{o.name} · {o.agency_name}", o.id)
        else:
            self.officer_combo.addItem(self.tr("(choose the agency)"), None)
            for agency_id, name, _short in choices:
                self.officer_combo.addItem(name, agency_id)
        self.officer_combo.currentIndexChanged.connect(lambda _i: self.touch("officer"))
        label = self.tr("Officer") if kind == "officer" else self.tr("Agency")
        self.marks.add_row("officer", label, self.officer_combo)

    def problems(self) -> dict[str, str]:
        """An officer (an agency for a device) is needed."""
        if self.officer_combo.currentData():
            return {}
        return {
            "officer": self.tr("Choose the officer.")
            if self.kind == "officer"
            else self.tr("Choose the agency.")
        }

    def save_work(self) -> Callable[[], Any]:
        """Map the number; the files already stored with it follow."""
        ctx, number, chosen = self.ctx, self.number, self.officer_combo.currentData()
        if self.kind == "officer":
            return lambda: map_number(ctx.store, ctx.user, "officer", number, officer_id=chosen)
        return lambda: map_number(ctx.store, ctx.user, "device", number, agency_id=chosen)

    def saved(self, result: int) -> None:
        """Tell the panel."""
        self.mapped.emit(result)

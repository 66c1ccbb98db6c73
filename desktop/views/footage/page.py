"""音像证据: the evidence library (every stored recording with officer, device, start, size,
hash, important flag, retention and case link; search and filters (which files, agency,
recording dates); the evidence folder's free space beside the title; link to a case with suggestions;
unlink; play a read-only copy; verify the evidence folder) and the docking stations (folders and
HTTP stations, test connection, import with progress and Cancel, the last import's result, the
officer and device numbers to map) and the retention tab (保留期 / 删除清单)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QTabWidget, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.devices.custody import evidence_dir, evidence_space, viewing_copy
from desktop.devices.dto import EvidenceSpace, FootageRow
from desktop.devices.evidence import EvidenceStore
from desktop.devices.library import link_footage, list_footage, suggest_cases
from desktop.views.common.forms import OptionalDateEdit
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import fill_agency_filter, local_time, scoped_agencies
from desktop.views.common.widgets import RANK_CUSTOM
from desktop.views.footage.dialogs import LinkDialog
from desktop.views.footage.retention import RetentionPanel, class_title
from desktop.views.footage.stations import StationsPanel
from desktop.views.footage.work import start_verify, verify_summary


def _size(value: int) -> str:
    return f"{value / 1024:,.1f} KB" if value < 1024 * 1024 else f"{value / 1024 / 1024:,.1f} MB"


def _start(value: object) -> str:
    return f"{value:%Y-%m-%d %H:%M:%S}" if value is not None else ""


class FootagePage(ListPage):
    """The library table, its detail, and the stations tab."""

    kinds = frozenset({"footage", "cases"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Body-camera footage"),
            search_placeholder=self.tr("Search SHA-256, file name, 警号 or device (Ctrl+F)"),
        )
        self.can_edit = ctx.user.can(Permission.EDIT_CASES)
        self.filter = self._filter()
        self.imported: tuple[date, date] | None = None
        """Imported between these days (a dashboard bar's period; None: whenever)."""
        self.imported_box = QCheckBox(self)
        self.imported_box.setObjectName("importedBetween")
        self.header.add_filter(self.imported_box)
        toolbar = self.header.toolbar
        self.imported_action = next(
            a for a in toolbar.actions() if toolbar.widgetForAction(a) is self.imported_box
        )
        self.imported_action.setVisible(False)  # shown only while a dashboard period applies
        self.imported_box.toggled.connect(self.on_imported_box_toggled)
        self.set_up_table("footage", self._columns())
        self.detail = QLabel(self)
        self.detail.setObjectName("footageDetail")
        self.detail.setWordWrap(True)
        self.detail.setMinimumWidth(260)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setContentsMargins(8, 4, 8, 4)
        self.stations = StationsPanel(ctx, self)
        self.retention = RetentionPanel(ctx, self)
        self.space = QLabel(self)
        self.space.setObjectName("evidenceSpace")
        self.space.setContentsMargins(16, 0, 8, 0)
        self.header.layout().itemAt(0).layout().insertWidget(1, self.space)  # beside the title
        self.tabs = QTabWidget(self)
        self.tabs.addTab(
            self.split(self.table, self.detail, Qt.Orientation.Horizontal, [900, 320], "footage"),
            self.tr("Library"),
        )
        self.tabs.addTab(self.stations, self.tr("Stations"))
        self.tabs.addTab(self.retention, self.tr("Retention / deletion lists"))
        self._add_actions()
        self.lay_out(self.tabs)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.stations.imported.connect(self.on_stations_imported)
        self.retention.changed.connect(self.on_retention_changed)
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("start", self.tr("Start"), "start", width=150, format=_start),
            ColumnSpec("officer", self.tr("Officer no."), "officer", width=90),
            ColumnSpec("officer_name", self.tr("Officer"), None, width=80),
            ColumnSpec("device", self.tr("Device"), "device", width=90),
            ColumnSpec("duration_s", self.tr("Seconds"), None, width=60, align="right"),
            ColumnSpec("size", self.tr("Size"), "size", width=90, align="right", format=_size),
            ColumnSpec(
                "important",
                self.tr("Important"),
                None,
                width=60,
                format=lambda v: self.tr("Yes") if v else "",
            ),
            ColumnSpec("case_no", self.tr("Case"), None, width=170),
            ColumnSpec(
                "retain_until",
                self.tr("Kept until"),
                None,
                width=90,
                format=lambda v: v.isoformat() if v is not None else self.tr("Case open"),
            ),
            ColumnSpec("sha256", self.tr("SHA-256"), None, width=140, format=lambda v: v[:16]),
            ColumnSpec("source_name", self.tr("File name"), None, width=260),
        ]

    def _filter(self) -> QComboBox:
        combo = self.header.add_combo("linkFilter", self.tr("Which files"))
        combo.addItem(self.tr("All files"), None)
        combo.addItem(self.tr("Not linked to a case"), "unlinked")
        combo.addItem(self.tr("Marked important"), "important")
        combo.addItem(self.tr("Deleted (kept as a record)"), "deleted")
        combo.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.agency_filter = self.header.add_combo("agencyFilter", self.tr("Agency"), 200)
        fill_agency_filter(self.agency_filter, self.ctx, [], self.tr("All agencies"))
        self.agency_filter.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.date_from = self._date("dateFrom", self.tr("From"))
        self.date_to = self._date("dateTo", self.tr("To"))
        return combo

    def _date(self, name: str, label: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(self.tr("Any date"), self)
        edit.setObjectName(name)
        edit.setToolTip(self.tr("Recorded {label} (Delete: any date)").format(label=label))
        edit.dateChanged.connect(self.on_filter_current_index_changed)
        caption = QLabel(label, self)
        caption.setContentsMargins(8, 0, 4, 0)
        caption.setBuddy(edit)
        self.header.add_filter(caption)
        self.header.add_filter(edit)
        return edit

    def _add_actions(self) -> None:
        h = self.header
        self.link_action = h.add_action(self.tr("Link to case…"), self.link_current, rank=RANK_CUSTOM)
        self.unlink_action = h.add_action(self.tr("Unlink"), self.unlink_current, rank=RANK_CUSTOM + 1)
        self.play_action = h.add_action(self.tr("Play"), self.play_current, rank=RANK_CUSTOM + 2)
        self.verify_action = h.add_action(self.tr("Verify"), self.verify, rank=RANK_CUSTOM + 3)
        self.add_refresh_action(self.tr("Refresh"))
        for action in (self.link_action, self.unlink_action):
            action.setVisible(self.can_edit)
        if self.can_edit:
            self.table.add_row_action(self.tr("Link to case…"), self.link_row)

    # -- reading ------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[FootageRow]:
        """One page of the library."""
        return list_footage(self.ctx.store, self.ctx.user, query)

    def refresh(self) -> None:
        """The library, the agencies, the evidence folder's free space, the stations and the
        retention tab."""
        super().refresh()
        ctx = self.ctx
        self.reload_agencies()
        self.read("footage-space", lambda: evidence_space(ctx.store, ctx.user), self.show_space)
        self.stations.refresh()
        self.retention.refresh()

    def show_space(self, space: EvidenceSpace) -> None:
        """Free space of the evidence folder, in red with a warning below the setting."""
        text = self.tr("Evidence folder: {free:,.1f} GB free of {total:,.1f} GB").format(
            free=space.free_bytes / 1024**3, total=space.total_bytes / 1024**3
        )
        if space.low:
            text += self.tr(" — below {limit} GB, make room or move the evidence folder").format(
                limit=space.min_free_gb
            )
        self.space.setText(text)
        self.space.setToolTip(space.folder)
        self.space.setStyleSheet(
            "color: #b00020; font-weight: bold;" if space.low else "color: palette(mid);"
        )

    def on_agencies_loaded(self, agencies: list[tuple[int, str, str]]) -> None:
        """The agency filter's choices (kept as chosen)."""
        chosen = self.agency_filter.currentData()
        self.agency_filter.blockSignals(True)
        fill_agency_filter(self.agency_filter, self.ctx, agencies, self.tr("All agencies"))
        index = self.agency_filter.findData(chosen)
        self.agency_filter.setCurrentIndex(max(index, 0))
        self.agency_filter.blockSignals(False)

    def reload_agencies(self, then: Callable[[], object] | None = None) -> None:
        """Read the agencies for the agency filter (keeping the chosen one); then ``then()``."""
        ctx = self.ctx

        def fill(agencies: list[tuple[int, str, str]]) -> None:
            self.on_agencies_loaded(agencies)
            if then is not None:
                then()

        self.read("footage-agencies", lambda: scoped_agencies(ctx), fill)

    def set_filters(
        self, unlinked: bool = False, agency_id: int | None = None, imported: tuple[date, date] | None = None
    ) -> None:
        """Show the files a dashboard bar counts: an agency's (None: all), imported between two
        days (None: whenever), those not linked to a case only when ``unlinked``; the search cleared."""
        if agency_id is not None and self.agency_filter.findData(agency_id) < 0:
            self.reload_agencies(lambda: self.set_filters(unlinked, agency_id, imported))
            return
        self.imported = imported
        blocked = self.imported_box.blockSignals(True)
        self.imported_box.setChecked(imported is not None)
        self.imported_box.blockSignals(blocked)
        if imported is not None:
            self.imported_box.setText(
                self.tr("Imported {start} – {end}").format(
                    start=imported[0].isoformat(), end=imported[1].isoformat()
                )
            )
        self.imported_action.setVisible(imported is not None)
        for combo, value in (
            (self.filter, "unlinked" if unlinked else None),
            (self.agency_filter, agency_id),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)
        for edit in (self.date_from, self.date_to):
            blocked = edit.blockSignals(True)
            edit.set_value(None)
            edit.blockSignals(blocked)
        self.tabs.setCurrentIndex(0)
        self.on_filter_current_index_changed()
        if self.header.search_text():
            self.header.set_search_text("")

    def empty_text(self) -> str:
        """Nothing matches, or nothing imported yet."""
        if self.header.search_text() or self.filters():
            return self.tr("No file matches the search or filter.")
        return self.tr("No footage yet — add a docking station under Stations and import it.")

    def current(self) -> FootageRow | None:
        """The file of the current row."""
        return self.table.current_row()

    # -- actions ------------------------------------------------------------------------------

    def link_current(self) -> None:
        """Link the current file to a case."""
        row = self.current()
        if row is not None:
            self.link_row(row)

    def link_row(self, row: FootageRow) -> None:
        """Read the suggestions, then open the link dialog."""
        ctx = self.ctx
        self.read(
            "suggestions",
            lambda: suggest_cases(ctx.store, ctx.user, row.sha256),
            lambda found: self._open_link(row, found),
        )

    def _open_link(self, row: FootageRow, found: tuple) -> None:
        dialog = LinkDialog(self.ctx, row, found, self)
        dialog.linked.connect(lambda _r: self.refresh())
        self.open_dialog(dialog)

    def unlink_current(self) -> None:
        """Unlink the current file after asking once."""
        row = self.current()
        if row is None or row.case_no is None:
            return
        if not self.ctx.dialogs.confirm(
            self,
            self.tr("Unlink"),
            self.tr("Unlink {file} from case {case_no}?").format(file=row.source_name, case_no=row.case_no),
            self.tr("Unlink"),
        ):
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: link_footage(ctx.store, ctx.user, row.sha256, None),
            on_done=lambda _r: self.refresh(),
            on_error=self.on_task_failed,
            label=self.tr("Unlinking"),
            parent_widget=self,
            cancellable=False,
        )

    def play_current(self) -> None:
        """Open a read-only copy of the current file in the system player."""
        row = self.current()
        if row is None:
            return
        ctx, folder = self.ctx, Path(tempfile.gettempdir()) / "desk-footage"
        ctx.tasks.run(
            lambda _p, _c: viewing_copy(
                ctx.store, ctx.user, EvidenceStore(evidence_dir(ctx.store)), row.sha256, folder
            ),
            on_done=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
            on_error=self.on_task_failed,
            label=self.tr("Opening {file}").format(file=row.source_name),
            parent_widget=self,
            cancellable=False,
        )

    def verify(self) -> None:
        """Hash every stored file again and say what was found."""
        start_verify(self.ctx, self, self.on_verify_done, self.on_task_failed)

    # -- slots --------------------------------------------------------------------------------

    def on_verify_done(self, report: object) -> None:
        """Show the verification's result."""
        text = verify_summary(report)  # type: ignore[arg-type]
        if report.clean:  # type: ignore[attr-defined]
            self.ctx.dialogs.info(self, self.tr("Verify"), text)
        else:
            self.ctx.dialogs.warn(self, self.tr("Verify"), text)

    def filters(self) -> tuple[tuple[str, object], ...]:
        """Which files, the agency, the recording dates and the import period chosen."""
        which = self.filter.currentData()
        agency_id = self.agency_filter.currentData()
        if self.ctx.user.scope_agency_id is not None:
            agency_id = None  # theirs and the files no agency claims yet (the service's scope)
        chosen = (
            (which, True if which else None),
            ("agency_id", agency_id),
            ("date_from", self.date_from.value()),
            ("date_to", self.date_to.value()),
            ("imported_from", self.imported[0] if self.imported else None),
            ("imported_to", self.imported[1] if self.imported else None),
        )
        return tuple((k, v) for k, v in chosen if k and v is not None)

    def on_filter_current_index_changed(self, *_args: object) -> None:
        """Show the files of the chosen kind, agency, dates and import period."""
        self.model.set_filters(self.filters())
        self.update_empty_text()

    def on_imported_box_toggled(self, checked: bool) -> None:
        """Unticked: whenever imported (the dashboard's period dropped; the box goes away)."""
        if not checked:
            self.imported = None
            self.imported_action.setVisible(False)
            self.on_filter_current_index_changed()

    def on_table_current_row_changed(self, row: FootageRow | None) -> None:
        """Show the file's details; actions need a current row."""
        self.link_action.setEnabled(self.can_edit and row is not None)
        self.unlink_action.setEnabled(self.can_edit and row is not None and row.case_no is not None)
        self.play_action.setEnabled(row is not None)
        self.detail.setText(
            self._describe(row) if row is not None else self.tr("Select a file to see its details.")
        )

    def on_table_row_activated(self, row: FootageRow | None) -> None:
        """Double-click opens the link dialog."""
        if row is not None and self.can_edit:
            self.link_row(row)

    def on_stations_imported(self, _result: object) -> None:
        """An import finished: read the library again."""
        super().refresh()

    def on_retention_changed(self) -> None:
        """Files deleted or the periods changed: read the library and the free space again."""
        super().refresh()
        ctx = self.ctx
        self.read("footage-space", lambda: evidence_space(ctx.store, ctx.user), self.show_space)

    def on_task_failed(self, exc: BaseException) -> None:
        """Show why."""
        self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

    def _describe(self, row: FootageRow) -> str:
        unmapped = self.tr("(not mapped)")
        lines = [
            (self.tr("File"), row.source_name),
            (self.tr("Officer"), f"{row.officer} {row.officer_name or unmapped}"),
            (self.tr("Agency"), row.agency_name or ""),
            (self.tr("Device"), row.device),
            (self.tr("Start"), _start(row.start)),
            (self.tr("Size"), f"{row.size:,}"),
            (self.tr("SHA-256"), f"{row.sha256[:32]}<br>{row.sha256[32:]}"),
            (
                self.tr("Checked against the station"),
                self.tr("Yes") if row.verified else self.tr("No hash given"),
            ),
            (self.tr("Station"), row.station),
            (self.tr("Case"), row.case_no or self.tr("Not linked")),
            (self.tr("Retention"), class_title(row.retention_class)),
            (
                self.tr("Kept until"),
                row.retain_until.isoformat()
                if row.retain_until
                else self.tr("the case is closed, then longer"),
            ),
        ]
        if row.deleted_at:
            lines.append((self.tr("Deleted"), local_time(row.deleted_at)))
        return "<br>".join(f"<b>{k}</b>: {v}" for k, v in lines)

"""执法人员: officers with their current certificate — a paged table (fast over 100,000 rows), filters
by agency and certificate state, a detail panel, add/edit, import and export (FORMATS.md §2)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.personnel.applications import officer_exam_passes
from desktop.personnel.dto import OfficerRow
from desktop.personnel.exchange import export_officers, import_officers
from desktop.personnel.photos import officer_photo
from desktop.personnel.service import get_officer, list_officers
from desktop.personnel.templates import OFFICER_TEMPLATE
from desktop.views.common.first_steps import NEEDS_AGENCY
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import fill_agency_filter, reload_keeping, scoped_agencies
from desktop.views.common.widgets import RANK_NEW
from desktop.views.common.workbooks import WorkbookFlow, WorkbookTexts
from desktop.views.personnel.officers.detail import OfficerDetail
from desktop.views.personnel.officers.dialog import OfficerDialog
from desktop.views.personnel.officers.titles import CERT_STATES, cert_state_title, gender_title, state_tone

SPLITTER_KEY = "officers"


class OfficersPage(ListPage):
    """The officers table, filters and detail panel; editing needs ``Permission.EDIT_OFFICERS``."""

    officer_saved = Signal(object)
    kinds = frozenset({"officers", "agencies"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Officers"),
            search_placeholder=self.tr("Search name, ID number or certificate number (Ctrl+F)"),
        )
        self.can_edit = ctx.user.can(Permission.EDIT_OFFICERS)
        self.agencies: list[tuple[int, str, str]] = []
        self.agency_filter = self._combo("agencyFilter", self.tr("Agency"), 220)
        fill_agency_filter(self.agency_filter, ctx, [], self.tr("All agencies"))  # until read
        self.state_filter = self._state_filter()
        self.set_up_table("officers", self._columns())
        self.detail = OfficerDetail(self, can_reveal=ctx.user.can(Permission.VIEW_ID_NUMBERS))
        self.workbooks = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import officers"),
                self.tr("Importing officers"),
                self.tr("Export officers"),
                self.tr("Exporting officers"),
                self.tr("Officers"),
            ),
            importer=import_officers,
            exporter=export_officers,
            template=OFFICER_TEMPLATE,
        )
        self._add_actions()
        self.splitter = self.split(
            self.table, self.detail, Qt.Orientation.Horizontal, [960, 320], SPLITTER_KEY
        )
        self.add_first_steps(self.lay_out(self.splitter)).gate(self.new_action, NEEDS_AGENCY)
        self._connect()
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    # -- building -----------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        tone = lambda row: state_tone(row.cert_state)  # noqa: E731
        return [
            ColumnSpec("name", self.tr("Name"), "name", width=64),
            ColumnSpec("id_number", self.tr("ID number"), "id_number", width=142),
            ColumnSpec("gender", self.tr("Gender"), "gender", width=52, format=gender_title),
            ColumnSpec("agency_name", self.tr("Agency"), "agency_name", width=168),
            ColumnSpec("position", self.tr("Position"), "position", width=76),
            ColumnSpec("cert_number", self.tr("Certificate number"), "cert_number", width=112),
            ColumnSpec("cert_issued_on", self.tr("Issued on"), "cert_issued_on", width=80),
            ColumnSpec("cert_expires_on", self.tr("Valid until"), "cert_expires_on", width=80),
            ColumnSpec(
                "cert_state",
                self.tr("Certificate state"),
                None,
                width=100,
                format=cert_state_title,
                tone=tone,
            ),
            ColumnSpec("category", self.tr("Enforcement category"), "category", width=90),
        ]

    def _combo(self, name: str, tip: str, width: int) -> QComboBox:
        return self.header.add_combo(name, tip, width)

    def _state_filter(self) -> QComboBox:
        combo = self._combo("stateFilter", self.tr("Certificate state"), 220)
        combo.addItem(self.tr("All certificate states"), None)
        for state in CERT_STATES:
            combo.addItem(cert_state_title(state), state)
        return combo

    def _add_actions(self) -> None:
        h = self.header
        self.new_action = h.add_new_action(self.new_officer, self.tr("New"))
        self.edit_action = h.add_action(self.tr("Edit"), self.edit_current, rank=RANK_NEW + 1)
        self.import_action = h.add_import_action(self.workbooks.start_import, self.tr("Import"))
        self.template_action = self.workbooks.add_template_action(h, self.import_action)
        self.export_action = h.add_export_action(self.export_workbook, self.tr("Export"))
        self.add_refresh_action(self.tr("Refresh"))
        for action in (self.new_action, self.edit_action, self.import_action):
            action.setVisible(self.can_edit)
            action.setEnabled(self.can_edit)
        if self.can_edit:
            self.table.add_row_action(self.tr("Edit…"), self.edit_officer)

    def _connect(self) -> None:
        self.agency_filter.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.state_filter.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.detail.reveal_requested.connect(self.on_detail_reveal_requested)
        self.workbooks.imported.connect(lambda _result: self.refresh())

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[OfficerRow]:
        """One page of officers from the service (ID numbers masked)."""
        return list_officers(self.ctx.store, self.ctx.user, query)

    def refresh(self) -> None:
        """Read the agencies and the officers again, keeping the current row when it is there."""
        self.mark_loaded()
        self.reload_agencies()
        reload_keeping(self.table, self.model)

    def reload_agencies(self) -> None:
        """Read the agencies (through the task runner); the filter is filled when they arrive."""
        ctx = self.ctx
        self.read("officer-agencies", lambda: scoped_agencies(ctx), self.on_agencies_loaded)

    def on_agencies_loaded(self, agencies: list[tuple[int, str, str]]) -> None:
        """Fill the agency filter, keeping the chosen one (a scoped user sees only their own)."""
        self.agencies = list(agencies)
        fill_agency_filter(self.agency_filter, self.ctx, self.agencies, self.tr("All agencies"))
        self._apply_filters()

    def set_filters(self, agency_id: int | None = None, cert_state: str | None = None) -> None:
        """Show an agency's officers (None: all) whose certificate is in a state (None: any)."""
        if agency_id is not None and self.agency_filter.findData(agency_id) < 0:  # not read yet
            ctx = self.ctx
            self.read(
                "officer-agencies",
                lambda: scoped_agencies(ctx),
                lambda agencies: (self.on_agencies_loaded(agencies), self.set_filters(agency_id, cert_state)),
            )
            return
        for combo, value in ((self.agency_filter, agency_id), (self.state_filter, cert_state)):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)
        self._apply_filters()

    def current_officer(self) -> OfficerRow | None:
        """The officer of the current row."""
        return self.table.current_row()

    def new_officer(self) -> OfficerDialog | None:
        """Open the dialog for a new officer (it returns at once)."""
        return self._open_dialog(None) if self.can_edit else None

    def edit_current(self) -> OfficerDialog | None:
        """Open the dialog for the current officer."""
        row = self.current_officer()
        return self.edit_officer(row) if row is not None else None

    def edit_officer(self, row: OfficerRow) -> OfficerDialog | None:
        """Read the officer with the whole ID number and open the dialog."""
        if not self.can_edit:
            return None
        ctx, opened = self.ctx, []  # the dialog, when it opened at once (the tests' runner)
        ctx.tasks.load(
            lambda: get_officer(ctx.store, ctx.user, row.id, reveal_ids=True),
            lambda whole: opened.append(self._open_dialog(whole)),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc, on_reload=self.refresh),
            parent_widget=self,
        )
        return opened[0] if opened else None

    def export_workbook(self) -> None:
        """Export every officer the current search and filters show, in the current order."""
        self.workbooks.start_export(self.model.all_rows_query())

    # -- slots --------------------------------------------------------------------------------

    def on_filter_current_index_changed(self, _index: int) -> None:
        """Show only the chosen agency and certificate state."""
        self._apply_filters()

    def on_table_current_row_changed(self, row: OfficerRow | None) -> None:
        """Show the officer beside the table (the exams they passed and the photo read in the
        background); edit
        needs a row."""
        self.detail.show_officer(row, self.ctx.today())
        self.edit_action.setEnabled(self.can_edit and row is not None)
        if row is not None:
            ctx, officer_id = self.ctx, row.id
            self.read(
                "officer-exams",
                lambda: officer_exam_passes(ctx.store, ctx.user, officer_id),
                lambda passes: self.detail.show_passes(officer_id, passes),
            )
            self.read(
                "officer-photo",
                lambda: officer_photo(ctx.store, ctx.user, officer_id),
                self.detail.show_photo,
            )

    def on_table_row_activated(self, row: OfficerRow | None) -> None:
        """Double-click or Enter opens the row."""
        if row is not None:
            self.edit_officer(row)

    def on_detail_reveal_requested(self, row: OfficerRow) -> None:
        """Show the whole ID number of the officer in the panel (roles that may see it)."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: get_officer(ctx.store, ctx.user, row.id, reveal_ids=True),
            lambda whole: self.detail.show_officer(whole, ctx.today()),
            parent_widget=self,
        )

    def on_dialog_officer_saved(self, row: OfficerRow) -> None:
        """A saved officer: show the table again with them current."""
        reload_keeping(self.table, self.model, row.id)
        self.officer_saved.emit(row)

    # -- helpers ------------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        filters = (
            ("agency_id", self.agency_filter.currentData()),
            ("cert_state", self.state_filter.currentData()),
        )
        self.model.set_filters(tuple((k, v) for k, v in filters if v is not None))
        self.update_empty_text()

    def _open_dialog(self, row: OfficerRow | None) -> OfficerDialog:
        if not self.agencies:
            self.reload_agencies()
        choices = [(aid, name) for aid, name, _short in self.agencies]
        dialog = OfficerDialog(self.ctx, choices, row, self)
        dialog.officer_saved.connect(self.on_dialog_officer_saved)
        return self.open_dialog(dialog)

    def empty_text(self) -> str:
        """Nothing matches, or no officers yet (and what to do)."""
        if self.header.search_text() or self.model.query().filters:
            return self.tr("No officer matches the search or filters.")
        return self.tr("No officers yet — import an officer workbook or add one.")

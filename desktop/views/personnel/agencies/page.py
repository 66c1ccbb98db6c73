"""执法主体: the county's enforcement agencies — searched, filtered, sorted; added, changed, removed,
imported and exported (FORMATS.md §0)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.personnel.dto import AGENCY_FIELDS, AgencyRow
from desktop.personnel.exchange import export_agencies, import_agencies
from desktop.personnel.service import delete_agency, list_agencies
from desktop.personnel.templates import AGENCY_TEMPLATE
from desktop.views.common.lazy_table import ColumnSpec, format_count
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import reload_keeping
from desktop.views.common.value_titles import value_title
from desktop.views.common.widgets import RANK_NEW
from desktop.views.common.workbooks import WorkbookFlow, WorkbookTexts
from desktop.views.personnel.agencies.dialog import AgencyDialog


class AgenciesPage(ListPage):
    """The agencies table with its toolbar; editing needs ``Permission.EDIT_AGENCIES``."""

    agency_saved = Signal(object)
    kinds = frozenset({"agencies", "officers"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Agencies"),
            search_placeholder=self.tr("Search name, short name or credit code (Ctrl+F)"),
        )
        self.can_edit = ctx.user.can(Permission.EDIT_AGENCIES)
        self.field_filter = self._field_filter()
        self.set_up_table("agencies", self._columns())
        self.table.horizontalHeader().setStretchLastSection(False)  # a count, not text, comes last
        self.workbooks = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import agencies"),
                self.tr("Importing agencies"),
                self.tr("Export agencies"),
                self.tr("Exporting agencies"),
                self.tr("Agencies"),
            ),
            importer=import_agencies,
            exporter=export_agencies,
            template=AGENCY_TEMPLATE,
        )
        self._add_actions()
        self.lay_out(self.table)
        self._connect()
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    # -- building -----------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("name", self.tr("Name"), "name", width=300),
            ColumnSpec("short_name", self.tr("Short name"), "short_name", width=160),
            ColumnSpec("credit_code", self.tr("Unified social credit code"), "credit_code", width=190),
            ColumnSpec("field", self.tr("Enforcement field"), "field", width=150, format=value_title),
            ColumnSpec("level", self.tr("Level"), "level", width=80, format=value_title),
            ColumnSpec(
                "officer_count",
                self.tr("Officers"),
                "officer_count",
                width=90,
                align="right",
                format=format_count,
            ),
        ]

    def _field_filter(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("fieldFilter")
        combo.setToolTip(self.tr("Enforcement field"))
        combo.addItem(self.tr("All fields"), None)
        for field in AGENCY_FIELDS:
            combo.addItem(value_title(field), field)
        self.header.add_filter(combo)
        return combo

    def _add_actions(self) -> None:
        h = self.header
        self.new_action = h.add_new_action(self.new_agency, self.tr("New"))
        self.edit_action = h.add_action(self.tr("Edit"), self.edit_current, rank=RANK_NEW + 1)
        self.delete_action = h.add_action(self.tr("Delete"), self.delete_current, rank=RANK_NEW + 2)
        self.import_action = h.add_import_action(self.workbooks.start_import, self.tr("Import"))
        self.template_action = self.workbooks.add_template_action(h, self.import_action)
        self.export_action = h.add_export_action(self.export_workbook, self.tr("Export"))
        self.add_refresh_action(self.tr("Refresh"))
        for action in (self.new_action, self.edit_action, self.delete_action, self.import_action):
            action.setVisible(self.can_edit)
            action.setEnabled(self.can_edit)
        if self.can_edit:
            self.table.add_row_action(self.tr("Edit…"), self.edit_agency)
            self.table.add_row_action(
                self.tr("Delete…"), self.delete_agency, QKeySequence(QKeySequence.StandardKey.Delete)
            )

    def _connect(self) -> None:
        self.field_filter.currentIndexChanged.connect(self.on_field_filter_current_index_changed)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.workbooks.imported.connect(self.on_workbooks_imported)

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[AgencyRow]:
        """One page of agencies from the service."""
        return list_agencies(self.ctx.store, self.ctx.user, query)

    def current_agency(self) -> AgencyRow | None:
        """The agency of the current row."""
        return self.table.current_row()

    def new_agency(self) -> AgencyDialog | None:
        """Open the dialog for a new agency (not modal to the caller: it returns at once)."""
        return self._open_dialog(None) if self.can_edit else None

    def edit_current(self) -> AgencyDialog | None:
        """Open the dialog for the current agency."""
        row = self.current_agency()
        return self.edit_agency(row) if row is not None else None

    def edit_agency(self, row: AgencyRow) -> AgencyDialog | None:
        """Open the dialog for ``row``."""
        return self._open_dialog(row) if self.can_edit else None

    def delete_current(self) -> None:
        """Delete the current agency after asking once."""
        row = self.current_agency()
        if row is not None:
            self.delete_agency(row)

    def delete_agency(self, row: AgencyRow) -> None:
        """Delete ``row`` after asking once, naming it."""
        if not self.can_edit or not self.ctx.dialogs.confirm(
            self,
            self.tr("Delete agency"),
            self.tr("Delete the agency {name}? This cannot be undone.").format(name=row.name),
            self.tr("Delete"),
        ):
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: delete_agency(ctx.store, ctx.user, row.id, row.version),
            on_done=self.on_delete_done,
            on_error=self.on_task_failed,
            label=self.tr("Deleting {name}").format(name=row.name),
            parent_widget=self,
            cancellable=False,
        )

    def export_workbook(self) -> None:
        """Export every agency the current search and filter show, in the current order."""
        self.workbooks.start_export(self.model.all_rows_query())

    # -- slots --------------------------------------------------------------------------------

    def on_field_filter_current_index_changed(self, _index: int) -> None:
        """Show only the chosen 执法领域."""
        field = self.field_filter.currentData()
        self.model.set_filters((("field", field),) if field else ())

    def on_table_current_row_changed(self, row: AgencyRow | None) -> None:
        """Edit and delete need a current row."""
        for action in (self.edit_action, self.delete_action):
            action.setEnabled(self.can_edit and row is not None)

    def on_table_row_activated(self, row: AgencyRow | None) -> None:
        """Double-click or Enter opens the row."""
        if row is not None:
            self.edit_agency(row)

    def on_dialog_agency_saved(self, row: AgencyRow) -> None:
        """A saved agency: show the table again with it current."""
        reload_keeping(self.table, self.model, row.id)
        self.agency_saved.emit(row)

    def on_delete_done(self, _result: object) -> None:
        """Deleted: read the table again."""
        self.refresh()

    def on_workbooks_imported(self, _result: object) -> None:
        """Imported: read the table again."""
        self.refresh()

    def on_task_failed(self, exc: BaseException) -> None:
        """Show why; a conflict offers to read the table again."""
        self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

    # -- helpers ------------------------------------------------------------------------------

    def _open_dialog(self, row: AgencyRow | None) -> AgencyDialog:
        dialog = AgencyDialog(self.ctx, row, self)
        dialog.agency_saved.connect(self.on_dialog_agency_saved)
        return self.open_dialog(dialog)

    def empty_text(self) -> str:
        """Nothing matches, or no agencies yet (and what to do)."""
        if self.header.search_text() or self.field_filter.currentData():
            return self.tr("No agency matches the search or filter.")
        return self.tr("No agencies yet — import an agency workbook or add one.")

"""案源: the case sources with their due dates — imported like the register, listed, the undecided
ones and those decided late marked."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.powers.dto import LeadRow
from desktop.powers.exchange import export_leads
from desktop.powers.leads import import_leads, list_leads
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.workbooks import WorkbookFlow, WorkbookTexts


class LeadsTab(ListPage):
    """The leads; import for those who may change cases."""

    kinds = frozenset({"leads", "cases", "calendar", "settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Case sources"),
            search_placeholder=None,
            show_title=False,
        )
        self.undecided_check = QCheckBox(self.tr("Undecided only"), self)
        self.undecided_check.toggled.connect(
            lambda on: self.model.set_filters((("undecided", True),) if on else ())
        )
        self.header.add_filter(self.undecided_check)
        self.set_up_table(
            "leads",
            [
                ColumnSpec("agency", self.tr("Agency"), width=170),
                ColumnSpec("number", self.tr("Number"), width=120),
                ColumnSpec("source", self.tr("Source"), width=80),
                ColumnSpec("received_on", self.tr("Received"), width=100),
                ColumnSpec(
                    "due", self.tr("Decide by"), width=100, tone=lambda r: "red" if r.overdue else None
                ),
                ColumnSpec("decision", self.tr("Decision"), width=90),
                ColumnSpec("decided_on", self.tr("Decided on"), width=100),
                ColumnSpec("case_no", self.tr("Case"), width=170),
                ColumnSpec("summary", self.tr("Summary"), width=300),
            ],
        )
        self.workbooks = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import case sources"),
                self.tr("Importing case sources"),
                self.tr("Export case sources"),
                self.tr("Exporting case sources"),
                self.tr("Case sources"),
            ),
            importer=import_leads,
            exporter=export_leads,
        )
        self.import_action = self.header.add_import_action(self.workbooks.start_import, self.tr("Import"))
        self.import_action.setVisible(ctx.user.can(Permission.EDIT_CASES))
        self.header.add_export_action(lambda: self.workbooks.start_export(self.model.all_rows_query()))
        self.add_refresh_action(self.tr("Refresh"))
        self.lay_out(self.table)
        self.workbooks.imported.connect(lambda _r: self.refresh())
        self.update_empty_text()

    def fetch(self, query: ListQuery) -> Page[LeadRow]:
        """One page of leads, due dates counted as of today."""
        return list_leads(self.ctx.store, self.ctx.user, query, as_of=self.ctx.today())

    def empty_text(self) -> str:
        """No lead matches, or none yet."""
        if self.undecided_check.isChecked():
            return self.tr("No undecided case source.")
        return self.tr("No case sources yet — import a workbook of case sources (案源).")

"""执法事项: the catalogue of each agency's enforcement powers and their discretion benchmarks —
searched, filtered by agency, imported (FORMATS.md §10) and exported in the same layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.personnel.service import list_agencies
from desktop.powers.catalogue import import_powers, list_powers
from desktop.powers.dto import PowerRow
from desktop.powers.exchange import export_powers
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.value_titles import value_title
from desktop.views.common.workbooks import WorkbookFlow, WorkbookTexts
from desktop.views.powers.bands_panel import BandsPanel


def _bands(bands: object) -> str:
    return "、".join(b.band for b in bands)  # type: ignore[attr-defined]


class CatalogueTab(ListPage):
    """The powers with their bands beside the chosen one; import needs ``MANAGE_POWERS``."""

    kinds = frozenset({"powers", "agencies"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Powers"),
            search_placeholder=self.tr("Search code or name (Ctrl+F)"),
            show_title=False,
        )
        self.agency_filter = QComboBox(self)
        self.agency_filter.setObjectName("agencyFilter")
        self.agency_filter.addItem(self.tr("All agencies"), None)
        self.header.add_filter(self.agency_filter)
        self.set_up_table(
            "powers",
            [
                ColumnSpec("code", self.tr("Code"), width=130),
                ColumnSpec(
                    "agency_short_name",
                    self.tr("Agency"),
                    width=130,
                    format=lambda v: v or "",
                    tip=lambda r: r.agency,
                ),
                ColumnSpec("name", self.tr("Power"), width=330),
                ColumnSpec("category", self.tr("Category"), width=110, format=value_title),
                ColumnSpec("effective_on", self.tr("In force from"), width=100),
                ColumnSpec("expires_on", self.tr("Until"), width=100),
                ColumnSpec("bands", self.tr("Bands"), width=220, format=_bands),
            ],
        )
        self.detail = BandsPanel(self)
        self.workbooks = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import powers"),
                self.tr("Importing powers"),
                self.tr("Export powers"),
                self.tr("Exporting powers"),
                self.tr("Powers"),
            ),
            importer=import_powers,
            exporter=export_powers,
        )
        can_import = ctx.user.can(Permission.MANAGE_POWERS)
        self.import_action = self.header.add_import_action(self.workbooks.start_import, self.tr("Import"))
        self.import_action.setVisible(can_import)
        self.header.add_export_action(lambda: self.workbooks.start_export(self.model.all_rows_query()))
        self.add_refresh_action(self.tr("Refresh"))
        self.lay_out(self.split(self.table, self.detail, Qt.Orientation.Horizontal, [900, 420], "powers"))
        self.agency_filter.currentIndexChanged.connect(lambda _i: self.model.set_filters(self._filters()))
        self.workbooks.imported.connect(lambda _r: self.refresh())
        self.update_empty_text()

    def _filters(self) -> tuple[tuple[str, object], ...]:
        agency = self.agency_filter.currentData()
        return (("agency_id", agency),) if agency else ()

    def refresh(self) -> None:
        """The powers, and the agencies to filter by."""
        super().refresh()
        ctx = self.ctx
        self.read(
            "agencies",
            lambda: list_agencies(ctx.store, ctx.user, ListQuery(limit=None)).items,
            self._agencies,
        )

    def _agencies(self, agencies: object) -> None:
        current = self.agency_filter.currentData()
        blocked = self.agency_filter.blockSignals(True)
        while self.agency_filter.count() > 1:
            self.agency_filter.removeItem(1)
        for a in agencies:  # type: ignore[attr-defined]
            self.agency_filter.addItem(a.short_name or a.name, a.id)
            self.agency_filter.setItemData(
                self.agency_filter.count() - 1, a.name, Qt.ItemDataRole.ToolTipRole
            )
        index = self.agency_filter.findData(current)
        self.agency_filter.setCurrentIndex(max(0, index))
        self.agency_filter.blockSignals(blocked)

    def fetch(self, query: ListQuery) -> Page[PowerRow]:
        """One page of powers."""
        return list_powers(self.ctx.store, self.ctx.user, query, agency=query.filter("agency_id"))

    def on_table_current_row_changed(self, row: PowerRow | None) -> None:
        """Show the chosen power's bands."""
        self.detail.show_power(row)

    def empty_text(self) -> str:
        """Nothing matches, or no catalogue yet (and what to do)."""
        if self.header.search_text() or self.agency_filter.currentData():
            return self.tr("No power matches the search or filter.")
        return self.tr("No powers yet — import the catalogue of powers (执法事项, FORMATS.md §10).")

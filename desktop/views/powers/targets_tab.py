"""检查对象: the directory of inspection targets for 双随机 draws — searched, filtered by field and
risk level, imported (FORMATS.md §11) and exported in the same layout."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.personnel.dto import AGENCY_FIELDS
from desktop.powers import terms
from desktop.powers.dto import TargetRow
from desktop.powers.exchange import export_targets
from desktop.powers.targets import import_targets, list_targets
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.value_titles import value_title
from desktop.views.common.workbooks import WorkbookFlow, WorkbookTexts

RISK_TONES = {"高": "red", "中": "yellow", "低": "green"}


class TargetsTab(ListPage):
    """The directory; import needs ``MANAGE_POWERS``."""

    kinds = frozenset({"inspections"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Inspection targets"),
            search_placeholder=self.tr("Search name or credit code (Ctrl+F)"),
            show_title=False,
        )
        self.field_filter = self._combo(self.tr("All fields"), AGENCY_FIELDS)
        self.risk_filter = self._combo(self.tr("All risk levels"), terms.RISKS)
        self.set_up_table(
            "targets",
            [
                ColumnSpec("name", self.tr("Name"), width=300),
                ColumnSpec("credit_code", self.tr("Unified social credit code"), width=190),
                ColumnSpec("kind", self.tr("Type"), width=140, format=value_title),
                ColumnSpec("field", self.tr("Field"), width=170, format=value_title),
                ColumnSpec(
                    "risk",
                    self.tr("Risk"),
                    width=70,
                    format=value_title,
                    tone=lambda r: RISK_TONES.get(r.risk),
                ),
                ColumnSpec("address", self.tr("Address"), width=300),
            ],
        )
        self.workbooks = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import inspection targets"),
                self.tr("Importing inspection targets"),
                self.tr("Export inspection targets"),
                self.tr("Exporting inspection targets"),
                self.tr("Inspection targets"),
            ),
            importer=import_targets,
            exporter=export_targets,
        )
        self.import_action = self.header.add_import_action(self.workbooks.start_import, self.tr("Import"))
        self.import_action.setVisible(ctx.user.can(Permission.MANAGE_POWERS))
        self.header.add_export_action(lambda: self.workbooks.start_export(self.model.all_rows_query()))
        self.add_refresh_action(self.tr("Refresh"))
        self.lay_out(self.table)
        self.workbooks.imported.connect(lambda _r: self.refresh())
        self.update_empty_text()

    def _combo(self, everything: str, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value_title(value), value)
        combo.currentIndexChanged.connect(lambda _i: self.model.set_filters(self._filters()))
        self.header.add_filter(combo)
        return combo

    def _filters(self) -> tuple[tuple[str, object], ...]:
        pairs = (("field", self.field_filter.currentData()), ("risk", self.risk_filter.currentData()))
        return tuple((k, v) for k, v in pairs if v)

    def fetch(self, query: ListQuery) -> Page[TargetRow]:
        """One page of targets."""
        return list_targets(self.ctx.store, self.ctx.user, query)

    def empty_text(self) -> str:
        """Nothing matches, or no directory yet."""
        if self.header.search_text() or self._filters():
            return self.tr("No target matches the search or filters.")
        return self.tr("No inspection targets yet — import the directory (检查对象名录, FORMATS.md §11).")

"""案件监督: the case register — a paged table (fast over a million rows) with filters, search and
sort in the store, the selected case beside it (timeline, officers, documents, warnings), new case,
record-a-stage, period-not-counted and extension dialogs, import, export and 双公示 export."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from desktop.cases import terms
from desktop.cases.dto import CaseDetail, CaseRow, DocumentRow
from desktop.cases.service import count_cases, get_case, list_cases
from desktop.cases.templates import CASE_TEMPLATE
from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.views.cases.detail import CaseDetailPanel
from desktop.views.cases.documents import open_case_document
from desktop.views.cases.editors import CaseEditors
from desktop.views.cases.footage_section import read_case_footage
from desktop.views.cases.page_parts import (
    COLUMN_PADDING,
    COUNT_CAP,
    category_item,
    export_cases,
    export_publicity,
    fit_popup,
    import_cases,
    set_register_filters,
)
from desktop.views.cases.titles import category_text, warning_titles
from desktop.views.common.first_steps import NEEDS_AGENCY_WITH_OFFICERS
from desktop.views.common.forms import OptionalDateEdit
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import (
    fill_agency_filter,
    fill_combo,
    reload_keeping,
    scoped_agencies,
    short_agency_names,
)
from desktop.views.common.widgets import RANK_EXPORT, RANK_NEW
from desktop.views.common.workbooks import WorkbookFlow, WorkbookTexts

if TYPE_CHECKING:  # the dialogs and the register's workbooks are imported when first used
    from desktop.views.cases.correction_dialog import StageCorrectionDialog
    from desktop.views.cases.edit_case_dialog import EditCaseDialog
    from desktop.views.cases.new_case_dialog import NewCaseDialog
    from desktop.views.cases.period_dialogs import ExtensionDialog, SuspensionDialog
    from desktop.views.cases.stage_dialog import RecordStageDialog

SPLITTER_KEY = "cases"
SEARCH_WIDTH = 240
CATEGORY_KEYS = (
    terms.PENALTY,
    f"{terms.PENALTY}|{terms.SUMMARY}",
    f"{terms.PENALTY}|{terms.ORDINARY}",
    terms.COERCION,
    terms.INSPECTION,
)
"""The category filter's choices: a category, or 行政处罚 with one of its procedures."""
FILTER_WIDTHS = {"agencyFilter": 200, "categoryFilter": 160, "stageFilter": 130}
"""Widest a filter combo grows (a long English term is elided; its list still opens full width)."""


class CasesPage(ListPage):
    """The case register, its filters and the case beside it; entry needs ``Permission.EDIT_CASES``."""

    case_saved = Signal(object)
    kinds = frozenset({"cases", "warnings", "agencies", "settings", "calendar"})
    count_cap = COUNT_CAP

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Case supervision"),
            search_placeholder=self.tr("Search case number, party or cause (Ctrl+F)"),
            search_width=SEARCH_WIDTH,
        )
        self.can_edit = ctx.user.can(Permission.EDIT_CASES)
        self.agencies: list[tuple[int, str, str]] = []
        self.short_names: dict[str, str] = {}
        """Each agency's short name by its full name: the table shows the names the filter offers."""
        self.url_opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self._add_filters()
        self.set_up_table("cases", self._columns())
        self.detail = CaseDetailPanel(self, can_edit=self.can_edit)
        self.editors = CaseEditors(ctx, self, self.open_dialog, self.on_dialog_case_saved, self.refresh)
        self.workbooks = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import cases"),
                self.tr("Importing cases"),
                self.tr("Export cases"),
                self.tr("Exporting cases"),
                self.tr("Cases"),
            ),
            importer=import_cases,
            exporter=partial(export_cases, self.ctx),
            template=CASE_TEMPLATE,
        )
        self.publicity = WorkbookFlow(
            ctx,
            self,
            WorkbookTexts(
                self.tr("Import cases"),
                self.tr("Importing cases"),
                self.tr("Export penalty publicity"),
                self.tr("Exporting penalty decisions for publicity"),
                self.tr("Penalty publicity"),
            ),
            exporter=partial(export_publicity, self.ctx),
        )
        self._add_actions()
        self.splitter = self.split(
            self.table, self.detail, Qt.Orientation.Horizontal, [860, 420], SPLITTER_KEY
        )
        self.add_first_steps(self.lay_out(self.splitter)).gate(self.new_action, NEEDS_AGENCY_WITH_OFFICERS)
        self._connect()
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    # -- building -----------------------------------------------------------------------------

    def _fit(self, title: str, texts: Iterable[str]) -> int:
        """A column just wide enough for its title and its longest word (terms differ by language)."""
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(t) for t in (title, *texts)) + COLUMN_PADDING

    def _columns(self) -> list[ColumnSpec]:
        category, procedure, stage = self.tr("Category"), self.tr("Procedure"), self.tr("Stage")
        return [
            ColumnSpec("case_no", self.tr("Case number"), "case_no", width=168),
            ColumnSpec(
                "agency_name",
                self.tr("Agency"),
                "agency_name",
                width=140,
                format=lambda name: self.short_names.get(name, name),
                tip=lambda row: row.agency_name,
            ),
            ColumnSpec(
                "category",
                category,
                "category",
                format=terms.term_title,
                width=self._fit(category, map(terms.term_title, terms.CATEGORIES)),
            ),
            ColumnSpec(
                "procedure",
                procedure,
                "procedure",
                format=terms.term_title,
                width=self._fit(procedure, map(terms.term_title, terms.PROCEDURES)),
            ),
            ColumnSpec(
                "stage",
                stage,
                "stage",
                format=terms.stage_title,
                width=self._fit(stage, map(terms.stage_title, terms.STAGES)),
            ),
            ColumnSpec(
                "warnings",
                self.tr("Warnings"),
                None,
                width=220,
                format=warning_titles,
                tone=lambda row: row.warning_level,
            ),
            ColumnSpec("party", self.tr("Party"), "party", width=140),
            ColumnSpec("cause", self.tr("Cause"), "cause", width=150),
            ColumnSpec("filed_on", self.tr("Filed on"), "filed_on", width=84),
            ColumnSpec("decided_on", self.tr("Decided on"), "decided_on", width=84),
            ColumnSpec("amount", self.tr("Amount (yuan)"), "amount", width=92, align="right"),
            ColumnSpec("officer_count", self.tr("Officers"), "officer_count", width=60, align="right"),
        ]

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = self.header.add_combo(name, tip, FILTER_WIDTHS[name])
        combo.currentIndexChanged.connect(self.on_filter_changed)
        return combo

    def _date(self, name: str, tip: str) -> OptionalDateEdit:
        edit = OptionalDateEdit(self.tr("Any date"), self)
        edit.setObjectName(name)
        edit.setToolTip(tip)
        edit.dateChanged.connect(self.on_filter_changed)
        return edit

    def _add_filters(self) -> None:
        self.agency_filter = self._combo("agencyFilter", self.tr("Agency"))
        fill_agency_filter(self.agency_filter, self.ctx, [], self.tr("All agencies"))  # until read
        self.category_filter = self._combo("categoryFilter", self.tr("Category and procedure"))
        fill_combo(
            self.category_filter,
            [(self.tr("All categories"), None)] + [(category_item(key), key) for key in CATEGORY_KEYS],
        )
        for n, key in enumerate(CATEGORY_KEYS, 1):
            self.category_filter.setItemData(n, category_text(*key.split("|")), Qt.ItemDataRole.ToolTipRole)
        self.stage_filter = self._combo("stageFilter", self.tr("Stage"))
        fill_combo(
            self.stage_filter,
            [(self.tr("All stages"), None)] + [(terms.stage_title(s), s) for s in terms.STAGES],
        )
        for combo in (self.category_filter, self.stage_filter):
            fit_popup(combo)
        self.filed_from = self._date("filedFrom", self.tr("Filed on or after this date (Delete: any date)"))
        self.filed_to = self._date("filedTo", self.tr("Filed on or before this date (Delete: any date)"))
        caption = QLabel(self.tr("Filed"), self)
        caption.setContentsMargins(8, 0, 4, 0)
        caption.setBuddy(self.filed_from)
        dash = QLabel("–", self)
        dash.setContentsMargins(3, 0, 3, 0)
        for widget in (caption, self.filed_from, dash, self.filed_to):
            self.header.add_filter(widget)
        self.warnings_check = QCheckBox(self.tr("Warnings only"), self)
        self.warnings_check.setObjectName("warningsOnly")
        self.warnings_check.setContentsMargins(8, 0, 0, 0)
        self.warnings_check.toggled.connect(self.on_filter_changed)
        self.header.add_filter(self.warnings_check)

    def _add_actions(self) -> None:
        h = self.header
        self.new_action = h.add_new_action(self.new_case, self.tr("New"))
        self.record_action = h.add_action(
            self.tr("Record stage"),
            self.record_current,
            rank=RANK_NEW + 1,
            tooltip=self.tr("Record a step of the selected case"),
        )
        self.import_action = h.add_import_action(self.workbooks.start_import, self.tr("Import"))
        self.template_action = self.workbooks.add_template_action(h, self.import_action)
        self.export_action = h.add_export_action(self.export_workbook, self.tr("Export"))
        self.publicity_action = h.add_action(
            self.tr("Export publicity"),
            self.export_publicity,
            rank=RANK_EXPORT + 1,
            tooltip=self.tr("Export the decided penalty cases shown, in the publicity (双公示) layout"),
        )
        self.add_refresh_action(self.tr("Refresh"))
        for action in (self.new_action, self.record_action, self.import_action):
            action.setVisible(self.can_edit)
            action.setEnabled(self.can_edit)
        if self.can_edit:
            self.table.add_row_action(self.tr("Edit case…"), self.edit_case, "F2")
            self.table.add_row_action(self.tr("Record stage…"), self.record_stage)
            self.table.add_row_action(self.tr("Suspend the time limit…"), self.suspend)
            self.table.add_row_action(self.tr("End a suspension…"), self.end_suspension)
            self.table.add_row_action(self.tr("Extend the time limit…"), self.extend)

    def _connect(self) -> None:
        self.table.row_activated.connect(self.on_table_row_activated)
        self.detail.record_requested.connect(self.on_detail_record_requested)
        self.detail.suspend_requested.connect(self.on_detail_suspend_requested)
        self.detail.end_suspension_requested.connect(self.on_detail_end_suspension_requested)
        self.detail.extend_requested.connect(self.on_detail_extend_requested)
        self.detail.open_requested.connect(self.open_document)
        self.detail.edit_requested.connect(self.edit_case)
        self.detail.timeline.correct_requested.connect(self.correct_stage)
        self.detail.timeline.withdraw_requested.connect(
            lambda stage: self.correct_stage(stage, withdraw=True)
        )
        self.workbooks.imported.connect(lambda _result: self.refresh())

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[CaseRow]:
        """One page of the register with its open warnings as of the window's date."""
        return list_cases(self.ctx.store, self.ctx.user, query, as_of=self.ctx.today())

    def count_rows(self, query: ListQuery) -> int:
        return count_cases(self.ctx.store, self.ctx.user, query, as_of=self.ctx.today())

    def refresh(self) -> None:
        """Read the agencies and the register again, keeping the current case when it is there."""
        self.mark_loaded()
        self.warnings_check.setToolTip(
            self.tr("Only cases with an open warning as of {date}").format(date=self.ctx.today().isoformat())
        )
        self.reload_agencies()
        reload_keeping(self.table, self.model)

    def reload_agencies(self, then: Callable[[], object] | None = None) -> None:
        """Read the agencies (through the task runner) and fill the agency filter when they
        arrive, keeping the chosen one (a scoped user sees only their own agency); then ``then()``."""
        ctx = self.ctx
        self.read("case-agencies", lambda: scoped_agencies(ctx), partial(self.on_agencies_loaded, then))

    def on_agencies_loaded(
        self, then: Callable[[], object] | None, agencies: list[tuple[int, str, str]]
    ) -> None:
        """The agencies arrived: fill the filter (the chosen one kept) and show what it keeps."""
        self.agencies = list(agencies)
        self.short_names = short_agency_names(self.agencies)
        fill_agency_filter(self.agency_filter, self.ctx, self.agencies, self.tr("All agencies"))
        fit_popup(self.agency_filter)
        self._apply_filters()
        if then is not None:
            then()

    def show_case(self, case_id: int) -> None:
        """Show one case (asked for by another page): filters cleared, the search set to its 案号."""
        self.mark_loaded()
        ctx = self.ctx
        found = self._show_found_case
        ctx.tasks.load(lambda: get_case(ctx.store, ctx.user, case_id, ctx.today()), found, parent_widget=self)

    def _show_found_case(self, case: CaseDetail) -> None:
        for combo in (self.agency_filter, self.category_filter, self.stage_filter):
            if combo.count() and combo.itemData(0) is None:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        for edit in (self.filed_from, self.filed_to):
            edit.blockSignals(True)
            edit.set_value(None)
            edit.blockSignals(False)
        self.warnings_check.blockSignals(True)
        self.warnings_check.setChecked(False)
        self.warnings_check.blockSignals(False)
        self.model.set_filters(self.filters())
        self.header.set_search_text(case.case_no)
        reload_keeping(self.table, self.model, case.id)
        self.update_empty_text()

    show_record = show_case

    def set_filters(self, **filters: Any) -> None:
        """Show the cases a dashboard bar counts (agency, category, filed between two dates)."""
        set_register_filters(self, **filters)

    def current_case(self) -> CaseRow | None:
        """The case of the current row."""
        return self.table.current_row()

    def new_case(self) -> NewCaseDialog | None:
        """Open the new-case dialog (it returns at once)."""
        if not self.can_edit:
            return None
        opened: list[NewCaseDialog] = []  # the dialog, when it opened at once (the tests' runner)
        if self.agencies:
            opened.append(self._open_new_case())
        else:  # not read yet: the dialog opens once they arrive
            self.reload_agencies(lambda: opened.append(self._open_new_case()))
        return opened[0] if opened else None

    def _open_new_case(self) -> NewCaseDialog:
        from desktop.views.cases.new_case_dialog import NewCaseDialog

        choices = [(aid, name) for aid, name, _short in self.agencies]
        dialog = NewCaseDialog(self.ctx, choices, self, agency_id=self.agency_filter.currentData())
        dialog.case_saved.connect(self.on_dialog_case_saved)
        return self.open_dialog(dialog)

    def record_current(self) -> RecordStageDialog | None:
        """Record a stage on the current case."""
        row = self.current_case()
        return self.record_stage(row) if row is not None else None

    def record_stage(self, row: CaseRow | CaseDetail, stage: str | None = None) -> RecordStageDialog | None:
        """Read the case as it is now and open the record-a-stage dialog."""
        return self.editors.record_stage(row, stage) if self.can_edit else None

    def edit_case(self, row: CaseRow | CaseDetail) -> EditCaseDialog | None:
        """Read the case as it is now and open the edit form (F2), for a reason."""
        return self.editors.edit_case(row) if self.can_edit else None

    def correct_stage(self, stage: str, *, withdraw: bool = False) -> StageCorrectionDialog | None:
        """Correct the date of (or withdraw) a stage of the case beside the register."""
        case = self.detail.case
        return self.editors.correct_stage(case, stage, withdraw=withdraw) if self.can_edit and case else None

    def suspend(self, row: CaseRow | CaseDetail) -> SuspensionDialog | None:
        """Read the case as it is now and open the dialog for a period not counted (检测、鉴定 …)."""
        return self.editors.suspend(row) if self.can_edit else None

    def end_suspension(
        self, row: CaseRow | CaseDetail, suspension_id: int | None = None
    ) -> SuspensionDialog | None:
        """Read the case as it is now and open the dialog that ends a running period."""
        return self.editors.end_suspension(row, suspension_id) if self.can_edit else None

    def extend(self, row: CaseRow | CaseDetail, kind: str | None = None) -> ExtensionDialog | None:
        """Read the case as it is now and open the dialog for an approved extension."""
        return self.editors.extend(row, kind) if self.can_edit else None

    def export_workbook(self) -> None:
        """Export every case the search and filters show, in the current order."""
        self.workbooks.start_export(self.model.all_rows_query())

    def export_publicity(self) -> None:
        """Export the decided 行政处罚 cases the search and filters show, in the 双公示 layout."""
        self.publicity.start_export(self.model.all_rows_query())

    def open_document(self, doc: DocumentRow) -> None:
        """Open a document of the case in the system's viewer (a missing file is said so)."""
        open_case_document(self, self.ctx.dialogs, doc, self.url_opener)

    # -- slots --------------------------------------------------------------------------------

    def on_filter_changed(self, *_: object) -> None:
        """A filter changed: show only what the filters keep."""
        self._apply_filters()

    def on_table_current_row_changed(self, row: CaseRow | None) -> None:
        """Show the case beside the table (read in the background); recording needs a row."""
        self.record_action.setEnabled(self.can_edit and row is not None)
        self.detail.show_row(row)
        if row is None:
            return
        ctx, case_id = self.ctx, row.id
        self.ctx.tasks.run(
            lambda _p, _c: get_case(ctx.store, ctx.user, case_id, as_of=ctx.today()),
            on_done=self.on_case_loaded,
            on_error=self.on_case_failed,
            label=self.tr("Reading the case"),
            parent_widget=self,
            cancellable=False,
            key=f"case-detail-{id(self)}",
            show_progress=False,
        )

    def on_case_loaded(self, case: CaseDetail) -> None:
        """The case was read: show it if it is still the current one."""
        current = self.current_case()
        if current is not None and current.id == case.id:
            self.detail.show_case(case)
            read_case_footage(self, case.id)

    def on_case_failed(self, exc: BaseException) -> None:
        """The case could not be read (removed, out of reach): say so and read the register again."""
        self.detail.show_case(None)
        self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

    def on_table_row_activated(self, row: CaseRow | None) -> None:
        """Double-click or Enter records a stage (editors) on the row."""
        if row is not None and self.can_edit:
            self.record_stage(row)

    def on_detail_record_requested(self, case: CaseDetail) -> None:
        """The panel's "record stage" button."""
        self.record_stage(case)

    def on_detail_suspend_requested(self, case: CaseDetail) -> None:
        """The panel's "suspend the time limit" button."""
        self.suspend(case)

    def on_detail_end_suspension_requested(self, case: CaseDetail, suspension_id: int) -> None:
        """A running period's "end" button on the panel."""
        self.end_suspension(case, suspension_id)

    def on_detail_extend_requested(self, case: CaseDetail) -> None:
        """The panel's "extend the time limit" button."""
        self.extend(case)

    def on_dialog_case_saved(self, case: CaseDetail) -> None:
        """A case added, a stage, a period or an extension recorded: show the register again with
        it current (its row and the panel as of the window's date)."""
        reload_keeping(self.table, self.model, case.id)
        self.case_saved.emit(case)

    # -- helpers ------------------------------------------------------------------------------

    def filters(self) -> tuple[tuple[str, Any], ...]:
        """The filters chosen, as the service takes them."""
        category, _, procedure = (self.category_filter.currentData() or "").partition("|")
        chosen: tuple[tuple[str, Any], ...] = (
            ("agency_id", self.agency_filter.currentData()),
            ("category", category or None),
            ("procedure", procedure or None),
            ("stage", self.stage_filter.currentData()),
            ("filed_from", self.filed_from.value()),
            ("filed_to", self.filed_to.value()),
            ("warnings", True if self.warnings_check.isChecked() else None),
        )
        return tuple((k, v) for k, v in chosen if v is not None)

    def _apply_filters(self) -> None:
        self.model.set_filters(self.filters())
        self.update_empty_text()

    def empty_text(self) -> str:
        """Nothing matches, or nothing is on the register yet (and what to do)."""
        scoped = self.ctx.user.scope_agency_id is not None
        chosen = [name for name, _value in self.model.query().filters if not (scoped and name == "agency_id")]
        if self.header.search_text() or chosen:
            return self.tr("No case matches the search or filters.")
        if self.can_edit:
            return self.tr("No cases yet — import a case register or add a case")
        return self.tr("No cases on the register yet.")

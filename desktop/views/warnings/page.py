"""预警中心: the warnings of the register as of the page's date — counted per agency and code in a
grid, listed below it (red first, newest first) with filters (agency, code, level, state), the
case beside the list, and, for roles that may handle warnings, 处置 of the selected warnings (one
or many) and 重新打开 of a handled one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop.cases.calendar import missing_years
from desktop.cases.dto import DocumentRow, WarningCount, WarningRow
from desktop.cases.officer_warnings import CENTRE_CODES
from desktop.cases.service import get_case
from desktop.cases.supervision import list_warnings, warning_counts
from desktop.cases.supervision_settings import DEFAULT_DISPOSAL_KINDS, disposal_kinds, list_calendar_overrides
from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.views.cases.documents import open_case_document
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.look import GREY
from desktop.views.common.page_tools import RESELECT_SPAN, fill_agency_filter, scoped_agencies
from desktop.views.common.widgets import RANK_CUSTOM
from desktop.views.warnings.attachment import open_attachment
from desktop.views.warnings.banner import SCOPES, calendar_banner, scope_title
from desktop.views.warnings.counts import ALWAYS_SHOWN, WarningCountGrid
from desktop.views.warnings.detail import WarningDetail
from desktop.views.warnings.dialog import HandleWarningDialog
from desktop.views.warnings.reopen import ReopenWarningDialog
from desktop.views.warnings.titles import (
    LEVELS,
    STATES,
    ListedWarning,
    code_title,
    level_tone,
    level_word,
    state_title,
)

BANNER_STYLE = (
    "QLabel#calendarBanner { background: #FEF7E0; border: 1px solid #F2A900; "
    "border-radius: 3px; padding: 6px 8px; color: #5C4300; }"
)
"""The case panel's banner, for the same news."""
SPLITTER_KEY = "warnings"
"""The grid above the list."""
DETAIL_SPLITTER_KEY = "warnings_detail"
"""The list beside the case."""
GRID_SHARE = 0.45
"""At most this share of the height for the count grid (it scrolls): the list keeps the rest."""


def calendar_gap(day: date, overrides_years: set[int]) -> tuple[int, ...]:
    """The years ``day``'s deadlines need (this year; from October the next too) that the national
    calendar does not know and no override touches."""
    return missing_years(day, overrides_years)


class WarningsPage(ListPage):
    """The count grid, the warning list and the case panel; 处置 needs ``Permission.HANDLE_WARNINGS``.

    ``record_requested("cases", case_id)`` asks the window to show a case on the case page.
    """

    warning_handled = Signal(object)
    kinds = frozenset({"cases", "warnings", "agencies", "settings", "calendar"})
    reload_on_show = True  # the warnings change with the date as well as with the register

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Warnings"),
            search_placeholder=self.tr("Search case number, party or cause (Ctrl+F)"),
        )
        self.can_handle = ctx.user.can(Permission.HANDLE_WARNINGS)
        self.url_opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.agencies: list[tuple[int, str, str]] = []
        self._short_names: dict[str, str] = {}
        self.counts: tuple[WarningCount, ...] | None = None
        self._wanted_agency: int | None = None
        self.kinds: tuple[str, ...] = DEFAULT_DISPOSAL_KINDS  # until read
        self.scope_filter = self._combo("scopeFilter", self.tr("Cases or officers"), 110)
        for scope in SCOPES:
            self.scope_filter.addItem(scope_title(scope), scope)
        self.agency_filter = self._combo("agencyFilter", self.tr("Agency"), 190)
        fill_agency_filter(self.agency_filter, ctx, [], self.tr("All agencies"))  # until read
        self.code_filter = self._code_filter()
        self.level_filter = self._level_filter()
        self.state_filter = self._state_filter()
        self.banner = QLabel(self)
        self.banner.setObjectName("calendarBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.grid = WarningCountGrid(self)
        self.set_up_table("warnings", self._columns())
        self.detail = WarningDetail(self, can_handle=self.can_handle)
        self.as_of_label = QLabel(self)
        self.as_of_label.setObjectName("asOf")
        self.as_of_label.setStyleSheet(f"color: {GREY};")
        self._add_actions()
        self._lay_out()
        self._connect()
        self._apply_filters()
        self.on_table_current_row_changed(None)

    # -- building -----------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        return [
            # an officer's warning: the officer and the certificate number where the case number is
            ColumnSpec("reference", self.tr("Case number"), "case_no", width=150, full_tip=True),
            ColumnSpec(
                "agency",
                self.tr("Agency"),
                "agency",
                width=96,
                format=self.short_agency,
                tip=lambda r: r.agency,
            ),
            ColumnSpec("title", self.tr("Warning"), "code", width=132),
            ColumnSpec("level", self.tr("Level"), "level", width=44, format=level_word, tone=level_tone),
            ColumnSpec("due", self.tr("Due on"), "due", width=84),
            ColumnSpec(
                "handling",
                self.tr("Handling"),
                None,
                width=120,
                tone=lambda row: "green" if row.handled else ("yellow" if row.reopened_by else None),
                full_tip=True,
            ),
            # last: it takes the rest of the width; the whole text shows on hover and beside the list
            ColumnSpec("message", self.tr("Details"), None, width=180, full_tip=True),
        ]

    def _combo(self, name: str, tip: str, width: int) -> QComboBox:
        return self.header.add_combo(name, tip, width)

    def _code_filter(self) -> QComboBox:
        combo = self._combo("codeFilter", self.tr("Warning"), 220)
        combo.addItem(self.tr("All warnings"), None)
        for code in CENTRE_CODES:
            combo.addItem(code_title(code), code)
        return combo

    def _level_filter(self) -> QComboBox:
        combo = self._combo("levelFilter", self.tr("Level"), 110)
        combo.addItem(self.tr("All levels"), None)
        for level in LEVELS:
            combo.addItem(level_word(level), level)
        return combo

    def _state_filter(self) -> QComboBox:
        combo = self._combo("stateFilter", self.tr("Handled or not"), 120)
        for state in STATES:
            combo.addItem(state_title(state), state)
        return combo

    def _add_actions(self) -> None:
        h = self.header
        self.handle_action = h.add_action(self.tr("Mark handled…"), self.handle_current, rank=RANK_CUSTOM)
        self.open_action = h.add_action(self.tr("Open case"), self.open_current, rank=RANK_CUSTOM + 1)
        self.clear_action = h.add_action(self.tr("Clear filters"), self.clear_filters, rank=RANK_CUSTOM + 2)
        self.add_refresh_action(self.tr("Refresh"))
        # 重新打开 is in the row menu and beside the list (the toolbar has no room at 1366 px)
        self.reopen_action = QAction(self.tr("Reopen…"), self)
        if not self.can_handle:
            self.handle_action.setToolTip(self.tr("Your role may not handle warnings."))
        else:
            self.handle_action.setToolTip(
                self.tr("Handle the selected warnings (Ctrl or Shift + click to select several).")
            )
            self.table.add_row_action(self.tr("Mark handled…"), self.handle_warning)
            self.reopen_action = self.table.add_row_action(self.tr("Reopen…"), self.reopen_warning)
        self.table.add_row_action(self.tr("Open case"), self.request_case)

    def _lay_out(self) -> None:
        self.detail_splitter = self.split(
            self.table, self.detail, Qt.Orientation.Horizontal, [900, 340], DETAIL_SPLITTER_KEY
        )
        self.splitter = self.split(
            self.grid, self.detail_splitter, Qt.Orientation.Vertical, [190, 520], SPLITTER_KEY, stretch=1
        )
        layout = self.lay_out(self.splitter, right=(self.as_of_label,))
        layout.insertWidget(1, self.banner)

    def _connect(self) -> None:
        for combo in (self.agency_filter, self.code_filter, self.level_filter, self.state_filter):
            combo.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.scope_filter.currentIndexChanged.connect(self.on_scope_filter_current_index_changed)
        self.grid.cell_chosen.connect(self.on_grid_cell_chosen)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.detail.handle_requested.connect(self.handle_warning)
        self.detail.reopen_requested.connect(self.reopen_warning)
        self.detail.attachment_requested.connect(self.open_attachment)
        self.detail.open_requested.connect(self.request_case)
        self.detail.case_panel.open_requested.connect(self.open_document)

    # -- public -------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[ListedWarning]:
        """One page of warnings as of the page's date."""
        page = list_warnings(self.ctx.store, self.ctx.user, query, self.ctx.today())
        return Page(tuple(ListedWarning.of(row) for row in page.items), page.total)

    def refresh(self) -> None:
        """Read the agencies, the counts and the warnings again, keeping the current warning."""
        self.mark_loaded()
        self.reload_agencies()
        self.reload_counts()
        self.read(
            "warning-kinds", lambda: disposal_kinds(self.ctx.store, self.ctx.user).kinds, self.on_kinds_loaded
        )
        self._show_calendar_gap()
        self.as_of_label.setText(self.tr("Warnings as of {date}").format(date=self.ctx.today().isoformat()))
        self._reload_keeping()

    def reload_agencies(self) -> None:
        """Read the agencies (through the task runner); the filter is filled when they arrive."""
        ctx = self.ctx
        self.read("warning-agencies", lambda: scoped_agencies(ctx), self.on_agencies_loaded)

    def on_agencies_loaded(self, agencies: list[tuple[int, str, str]]) -> None:
        """Fill the agency filter, keeping the chosen one (a scoped user sees only their own), and
        name the grid's rows by their short names."""
        self.agencies = list(agencies)
        self._short_names = {name: short for _aid, name, short in self.agencies}
        fill_agency_filter(self.agency_filter, self.ctx, self.agencies, self.tr("All agencies"))
        wanted = self._wanted_agency
        if wanted is not None and self.agency_filter.findData(wanted) >= 0:
            blocked = self.agency_filter.blockSignals(True)
            self.agency_filter.setCurrentIndex(self.agency_filter.findData(wanted))
            self.agency_filter.blockSignals(blocked)
        self._wanted_agency = None
        self._apply_filters()
        if self.counts is not None:
            self._show_counts()

    def reload_counts(self) -> None:
        """Count the warnings per agency and code again (through the task runner), of the scope
        chosen (cases, officers, or both)."""
        ctx, scope = self.ctx, self.scope_filter.currentData()
        query = ListQuery(limit=None, filters=(("scope", scope),) if scope else ())
        self.read(
            "warning-counts",
            lambda: warning_counts(ctx.store, ctx.user, ctx.today(), query),
            self.on_counts_loaded,
        )

    def set_scope(self, scope: str | None) -> None:
        """Show the cases' warnings (``cases``), the officers' (``officers``) or both (None)."""
        self.scope_filter.setCurrentIndex(max(self.scope_filter.findData(scope), 0))

    def on_counts_loaded(self, counts: tuple[WarningCount, ...]) -> None:
        """Show the counts read in the grid."""
        self.counts = counts
        self._show_counts()

    def _show_counts(self) -> None:
        assert self.counts is not None
        always = () if self.scope_filter.currentData() == "officers" else ALWAYS_SHOWN
        self.grid.set_counts(self.counts, {aid: short for aid, _name, short in self.agencies}, always)
        self.grid.show_choice(self.agency_filter.currentData(), self.code_filter.currentData())
        if not self.remembered[SPLITTER_KEY]:  # until the user moves it: every row, or 45 %
            total = sum(self.splitter.sizes())
            grid = min(self.grid.preferred_height(), int(total * GRID_SHARE))
            self.splitter.setSizes([grid, max(total - grid, 200)])

    def short_agency(self, name: str) -> str:
        """An agency's short name for the list (its full name when it has none)."""
        return self._short_names.get(name, name)

    def current_warning(self) -> WarningRow | None:
        """The warning of the current row."""
        return self.table.current_row()

    def on_kinds_loaded(self, kinds: tuple[str, ...]) -> None:
        """The kinds of 处置 the dialog offers."""
        self.kinds = kinds

    def chosen_warnings(self) -> list[WarningRow]:
        """The selected warnings (the current one when none is selected)."""
        rows = self.table.selected_rows()
        current = self.current_warning()
        return rows or ([current] if current is not None else [])

    def handle_current(self) -> HandleWarningDialog | None:
        """处置 the selected warnings, one or several at once (opens the dialog; it returns at once)."""
        rows = self.chosen_warnings()
        return self.handle_warning(rows) if rows else None

    def handle_warning(self, rows: WarningRow | list[WarningRow]) -> HandleWarningDialog | None:
        """Open the 处置 dialog for ``rows`` (roles that may handle warnings)."""
        if not self.can_handle:
            return None
        dialog = HandleWarningDialog(self.ctx, rows, self, self.kinds)
        dialog.warning_handled.connect(self.on_dialog_warning_handled)
        return self.open_dialog(dialog)

    def reopen_current(self) -> ReopenWarningDialog | None:
        """重新打开 the current warning's handling."""
        row = self.current_warning()
        return self.reopen_warning(row) if row is not None else None

    def reopen_warning(self, row: WarningRow) -> ReopenWarningDialog | None:
        """Open the dialog that reopens ``row``'s handling with a reason (handled ones only)."""
        if not self.can_handle or not row.handled:
            return None
        dialog = ReopenWarningDialog(self.ctx, row, self)
        dialog.warning_reopened.connect(self.on_dialog_warning_handled)
        return self.open_dialog(dialog)

    def open_attachment(self, row: WarningRow) -> None:
        """Read the handling's attachment (in the background) and open it in the system's viewer."""
        open_attachment(self, self.ctx, row, self.url_opener)

    def open_current(self) -> None:
        """打开案件: ask the window to show the current warning's case."""
        row = self.current_warning()
        if row is not None:
            self.request_case(row)

    def request_case(self, row: WarningRow) -> None:
        """Ask the window to show the case of ``row``, or the officer's certificate of an officer's."""
        if row.officer_id is not None:
            self.record_requested.emit("qualifications", row.officer_id)
        else:
            self.record_requested.emit("cases", row.case_id)

    def open_document(self, doc: DocumentRow) -> None:
        """Open a document of the case in the system's viewer (a missing file is said so)."""
        open_case_document(self, self.ctx.dialogs, doc, self.url_opener)

    def clear_filters(self) -> None:
        """Every open warning again: no search, no filter."""
        self._set_filters(None, None, None, "open")
        self.header.set_search_text("")

    def set_filters(
        self,
        agency_id: int | None = None,
        code: str | None = None,
        level: str | None = None,
        state: str = "open",
    ) -> None:
        """Show the warnings of an agency, a code, a level and a state (None: any)."""
        self._set_filters(agency_id, code, level, state)

    # -- slots --------------------------------------------------------------------------------

    def on_filter_current_index_changed(self, _index: int) -> None:
        """A filter changed: list what it keeps and mark the grid's cell."""
        self._apply_filters()

    def on_scope_filter_current_index_changed(self, _index: int) -> None:
        """Cases, officers or both: count and list again."""
        self.reload_counts()
        self._apply_filters()

    def on_grid_cell_chosen(self, agency_id: int | None, code: str | None) -> None:
        """A cell of the grid: list that agency's warnings of that code (any level)."""
        self._set_filters(agency_id, code, None, self.state_filter.currentData())

    def on_table_current_row_changed(self, row: WarningRow | None) -> None:
        """Show the warning beside the list, and its case once read (in the background)."""
        self.detail.show_warning(row)
        self._enable_actions()
        self.open_action.setEnabled(row is not None)
        # the text stays (a longer one would push the filters behind »); the tip says what opens
        self.open_action.setToolTip(
            self.tr("Open the officer's certificate") if row and row.officer else self.tr("Open case")
        )
        if row is None or row.officer_id is not None:
            return
        ctx, case_id = self.ctx, row.case_id
        ctx.tasks.run(
            lambda _p, _c: get_case(ctx.store, ctx.user, case_id, ctx.today()),
            on_done=self.detail.show_case,
            on_error=self.on_case_failed,
            label=self.tr("Reading the case"),
            parent_widget=self,
            cancellable=False,
            key=f"warning-case-{id(self)}",
            show_progress=False,
        )

    def on_case_failed(self, exc: BaseException) -> None:
        """The case could not be read (removed, out of reach): say so and read the list again."""
        self.detail.show_case(None)
        self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

    def on_table_selection_changed(self, *_: object) -> None:
        """Several selected: 处置 names how many."""
        self._enable_actions()

    def _enable_actions(self) -> None:
        chosen = len(self.table.selected_row_numbers()) if self.table.selectionModel() else 0
        current = self.current_warning()
        self.handle_action.setEnabled(self.can_handle and (chosen > 0 or current is not None))
        self.handle_action.setText(
            self.tr("Mark {count} handled…").format(count=chosen) if chosen > 1 else self.tr("Mark handled…")
        )
        self.reopen_action.setEnabled(self.can_handle and current is not None and current.handled)

    def on_table_row_activated(self, row: WarningRow | None) -> None:
        """Double-click or Enter opens the case (an officer's warning: their certificate)."""
        if row is not None:
            self.request_case(row)

    def on_dialog_warning_handled(self, row: WarningRow) -> None:
        """Handled: count again and show the list with the next warning current."""
        near = self.table.currentIndex().row()
        self.reload_counts()
        self._reload_keeping((row.case_id, row.code, row.subject), near)
        self.warning_handled.emit(row)

    # -- helpers ------------------------------------------------------------------------------

    def _set_filters(self, agency_id: int | None, code: str | None, level: str | None, state: str) -> None:
        # not offered yet (a first visit): chosen when the agencies arrive
        self._wanted_agency = agency_id if self.agency_filter.findData(agency_id) < 0 else None
        for combo, value in (
            (self.agency_filter, agency_id),
            (self.code_filter, code),
            (self.level_filter, level),
            (self.state_filter, state),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)
        self._apply_filters()

    def _apply_filters(self) -> None:
        filters = (
            ("scope", self.scope_filter.currentData()),
            ("agency_id", self.agency_filter.currentData()),
            ("code", self.code_filter.currentData()),
            ("level", self.level_filter.currentData()),
            ("state", self.state_filter.currentData() or "open"),
        )
        self.model.set_filters(tuple((k, v) for k, v in filters if v is not None))
        self.grid.show_choice(self.agency_filter.currentData(), self.code_filter.currentData())
        self.update_empty_text()

    def _reload_keeping(self, key: tuple[int, str, str] | None = None, near: int | None = None) -> None:
        current = self.current_warning()
        wanted = key or ((current.case_id, current.code, current.subject) if current is not None else None)
        near = self.table.currentIndex().row() if near is None else near
        self.model.reload()
        if wanted is None or self.model.total == 0:
            return
        start = max(0, near - RESELECT_SPAN)
        for number in range(start, min(self.model.total, max(near, 0) + RESELECT_SPAN)):
            row = self.model.row_at(number)
            if row is not None and (row.case_id, row.code, row.subject) == wanted:
                self.table.select_row(number)
                return
        if near >= 0:  # it left the list (handled): the next one takes its place
            self.table.select_row(min(near, self.model.total - 1))

    def _show_calendar_gap(self) -> None:
        """Read the calendar overrides (through the task runner), then say whether the national
        schedule misses the page's year."""
        ctx = self.ctx
        self.read(
            "warning-calendar",
            lambda: {o.day.year for o in list_calendar_overrides(ctx.store, ctx.user)},
            self.on_override_years_loaded,
        )

    def on_override_years_loaded(self, years: set[int]) -> None:
        """The banner while a year the deadlines need is neither in the national schedule nor
        loaded locally: which years, and which warnings count with them."""
        text = calendar_banner(calendar_gap(self.ctx.today(), years))
        self.banner.setVisible(bool(text))
        self.banner.setText(text)

    def empty_text(self) -> str:
        """Nothing matches, or nothing to handle (and why)."""
        query = self.model.query()
        state = query.filter("state", "open")
        narrowed = bool(query.search) or any(k not in ("state", "scope") for k, _v in query.filters)
        if narrowed:
            return self.tr("No warning matches the search or filters.")
        if state == "handled":
            return self.tr("No warning has been handled yet.")
        if state == "all":
            return self.tr("No warnings: every case on the register is within its limits.")
        return self.tr("No warnings to handle: every open case is within its limits.")

"""评查活动 (the campaigns tab of 案卷评查): the campaigns — newest first, with their state, period,
files, scores submitted, seed and who drew them — and, for the one selected, 概况, 案卷, 结果 and
反馈与通报. Supervisors set up and draw campaigns, reopen scores, send feedback and announce
(通报), void a campaign before scoring starts (作废, greyed in the list) and reassign reviewers;
reviewers and agency users see the campaigns they take part in, read-only. 导出结果 writes the
results workbook; 验证抽取 repeats the draw from its seed and says whether it matches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission
from desktop.models.db import Store
from desktop.personnel.service import list_agencies
from desktop.review.campaigns import list_campaigns, verify_draw
from desktop.review.dto import CampaignResults, CampaignRow, DrawCheck, DrawResult, FeedbackRow, RecheckRow
from desktop.review.exchange import export_results
from desktop.review.feedback import list_feedback
from desktop.review.rechecks import list_rechecks
from desktop.review.results import campaign_results
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import local_time, reload_keeping
from desktop.views.common.widgets import RANK_CUSTOM, status_row
from desktop.views.review.campaign_dialog import CampaignDialog
from desktop.views.review.campaign_feedback import FeedbackPanel
from desktop.views.review.campaign_files import FilesPanel
from desktop.views.review.campaign_overview import OverviewPanel
from desktop.views.review.campaign_titles import campaign_state, period_text, short_names
from desktop.views.review.results_view import ResultsView
from desktop.views.review.tab_tools import memory_page
from desktop.views.review.void_dialog import VoidDialog

SPLITTER_KEY = "review_campaigns"
SEARCH_WIDTH = 260
EXAMPLES = 3
OVERVIEW, FILES, RESULTS, FEEDBACK = range(4)


@dataclass(frozen=True)
class ListedCampaign(CampaignRow):
    """A campaign as the list shows it."""

    @property
    def period(self) -> str:
        """结案日期 from – to."""
        return period_text(self.closed_from, self.closed_to)

    @property
    def drawn_time(self) -> str:
        """When it was drawn, local ``YYYY-MM-DD HH:MM``."""
        return local_time(self.drawn_at)

    @classmethod
    def of(cls, row: CampaignRow) -> ListedCampaign:
        """The service's row as a listed one."""
        return cls(**{f.name: getattr(row, f.name) for f in fields(row)})


@dataclass(frozen=True)
class CampaignDetail:
    """Everything the sub-tabs show of one campaign, read together off the GUI thread."""

    campaign: CampaignRow
    results: CampaignResults
    feedback: tuple[FeedbackRow, ...]
    rechecks: tuple[RecheckRow, ...]

    @property
    def open_sheets(self) -> int:
        """Score sheets not submitted yet."""
        return sum(1 for f in self.results.files for s in f.sheets if s.state != "submitted")


def load_detail(store: Store, actor: Actor, campaign_id: int) -> CampaignDetail:
    """Read a campaign's results, feedback and rechecks as the actor may see them."""
    results = campaign_results(store, actor, campaign_id)
    return CampaignDetail(
        results.campaign,
        results,
        list_feedback(store, actor, campaign_id),
        list_rechecks(store, actor, campaign_id),
    )


SORTS: dict[str, Callable[[ListedCampaign], Any]] = {
    "name": lambda r: r.name,
    "state": lambda r: r.state,
    "period": lambda r: (r.closed_from, r.closed_to),
    "files": lambda r: r.files,
    "submitted": lambda r: r.submitted,
    "drawn_by": lambda r: r.drawn_by_name or r.drawn_by,
    "drawn_at": lambda r: r.drawn_at,
}


class CampaignsTab(ListPage):
    """The campaigns and the selected one's sub-tabs; management needs ``Permission.MANAGE_REVIEWS``.

    Signals: ``campaign_drawn(DrawResult)``, ``campaign_closed(CampaignRow)``, ``campaign_voided(CampaignRow)``,
    ``feedback_sent(tuple[FeedbackRow, ...])``, ``sheet_reopened(Sheet)`` and ``sheet_opened(scoring_id)``
    (after the scoring workspace was asked to show a sheet).
    """

    campaign_drawn = Signal(object)
    campaign_closed = Signal(object)
    campaign_voided = Signal(object)
    feedback_sent = Signal(object)
    sheet_reopened = Signal(object)
    sheet_opened = Signal(int)

    kinds = frozenset({"campaigns", "sheets", "feedback", "rechecks", "agencies"})
    reload_on_show = True  # scores are submitted elsewhere

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Review campaigns"),
            search_placeholder=self.tr("Search campaign names (Ctrl+F)"),
            show_title=False,
            search_width=SEARCH_WIDTH,
        )
        self.can_manage = ctx.user.can(Permission.MANAGE_REVIEWS)
        self.campaigns: tuple[ListedCampaign, ...] = ()
        self.detail: CampaignDetail | None = None
        self._short: dict[str, str] = {}
        short = short_names(self._short)
        self.set_up_table("review_campaigns", self._columns())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("campaignTabs")
        self.overview = OverviewPanel(ctx, self.tabs)
        self.files = FilesPanel(ctx, self.tabs, short_agency=short)
        self.results = ResultsView(ctx, self.tabs, short_agency=short)
        self.feedback = FeedbackPanel(ctx, self.tabs, short_agency=short)
        for panel, title in (
            (self.overview, self.tr("Overview")),
            (self.files, self.tr("Files")),
            (self.results, self.tr("Results")),
            (self.feedback, self.tr("Feedback and announcement")),
        ):
            self.tabs.addTab(panel, title)
        self._add_actions()
        self._lay_out()
        self._connect()
        self.update_empty_text()
        self.on_table_current_row_changed(None)

    # -- building ---------------------------------------------------------------------------------

    def _columns(self) -> list[ColumnSpec]:
        def grey(row: CampaignRow) -> str | None:  # a voided campaign is greyed in every column
            return "grey" if row.state == "voided" else None

        return [
            ColumnSpec("name", self.tr("Campaign"), "name", width=220, tone=grey),
            ColumnSpec(
                "state",
                self.tr("State"),
                "state",
                width=70,
                format=campaign_state,
                tone=lambda r: "green" if r.state == "closed" else grey(r),
            ),
            ColumnSpec("period", self.tr("Cases closed"), "period", width=180, tone=grey),
            ColumnSpec("files", self.tr("Files"), "files", width=56, align="right", tone=grey),
            ColumnSpec("submitted", self.tr("Scored"), "submitted", width=56, align="right", tone=grey),
            ColumnSpec("seed", self.tr("Seed"), None, width=100, tone=grey),
            ColumnSpec("drawn_by_name", self.tr("Drawn by"), "drawn_by", width=90, tone=grey),
            ColumnSpec("drawn_time", self.tr("Drawn at"), "drawn_at", width=130, tone=grey),
        ]

    def _add_actions(self) -> None:
        h = self.header
        self.new_action = h.add_new_action(self.new_campaign, self.tr("New campaign"))
        self.verify_action = h.add_action(
            self.tr("Verify the draw"),
            self.verify_current,
            rank=RANK_CUSTOM,
            tooltip=self.tr(
                "Repeat the selected campaign's draw from its seed and say whether it gives the same files"
            ),
        )
        self.void_action = h.add_action(
            self.tr("Void…"),
            self.void_current,
            rank=RANK_CUSTOM,
            tooltip=self.tr("Void the selected campaign, with a reason (only before any score is saved)"),
        )
        self.void_action.setVisible(self.can_manage)
        self.export_action = h.add_export_action(self.export_current, self.tr("Export results"))
        self.add_refresh_action(self.tr("Refresh"))
        self.new_action.setVisible(self.can_manage)
        self.new_action.setEnabled(self.can_manage)

    def _lay_out(self) -> None:
        master = QWidget(self)
        column = QVBoxLayout(master)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.table, 1)
        column.addLayout(status_row(self.count))
        self.splitter = self.split(
            master, self.tabs, Qt.Orientation.Vertical, [190, 560], SPLITTER_KEY, stretch=1
        )
        self.lay_out(self.splitter, status=())

    def _connect(self) -> None:
        self.files.sheet_reopened.connect(self.on_files_sheet_reopened)
        self.files.sheet_opened.connect(self.sheet_opened.emit)
        self.files.reviewer_reassigned.connect(lambda _r: self.refresh())
        self.results.agency_activated.connect(self.on_results_agency_activated)
        self.feedback.feedback_sent.connect(self.on_feedback_feedback_sent)
        self.feedback.campaign_closed.connect(self.on_feedback_campaign_closed)
        self.feedback.reload_requested.connect(self.refresh)

    # -- data -------------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[ListedCampaign]:
        """One window of the campaigns (read at refresh: a county holds tens of them)."""
        return memory_page(self.campaigns, query, search=lambda r: r.name, sorts=SORTS)

    def refresh(self, select_id: int | None = None) -> None:
        """Read the campaigns again, keeping the current one (or making ``select_id`` current)."""
        self.mark_loaded()
        ctx = self.ctx

        def read() -> tuple[dict[str, str], tuple[ListedCampaign, ...]]:
            short = {a.name: a.short_name or a.name for a in list_agencies(ctx.store, ctx.user).items}
            return short, tuple(ListedCampaign.of(c) for c in list_campaigns(ctx.store, ctx.user))

        self.read("campaigns", read, partial(self.on_campaigns_loaded, select_id))

    def on_campaigns_loaded(
        self, select_id: int | None, read: tuple[dict[str, str], tuple[ListedCampaign, ...]]
    ) -> None:
        """Show the campaigns read, keeping the current one (or making ``select_id`` current)."""
        short, self.campaigns = read
        self._short.clear()
        self._short.update(short)
        reload_keeping(self.table, self.model, select_id)
        if self.model.total and self.current_campaign() is None:
            self.table.select_row(0)  # the newest: its sub-tabs are never blank

    def current_campaign(self) -> CampaignRow | None:
        """The campaign of the current row."""
        return self.table.current_row()

    def show_campaign(self, campaign_id: int, tab: int | None = None) -> None:
        """Make a campaign current (asked for by another view), optionally on one sub-tab."""
        self.header.set_search_text("")
        if self.loaded:
            reload_keeping(self.table, self.model, campaign_id)
        else:  # made current once the campaigns are read
            self.refresh(campaign_id)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    def show_agency_files(self, campaign_id: int, agency_id: int | None) -> None:
        """A campaign's files of one agency (a dashboard bar), once the campaign is read."""
        self._wanted_agency = agency_id
        self.show_campaign(campaign_id, FILES)

    def reload_detail(self) -> None:
        """Read the current campaign's sub-tabs again (in the background)."""
        self.on_table_current_row_changed(self.current_campaign())

    # -- actions ----------------------------------------------------------------------------------

    def new_campaign(self) -> CampaignDialog | None:
        """新建评查活动 (opens the dialog; it returns at once)."""
        if not self.can_manage:
            return None
        dialog = CampaignDialog(self.ctx, self, taken_names=[c.name for c in self.campaigns])
        dialog.campaign_drawn.connect(self.on_dialog_campaign_drawn)
        return self.open_dialog(dialog)

    def void_current(self) -> VoidDialog | None:
        """作废 (supervisors): ask why, then once more, naming the campaign."""
        row = self.current_campaign()
        if row is None or not self.can_manage:
            return None
        if row.state != "scoring":
            self.ctx.dialogs.info(
                self,
                self.tr("Void the campaign"),
                self.tr("{name} is already voided.").format(name=row.name)
                if row.state == "voided"
                else self.tr("{name} is announced: its grades are fixed.").format(name=row.name),
            )
            return None
        dialog = VoidDialog(self.ctx, row, self)
        dialog.campaign_voided.connect(self.on_dialog_campaign_voided)
        return self.open_dialog(dialog)

    def export_current(self) -> None:
        """导出结果: the selected campaign's workbook (案卷, 扣分, 单位, 复核)."""
        row = self.current_campaign()
        if row is None:
            return
        title = self.tr("Export results")
        path = self.ctx.dialogs.save_file(
            self,
            title,
            self.tr("{name} results {day}.xlsx").format(name=row.name, day=self.ctx.today().isoformat()),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return
        if Path(path).suffix.lower() != ".xlsx":
            path += ".xlsx"
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: export_results(ctx.store, ctx.user, row.id, path),
            on_done=lambda count: ctx.dialogs.info(
                self,
                title,
                self.tr("Exported the results of {count} files to {path}.").format(
                    count=f"{count:,}", path=path
                ),
            ),
            label=self.tr("Exporting the results"),
            parent_widget=self,
            cancellable=False,
        )

    def verify_current(self) -> None:
        """验证抽取: repeat the stored draw from its seed and say what it shows."""
        row = self.current_campaign()
        if row is None:
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: verify_draw(ctx.store, ctx.user, row.name),
            on_done=self.show_check,
            label=self.tr("Repeating the draw"),
            parent_widget=self,
            cancellable=False,
        )

    def show_check(self, check: DrawCheck) -> None:
        """The check in words: whether the draw repeats, and whether the register still gives the
        same population."""
        title = self.tr("Verify the draw")
        text = self.check_text(check)
        if check.matches:
            self.ctx.dialogs.info(self, title, text)
        else:
            self.ctx.dialogs.warn(self, title, text)

    def check_text(self, check: DrawCheck) -> str:
        """What ``verify_draw`` found, in words."""
        if check.matches:
            first = self.tr(
                "The draw repeats: ranked again from seed {seed}, the {size} files of the stored "
                "population give exactly the files drawn."
            )
        else:
            first = self.tr(
                "The draw does not repeat: ranked again from seed {seed}, the stored population gives "
                "{missing} files that were not drawn and leaves out {extra} that were ({examples})."
            )
        lines = [
            first.format(
                seed=check.seed,
                size=f"{check.population_size:,}",
                missing=len(check.missing),
                extra=len(check.extra),
                examples=self.tr(", ").join((*check.missing, *check.extra)[:EXAMPLES]),
            )
        ]
        if check.population_unchanged:
            lines.append(
                self.tr("The register still gives the same population (fingerprint {sha}).").format(
                    sha=check.population_sha256
                )
            )
        else:
            examples = self.tr(", ").join((*check.added, *check.removed)[:EXAMPLES])
            lines.append(
                self.tr(
                    "The register has changed since the draw: {added} eligible files added and "
                    "{removed} removed (e.g. {examples}). The check above uses the population stored "
                    "with the draw."
                ).format(added=len(check.added), removed=len(check.removed), examples=examples)
            )
        return "\n\n".join(lines)

    # -- slots ------------------------------------------------------------------------------------

    def on_table_current_row_changed(self, row: CampaignRow | None) -> None:
        """Show the campaign below the list (its results read in the background)."""
        has = row is not None
        for action in (self.verify_action, self.export_action):
            action.setEnabled(has)
        self.void_action.setEnabled(self.can_manage and row is not None and row.state == "scoring")
        if row is None:
            self.show_detail(None)
            return
        ctx, campaign_id = self.ctx, row.id
        ctx.tasks.run(
            lambda _p, _c: load_detail(ctx.store, ctx.user, campaign_id),
            on_done=self.on_detail_loaded,
            on_error=self.on_detail_failed,
            label=self.tr("Reading the campaign"),
            parent_widget=self,
            cancellable=False,
            key=f"campaign-detail-{id(self)}",
            show_progress=False,
        )

    def on_detail_loaded(self, detail: CampaignDetail) -> None:
        """Read: show it if it is still the current campaign."""
        current = self.current_campaign()
        if current is not None and current.id == detail.campaign.id:
            self.show_detail(detail)

    def on_detail_failed(self, exc: BaseException) -> None:
        """The campaign could not be read: say so and read the list again."""
        self.show_detail(None)
        self.ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

    def show_detail(self, detail: CampaignDetail | None) -> None:
        """Fill the sub-tabs (None: empty them)."""
        self.detail = detail
        campaign = detail.campaign if detail else None
        results = detail.results if detail else None
        self.overview.show_campaign(campaign)
        self.files.show_results(results)
        if results is not None and getattr(self, "_wanted_agency", None) is not None:
            self.files.set_filters(agency_id=self._wanted_agency)
            self._wanted_agency = None
        self.results.show_results(results)
        if detail is None:
            self.feedback.show_campaign(None)
        else:
            self.feedback.show_campaign(
                campaign, detail.results.agencies, detail.feedback, detail.rechecks, detail.open_sheets
            )

    def on_dialog_campaign_drawn(self, result: DrawResult) -> None:
        """Drawn: list it, current."""
        self.header.set_search_text("")
        self.refresh(select_id=result.campaign.id)
        self.campaign_drawn.emit(result)

    def on_dialog_campaign_voided(self, row: CampaignRow) -> None:
        """Voided: read the list and the campaign again (it stays listed, greyed)."""
        self.refresh(select_id=row.id)
        self.campaign_voided.emit(row)

    def on_files_sheet_reopened(self, sheet: object) -> None:
        """A score reopened: read the campaign again."""
        self.refresh()
        self.sheet_reopened.emit(sheet)

    def on_feedback_feedback_sent(self, rows: tuple[FeedbackRow, ...]) -> None:
        """Feedback recorded: read the campaign again."""
        self.refresh()
        self.feedback_sent.emit(rows)

    def on_feedback_campaign_closed(self, row: CampaignRow) -> None:
        """Announced: read the list and the campaign again."""
        self.refresh()
        self.campaign_closed.emit(row)

    def on_results_agency_activated(self, agency_id: int) -> None:
        """An agency's row in the results: its files."""
        self.files.set_filters(agency_id=agency_id)
        self.tabs.setCurrentIndex(FILES)

    # -- helpers ----------------------------------------------------------------------------------

    def empty_text(self) -> str:
        """What the empty list means, and what to do."""
        if self.header.search_text():
            text = self.tr("No campaign matches the search.")
        elif self.can_manage:
            text = self.tr("No review campaigns yet — set one up with New campaign (Ctrl+N)")
        else:
            text = self.tr("No campaign you take part in yet.")
        return text

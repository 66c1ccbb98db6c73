"""结果: per agency — files drawn and scored, the average, 合格率, 优秀率 and the grades — above the
charts (``results_charts``), which say "尚无已提交的评分" until a file's score is final."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.paging import ListQuery, Page
from desktop.review.dto import AgencyResult, CampaignResults
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.look import GREY
from desktop.views.common.page_tools import make_table
from desktop.views.common.widgets import master_detail, save_splitter
from desktop.views.review.campaign_titles import format_rate, grades_text, score_or_dash
from desktop.views.review.results_charts import ResultsCharts
from desktop.views.review.tab_tools import memory_page

SPLITTER_KEY = "review_results"


@dataclass(frozen=True)
class ListedAgency(AgencyResult):
    """An agency's results as the table shows them."""

    @property
    def average_text(self) -> str:
        """The average final score, one decimal."""
        return score_or_dash(self.average)

    @property
    def pass_text(self) -> str:
        """合格率 as ``85.0%``."""
        return format_rate(self.pass_rate)

    @property
    def excellent_text(self) -> str:
        """优秀率 as ``85.0%``."""
        return format_rate(self.excellent_rate)

    @property
    def grades_text(self) -> str:
        """``优秀 3 · 合格 5 · 不合格 0``."""
        return grades_text(self.grades)

    @classmethod
    def of(cls, row: AgencyResult) -> ListedAgency:
        """The service's row as a listed one."""
        return cls(**{f.name: getattr(row, f.name) for f in fields(row)})


SORTS: dict[str, Callable[[ListedAgency], Any]] = {
    "agency": lambda r: r.agency,
    "files": lambda r: r.files,
    "scored": lambda r: r.scored,
    "average": lambda r: r.average,
    "pass_rate": lambda r: r.pass_rate,
    "excellent_rate": lambda r: r.excellent_rate,
}


class ResultsView(QWidget):
    """The agency table and the charts of one campaign's results.

    ``agency_activated(agency_id)``: a row was double-clicked (the tab shows that agency's files).
    """

    agency_activated = Signal(int)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, short_agency: Callable[[str], str] = str
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.short_agency = short_agency
        self.rows: tuple[ListedAgency, ...] = ()
        self.model, self.table = make_table(
            ctx, self, "review_campaign_agencies", self._columns(), self.fetch
        )
        self.table.setMinimumHeight(110)
        self.table.row_activated.connect(self.on_table_row_activated)
        self.charts = ResultsCharts(self, short_agency=short_agency)
        self.empty = QLabel(
            self.tr("No score submitted yet — the charts fill in as the reviewers submit."), self
        )
        self.empty.setObjectName("chartsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {GREY};")
        self.chart_stack = QStackedWidget(self)
        self.chart_stack.addWidget(self.empty)
        self.chart_stack.addWidget(self.charts)
        self.splitter, _ = master_detail(
            self, Qt.Orientation.Vertical, self.table, self.chart_stack, [150, 380], SPLITTER_KEY, stretch=1
        )
        self.splitter.splitterMoved.connect(self.on_splitter_splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.addWidget(self.splitter)

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec(
                "agency",
                self.tr("Agency"),
                "agency",
                width=190,
                format=lambda n: self.short_agency(n),
                tip=lambda row: row.agency,
            ),
            ColumnSpec("files", self.tr("Drawn"), "files", width=56, align="right"),
            ColumnSpec("scored", self.tr("Scored"), "scored", width=56, align="right"),
            ColumnSpec("average_text", self.tr("Average score"), "average", width=96, align="right"),
            ColumnSpec("pass_text", self.tr("Pass rate"), "pass_rate", width=76, align="right"),
            ColumnSpec(
                "excellent_text", self.tr("Excellent rate"), "excellent_rate", width=100, align="right"
            ),
            ColumnSpec("grades_text", self.tr("Grades"), None, width=220),
        ]

    def fetch(self, query: ListQuery) -> Page[ListedAgency]:
        """The agencies' rows (already read)."""
        return memory_page(self.rows, query, search=lambda r: r.agency, sorts=SORTS)

    def show_results(self, results: CampaignResults | None) -> None:
        """Show ``results`` (None: nothing) in the table and the charts."""
        self.rows = tuple(ListedAgency.of(a) for a in results.agencies) if results else ()
        self.model.reload()
        waiting = self.ctx.user.scope_agency_id is not None and results is not None and not results.files
        later = self.tr("Your agency's results show here once the bureau has sent its feedback.")
        voided = self.tr("The campaign is voided: it counts in no results.")
        if results is not None and results.campaign.voided:
            later, waiting = voided, True
        self.table.set_empty_text("" if self.rows else later if waiting else self.tr("No file to show."))
        scored = results is not None and any(f.final is not None for f in results.files)
        if results is None:
            self.empty.setText(self.tr("Select a campaign to see its results."))
        else:
            self.empty.setText(
                later
                if waiting
                else self.tr("No score submitted yet — the charts fill in as the reviewers submit.")
            )
        self.chart_stack.setCurrentWidget(self.charts if scored else self.empty)
        self.charts.show_results(results if scored else None)

    def has_charts(self) -> bool:
        """Whether the charts are shown (something is scored), not the empty text."""
        return self.chart_stack.currentWidget() is self.charts

    def on_table_row_activated(self, row: AgencyResult | None) -> None:
        """Double-click: that agency's files."""
        if row is not None:
            self.agency_activated.emit(row.agency_id)

    def on_splitter_splitter_moved(self, _pos: int, _index: int) -> None:
        """Remember how much room the table has."""
        save_splitter(self.splitter, SPLITTER_KEY)

"""The dashboard (首页 / 驾驶舱): where the county stands at a glance — cases by month and
category, open warnings by agency and code, the overdue trend, the latest campaign's grades,
certificates by state and those expiring — for a period and an agency (an agency user sees their
own). Values on hover; a click opens the list behind a chart (a bar of an agency's warnings of
a code opens the warning centre filtered to them); each chart saved as PNG, every number as one
workbook. Read through the task runner."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.rules import WARNING_TITLES
from desktop.context import AppContext
from desktop.core.i18n import translate
from desktop.reports.annual import annual_report
from desktop.reports.dashboard import dashboard, default_period
from desktop.reports.dto import Dashboard, Table
from desktop.reports.workbook import write_annual, write_dashboard
from desktop.views.common.page_tools import fill_agency_filter, scoped_agencies
from desktop.views.dashboard.assessment import AssessmentTab
from desktop.views.dashboard.charts import LEVEL_COLOURS, BarChart, Series
from desktop.views.dashboard.drill import request
from desktop.views.dashboard.people import PeopleCharts, pivot
from desktop.views.dashboard.published import PublishedTab


class DashboardPage(QWidget):
    """The supervisor's first page."""

    filter_requested = Signal(str, object)
    """(area, filters) — the window shows that area's list with ``set_filters(**filters)``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Dashboard | None = None
        self.agencies: list[tuple[int, str, str]] = []
        self._loaded = False
        self.keys: dict[str, list[Any]] = {}
        self.campaign = ""
        """The latest campaign's name (the grades chart's bars lead to its files)."""
        """What each bar of a chart stands for (a month, an agency id), by chart."""
        start, end = default_period(ctx.today())
        self.start_edit = self._date(start, "periodFrom")
        self.end_edit = self._date(end, "periodTo")
        self.agency_filter = QComboBox(self)
        self.agency_filter.setObjectName("agencyFilter")
        self.agency_filter.setMinimumWidth(200)
        fill_agency_filter(self.agency_filter, ctx, [], self.tr("All agencies"))
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.export_button = QPushButton(self.tr("Export all numbers…"), self)
        self.export_button.setObjectName("exportWorkbook")
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("annualYear")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(ctx.today().year - 1)  # due by 31 January for the previous year
        self.annual_button = QPushButton(self.tr("Annual statistics…"), self)
        self.annual_button.setObjectName("annualReport")
        self.status = QLabel(self)
        self.cases_chart = BarChart(self.tr("Cases by month and category"), self)
        self.warnings_chart = BarChart(self.tr("Open warnings by agency and code"), self, horizontal=True)
        self.overdue_chart = BarChart(self.tr("Decisions overdue by month"), self)
        self.grades_chart = BarChart(self.tr("Latest campaign: grades per agency"), self, horizontal=True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        self.sheets = QTabWidget(self)
        self.sheets.setObjectName("chartSheets")
        self.people = PeopleCharts(self.sheets)
        self.certs_chart = self.people.certs_chart
        self.side_text = self.people.side_text
        self.charts = {
            "cases": self.cases_chart,
            "warnings": self.warnings_chart,
            "overdue": self.overdue_chart,
            "grades": self.grades_chart,
            **self.people.charts,
        }
        self.assessment = AssessmentTab(ctx, self.tabs)
        self.published = PublishedTab(ctx, self.tabs)
        self._lay_out()
        self._connect()

    def _date(self, value: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        title = QLabel(self.tr("Dashboard"), self)
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        bar.addWidget(title)
        bar.addStretch(1)
        for label, widget in (
            (self.tr("From"), self.start_edit),
            (self.tr("To"), self.end_edit),
            (self.tr("Agency"), self.agency_filter),
        ):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(widget)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.year_spin)
        bar.addWidget(self.annual_button)
        cases = QWidget(self.sheets)
        grid = QGridLayout(cases)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.cases_chart, 0, 0)
        grid.addWidget(self.warnings_chart, 0, 1)
        grid.addWidget(self.overdue_chart, 1, 0)
        grid.addWidget(self.grades_chart, 1, 1)
        self.sheets.addTab(cases, self.tr("Cases and warnings"))
        self.sheets.addTab(self.people, self.tr("Officers, exams and footage"))
        overview = QWidget(self.tabs)
        inner = QVBoxLayout(overview)
        inner.setContentsMargins(0, 4, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.status)
        inner.addWidget(self.sheets, 1)
        self.tabs.addTab(overview, self.tr("Overview"))
        self.tabs.addTab(self.assessment, self.tr("Assessment"))
        self.tabs.addTab(self.published, self.tr("Published results"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.agency_filter.currentIndexChanged.connect(self.on_filter_changed)
        self.start_edit.dateChanged.connect(self.on_filter_changed)
        self.end_edit.dateChanged.connect(self.on_filter_changed)
        self.export_button.clicked.connect(self.export_workbook)
        self.annual_button.clicked.connect(self.export_annual)
        for key, chart in self.charts.items():
            chart.save_button.clicked.connect(lambda _=False, k=key: self.save_chart(k))
            chart.bar_clicked.connect(lambda index, series, k=key: self.on_bar_clicked(k, index, series))
        self.assessment.published.connect(lambda _id: self.published.refresh())

    # -- reading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def period(self) -> tuple[date, date]:
        return self.start_edit.date().toPython(), self.end_edit.date().toPython()  # type: ignore[return-value]

    def refresh(self) -> None:
        """Read the agencies and the figures again (through the task runner)."""
        ctx = self.ctx
        start, end = self.period()
        agency_id = self.agency_filter.currentData()
        self.status.setText(self.tr("Reading…"))
        self.assessment.load_sets()
        self.published.refresh()
        self.ctx.tasks.load(
            lambda: (
                scoped_agencies(ctx),
                dashboard(ctx.store, ctx.user, start, end, agency_id, ctx.today()),
            ),
            self.on_loaded,
            on_error=self.on_failed,
            parent_widget=self,
            key=f"dashboard-{id(self)}",
        )

    def on_failed(self, exc: BaseException) -> None:
        self.status.setText("")
        self.ctx.dialogs.show_error(self, exc)

    def on_filter_changed(self, *_: object) -> None:
        if self._loaded:
            self.refresh()

    def on_loaded(self, answer: tuple[list[tuple[int, str, str]], Dashboard]) -> None:
        """Draw what was read."""
        agencies, data = answer
        self.agencies, self.data, self._loaded = list(agencies), data, True
        blocked = self.agency_filter.blockSignals(True)
        fill_agency_filter(self.agency_filter, self.ctx, self.agencies, self.tr("All agencies"))
        self.agency_filter.blockSignals(blocked)
        self.status.setText(
            self.tr("{start} to {end}, {agency}").format(
                start=data.period.start.isoformat(),
                end=data.period.end.isoformat(),
                agency=data.agency or self.tr("all agencies"),
            )
        )
        self._draw(data)

    def short(self, agency_id: int) -> str:
        return next((short for aid, _n, short in self.agencies if aid == agency_id), str(agency_id))

    def table(self, key: str) -> Table:
        assert self.data is not None
        return next(t for t in self.data.tables if t.key == key)

    def _draw(self, data: Dashboard) -> None:
        none = self.tr("Nothing in this period")
        months, categories, cells = pivot(self.table("cases_by_month"), "month", "category")
        self.cases_chart.set_data(
            months,
            [Series(c, c, tuple(cells.get((m, c), 0) for m in months)) for c in categories],
            none,
            ticks=[_month_tick(m) for m in months],
        )
        warnings = self.table("open_warnings")
        ids, codes, cells = pivot(warnings, "agency_id", "code")
        levels = {r[2]: r[3] for r in warnings.rows}
        self.warnings_chart.set_data(
            [self.short(a) for a in ids],
            [
                Series(
                    c,
                    translate("warnings", WARNING_TITLES.get(c, c)),
                    tuple(cells.get((a, c), 0) for a in ids),
                    _shade(levels.get(c), n),
                )
                for n, c in enumerate(codes)
            ],
            self.tr("No open warnings"),
        )
        trend = self.table("overdue_trend")
        self.overdue_chart.set_data(
            [r[0] for r in trend.rows],
            [
                Series(
                    "decision_overdue", self.tr("Overdue"), tuple(float(r[1]) for r in trend.rows), "#C00000"
                )
            ],  # type: ignore[arg-type]
            none,
            ticks=[_month_tick(str(r[0])) for r in trend.rows],
        )
        grades = self.table("campaign_grades")
        ids_g, bands, cells = pivot(grades, "agency_id", "grade")
        self.grades_chart.setTitle(
            self.tr("Latest campaign: grades per agency") + (f" — {grades.note}" if grades.note else "")
        )
        self.grades_chart.set_data(
            [self.short(a) for a in ids_g],
            [Series(b, b, tuple(cells.get((a, b), 0) for a in ids_g)) for b in bands],
            self.tr("No campaign yet"),
        )
        self.keys = {
            "cases": list(months),
            "warnings": list(ids),
            "overdue": [r[0] for r in trend.rows],
            "grades": list(ids_g),
        }
        self.campaign = grades.note
        self.people.draw(data, self.table, self.short)
        self.keys.update(self.people.keys)
        if data.not_available:
            self.side_text.setText(
                self.side_text.text()
                + "\n\n"
                + self.tr("Not available yet (their data is not kept yet): {names}").format(
                    names=", ".join(data.not_available)
                )
            )

    # -- click-through ---------------------------------------------------------------------------

    def on_bar_clicked(self, chart: str, index: int, series: str) -> None:
        """A bar of any chart: the list behind it (the window shows the area, filtered)."""
        keys, data = self.keys.get(chart, []), self.data
        if data is None or not 0 <= index < len(keys):
            return
        period = (data.period.start, data.period.end)
        found = request(chart, keys[index], series, period, data.agency_id, self.campaign)
        if found is not None:
            self.filter_requested.emit(*found)

    # -- saving ------------------------------------------------------------------------------

    def save_chart(self, key: str) -> None:
        chart = self.charts[key]
        path = self.ctx.dialogs.save_file(
            self, self.tr("Save the chart"), f"{chart.title()}.png", "PNG (*.png)"
        )
        if path:
            if Path(path).suffix.lower() != ".png":
                path += ".png"
            chart.save_png(path)

    def export_annual(self) -> None:
        """The chosen year's statistics (统计年报) as the workbook a bureau files."""
        year = self.year_spin.value()
        path = self.ctx.dialogs.save_file(
            self, self.tr("Annual statistics"), f"{year}年度行政执法统计年报.xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        if Path(path).suffix.lower() != ".xlsx":
            path += ".xlsx"
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: _annual(ctx, year, path),
            on_done=lambda _n: ctx.dialogs.info(
                self, self.tr("Annual statistics"), self.tr("Wrote {path}.").format(path=path)
            ),
            on_error=self.on_failed,
            label=self.tr("Writing the workbook"),
            parent_widget=self,
        )

    def export_workbook(self) -> None:
        """Every number of the dashboard as one workbook (written in the background)."""
        data = self.data
        if data is None:
            return
        name = f"驾驶舱 {data.period.start.isoformat()}–{data.period.end.isoformat()}.xlsx"
        path = self.ctx.dialogs.save_file(self, self.tr("Export all numbers"), name, "Excel (*.xlsx)")
        if not path:
            return
        if Path(path).suffix.lower() != ".xlsx":
            path += ".xlsx"
        self.ctx.tasks.run(
            lambda _p, _c: write_dashboard(path, data),
            on_done=lambda _r: self.ctx.dialogs.info(
                self, self.tr("Export all numbers"), self.tr("Wrote {path}.").format(path=path)
            ),
            on_error=self.on_failed,
            label=self.tr("Writing the workbook"),
            parent_widget=self,
        )


def _annual(ctx: AppContext, year: int, path: str) -> int:
    """Compute the year's statistics and write them (on the task runner); the number of tables."""
    report = annual_report(ctx.store, ctx.user, year, ctx.today())
    write_annual(path, report)
    return len(report.tables)


def _month_tick(month: str) -> str:
    """``2026-03`` → ``3月``; January shows its year (``2026-01`` → ``26.1``)."""
    year, number = month.split("-")
    return f"{year[2:]}.1" if number == "01" else f"{int(number)}月"


def _shade(level: str | None, n: int) -> str:
    """Red codes in reds, yellow ones in ambers (a little lighter for each further code)."""
    base = LEVEL_COLOURS.get(level or "", "")
    if not base:
        return ""
    reds = ("#C00000", "#E04040", "#F07070", "#A00000", "#FF9090", "#800000")
    ambers = ("#E0A800", "#F0C040", "#C08000", "#FFD966")
    return (reds if level == "red" else ambers)[n % (6 if level == "red" else 4)]

"""The results' charts (pyqtgraph): final scores in bins of 5 points from 50 to 100, grades per agency
as stacked bars in the bands' colours with a legend, and the ten most frequent deductions as
horizontal bars labelled with what they say. Axis texts get a font with Chinese glyphs."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402  (after PySide6, so it binds to it)

from desktop.review.dto import AgencyResult, CampaignResults, DeductionCount  # noqa: E402
from desktop.views.common.look import scaled_font  # noqa: E402
from desktop.views.common.value_titles import value_title
from desktop.views.review.campaign_titles import BAND_BLUE, band_colours, cjk_font  # noqa: E402

LOW, HIGH, BIN = 50, 100, 5
EDGES = tuple(range(LOW, HIGH + 1, BIN))
"""Histogram bin edges: 50, 55, … 100 (the last bin holds 100 too); scores below 50 get a bar of their own."""
TOP_DEDUCTIONS = 10
LABEL_CHARS = 18
MAX_LABEL_WIDTH = 300
BAR_HEIGHT = 0.62
AXIS_COLOUR, TEXT_COLOUR, GRID_ALPHA = "#9AA0A6", "#3C4043", 0.25
DEDUCTION_COLOUR = "#E37400"


@dataclass(frozen=True)
class Histogram:
    """Counts per bin: ``below`` (under 50), then one per 5 points from 50 to 100."""

    below: int
    counts: tuple[int, ...]


def histogram(totals: Sequence[float]) -> Histogram:
    """Bin the final scores (100 falls in the last bin)."""
    counts = [0] * (len(EDGES) - 1)
    below = 0
    for total in totals:
        if total < LOW:
            below += 1
        else:
            counts[min(int((total - LOW) // BIN), len(counts) - 1)] += 1
    return Histogram(below, tuple(counts))


def clipped(text: str, chars: int = LABEL_CHARS) -> str:
    """A label cut to ``chars`` characters with an ellipsis."""
    return text if len(text) <= chars else text[: chars - 1] + "…"


def _integer_axis(axis: pg.AxisItem, top: int) -> None:
    """Counts: whole-number ticks only."""
    step = max(1, -(-top // 5))
    axis.setTickSpacing(step, step)


class ResultsCharts(QWidget):
    """Three charts side by side; ``show_results`` redraws them."""

    def __init__(self, parent: QWidget | None = None, *, short_agency: Callable[[str], str] = str) -> None:
        super().__init__(parent)
        self.short_agency = short_agency
        self.axis_font: QFont = cjk_font(self.font())
        self.histogram_item: pg.BarGraphItem | None = None
        self.below_item: pg.BarGraphItem | None = None
        self.grade_items: dict[str, pg.BarGraphItem] = {}
        self.deduction_item: pg.BarGraphItem | None = None
        self.deduction_labels: list[str] = []
        self.agency_labels: list[str] = []
        self.histogram_plot = self._plot(self.tr("Score"), self.tr("Files"))
        self.grades_plot = self._plot(self.tr("Files"), "")
        self.deductions_plot = self._plot(self.tr("Times taken"), "")
        self.legend = self._legend(self.grades_plot)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for title, plot, stretch in (
            (self.tr("Final scores"), self.histogram_plot, 4),
            (self.tr("Grades per agency"), self.grades_plot, 5),
            (self.tr("Most frequent deductions"), self.deductions_plot, 6),
        ):
            layout.addLayout(self._titled(title, plot), stretch)

    # -- building -------------------------------------------------------------------------------

    def _plot(self, bottom: str, left: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(self, background="w")
        plot.setMinimumSize(220, 200)
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=False, y=False)
        for name, text in (("bottom", bottom), ("left", left)):
            axis = item.getAxis(name)
            axis.setTickFont(self.axis_font)
            axis.setPen(pg.mkPen(AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            axis.label.setFont(self.axis_font)
            if text:
                axis.setLabel(text, color=TEXT_COLOUR)
        return plot

    def _legend(self, plot: pg.PlotWidget) -> pg.LegendItem:
        item = plot.getPlotItem()
        legend = pg.LegendItem(
            colCount=4,
            labelTextColor=TEXT_COLOUR,
            labelTextSize=f"{self.font().pointSizeF():g}pt",
            brush=pg.mkBrush(255, 255, 255, 230),
            pen=pg.mkPen(AXIS_COLOUR),
        )
        legend.setParentItem(item)
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-6, 2))
        item.setContentsMargins(4, 46, 10, 4)  # room above the bars for the legend (one row)
        return legend

    def _titled(self, title: str, plot: pg.PlotWidget) -> QVBoxLayout:
        label = QLabel(title, self)
        label.setFont(scaled_font(self, 1.0, bold=True))
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(label)
        column.addWidget(plot, 1)
        return column

    # -- drawing --------------------------------------------------------------------------------

    def show_results(self, results: CampaignResults | None) -> None:
        """Redraw every chart for ``results`` (None: empty charts)."""
        files = results.files if results else ()
        totals = [float(f.final.total) for f in files if f.final is not None]
        self.draw_histogram(histogram(totals))
        bands = results.bands if results else ()
        self.draw_grades([a for a in results.agencies if a.scored] if results else [], bands)
        self.draw_deductions(results.deductions[:TOP_DEDUCTIONS] if results else ())

    def draw_histogram(self, data: Histogram) -> None:
        """Bars over 50–55 … 95–100, and one for scores under 50 when there are any."""
        item = self.histogram_plot.getPlotItem()
        item.clear()
        self.histogram_item = pg.BarGraphItem(
            x0=list(EDGES[:-1]),
            x1=list(EDGES[1:]),
            height=list(data.counts),
            brush=pg.mkBrush(BAND_BLUE),
            pen=pg.mkPen("w"),
        )
        item.addItem(self.histogram_item)
        ticks = [(edge, str(edge)) for edge in EDGES]
        left = LOW
        self.below_item = None
        if data.below:
            left = LOW - BIN
            self.below_item = pg.BarGraphItem(
                x0=[left], x1=[LOW], height=[data.below], brush=pg.mkBrush("#D93025"), pen=pg.mkPen("w")
            )
            item.addItem(self.below_item)
            ticks.insert(0, (LOW - BIN / 2, "<50"))
        item.getAxis("bottom").setTicks([ticks])
        top = max((*data.counts, data.below, 1))
        _integer_axis(item.getAxis("left"), top)
        item.setXRange(left - 2, HIGH + 2, padding=0)  # room for the first and last labels
        item.setYRange(0, top * 1.1, padding=0)

    def draw_grades(self, agencies: Sequence[AgencyResult], bands: Sequence[str]) -> None:
        """One stacked bar per agency with scored files (the first at the top), a segment per band."""
        item = self.grades_plot.getPlotItem()
        item.clear()
        self.legend.clear()
        self.grade_items = {}
        self.agency_labels = [self.short_agency(a.agency) for a in agencies]
        n = len(agencies)
        ys = [n - 1 - i for i in range(n)]
        start = [0] * n
        colours = band_colours(bands)
        for band in bands:
            widths = [dict(a.grades).get(band, 0) for a in agencies]
            bar = pg.BarGraphItem(
                x0=list(start),
                y=ys,
                height=BAR_HEIGHT,
                width=widths,
                brush=pg.mkBrush(colours[band]),
                pen=pg.mkPen("w"),
                name=band,
            )
            item.addItem(bar)
            self.legend.addItem(bar, value_title(band))
            self.grade_items[band] = bar
            start = [s + w for s, w in zip(start, widths, strict=True)]
        self._label_axis(item.getAxis("left"), list(zip(ys, self.agency_labels, strict=True)))
        top = max((*start, 1))
        _integer_axis(item.getAxis("bottom"), top)
        item.setXRange(0, top * 1.05, padding=0)
        item.setYRange(-0.6, max(n, 1) - 0.4, padding=0)

    def draw_deductions(self, deductions: Sequence[DeductionCount]) -> None:
        """The most frequent deductions, most frequent at the top, labelled with their text."""
        item = self.deductions_plot.getPlotItem()
        item.clear()
        n = len(deductions)
        ys = [n - 1 - i for i in range(n)]
        widths = [d.times for d in deductions]
        self.deduction_labels = [clipped(d.text) for d in deductions]
        self.deduction_item = pg.BarGraphItem(
            x0=0, y=ys, height=BAR_HEIGHT, width=widths, brush=pg.mkBrush(DEDUCTION_COLOUR), pen=pg.mkPen("w")
        )
        item.addItem(self.deduction_item)
        for y, d in zip(ys, deductions, strict=True):
            count = pg.TextItem(str(d.times), color=TEXT_COLOUR, anchor=(0, 0.5))
            count.setFont(self.axis_font)
            count.setPos(d.times, y)
            item.addItem(count)
        self._label_axis(item.getAxis("left"), list(zip(ys, self.deduction_labels, strict=True)))
        top = max((*widths, 1))
        _integer_axis(item.getAxis("bottom"), top)
        item.setXRange(0, top * 1.15, padding=0)
        item.setYRange(-0.6, max(n, 1) - 0.4, padding=0)

    def _label_axis(self, axis: pg.AxisItem, ticks: list[tuple[float, str]]) -> None:
        """Text labels on a category axis, the axis as wide as the longest (within reason)."""
        axis.setTicks([ticks, []])
        metrics = QFontMetrics(self.axis_font)
        widest = max((metrics.horizontalAdvance(text) for _y, text in ticks), default=20)
        axis.setWidth(min(widest + 14, MAX_LABEL_WIDTH))

"""The sitting's charts (pyqtgraph): scores in ten bins of a tenth of the paper's points, with the
pass mark drawn; pass rate per agency as horizontal bars. Axis texts get a font with Chinese glyphs."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg  # noqa: E402  (after PySide6, so it binds to it)

from desktop.views.common.look import scaled_font  # noqa: E402
from desktop.views.review.campaign_titles import BAND_BLUE, cjk_font  # noqa: E402

BINS = 10
AXIS_COLOUR, TEXT_COLOUR, PASS_COLOUR = "#9AA0A6", "#3C4043", "#D93025"


def score_bins(scores: Sequence[float], points: float) -> list[int]:
    """How many scores fall in each tenth of ``points`` (full marks in the last)."""
    counts = [0] * BINS
    width = points / BINS if points > 0 else 1.0
    for score in scores:
        counts[min(int(score // width), BINS - 1) if score > 0 else 0] += 1
    return counts


class SittingCharts(QWidget):
    """Two charts side by side; ``show_sitting`` redraws them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis_font = cjk_font(self.font())
        self.scores_plot = self._plot(self.tr("Score"), self.tr("Candidates"))
        self.agencies_plot = self._plot(self.tr("Pass rate"), "")
        self.bars: list[int] = []
        self.rates: list[tuple[str, float]] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for title, plot in (
            (self.tr("Scores"), self.scores_plot),
            (self.tr("Pass rate per agency"), self.agencies_plot),
        ):
            label = QLabel(title, self)
            label.setFont(scaled_font(self, 1.0, bold=True))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(plot, 1)
            layout.addLayout(column, 1)

    def _plot(self, bottom: str, left: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(self, background="w")
        plot.setMinimumSize(260, 220)
        item = plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        for name, text in (("bottom", bottom), ("left", left)):
            axis = item.getAxis(name)
            axis.setTickFont(self.axis_font)
            axis.setPen(pg.mkPen(AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(TEXT_COLOUR))
            if text:
                axis.setLabel(text, color=TEXT_COLOUR)
        return plot

    def show_sitting(
        self,
        scores: Sequence[float],
        points: float,
        pass_mark: float,
        agencies: Sequence[tuple[str, int, int]],
    ) -> None:
        """Redraw: the score histogram with the pass mark, and each agency's pass rate."""
        item = self.scores_plot.getPlotItem()
        item.clear()
        self.bars = score_bins(scores, points)
        width = points / BINS if points > 0 else 1.0
        item.addItem(
            pg.BarGraphItem(
                x0=[i * width for i in range(BINS)],
                x1=[(i + 1) * width for i in range(BINS)],
                height=self.bars,
                brush=pg.mkBrush(BAND_BLUE),
                pen=pg.mkPen("w"),
            )
        )
        item.addItem(pg.InfiniteLine(pos=pass_mark, angle=90, pen=pg.mkPen(PASS_COLOUR, width=2)))
        item.setXRange(0, max(points, 1), padding=0.02)
        item.setYRange(0, max(max(self.bars, default=0), 1) * 1.1, padding=0)
        plot = self.agencies_plot.getPlotItem()
        plot.clear()
        self.rates = [(name or "—", passed / graded) for name, graded, passed in agencies if graded]
        if self.rates:
            plot.addItem(
                pg.BarGraphItem(
                    x0=[0] * len(self.rates),
                    y=list(range(len(self.rates))),
                    width=[rate for _n, rate in self.rates],
                    height=0.6,
                    brush=pg.mkBrush(BAND_BLUE),
                    pen=pg.mkPen("w"),
                )
            )
        left = plot.getAxis("left")
        left.setTicks([[(i, name) for i, (name, _rate) in enumerate(self.rates)], []])
        plot.setXRange(0, 1, padding=0.02)
        plot.setYRange(-0.6, max(len(self.rates), 1) - 0.4, padding=0)

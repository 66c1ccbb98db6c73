"""A bar chart for the dashboard (pyqtgraph): stacked series over labelled categories, the value
under the mouse as a tooltip, a click naming the bar (category index, series) it hit, and the
chart saved as PNG."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

PALETTE = ("#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47", "#C00000", "#7030A0", "#264478")
LEVEL_COLOURS = {"red": "#C00000", "yellow": "#E0A800"}


@dataclass(frozen=True)
class Series:
    """One stacked series: its key (what a click names), its label and a value per category."""

    key: str
    label: str
    values: tuple[float, ...]
    colour: str = ""


class BarChart(QGroupBox):
    """Stacked bars with hover values and clickable segments."""

    bar_clicked = Signal(int, str)
    """(category index, series key) of the segment clicked."""

    def __init__(self, title: str, parent: QWidget | None = None, horizontal: bool = False) -> None:
        super().__init__(title, parent)
        self.horizontal = horizontal
        """Bars along the y axis (long category names, e.g. agencies, read well on the left)."""
        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
        self.plot = pg.PlotWidget(self)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(y=True, alpha=0.2)
        self.legend = QLabel(self)
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.hide()
        self.save_button = QPushButton(self.tr("Save as PNG"), self)
        self.save_button.setObjectName("savePng")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.empty)
        layout.addWidget(self.save_button)
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.plot.scene().sigMouseMoved.connect(self.on_scene_mouse_moved)
        self.plot.scene().sigMouseClicked.connect(self.on_scene_mouse_clicked)

    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[Series],
        empty_text: str = "",
        ticks: Sequence[str] | None = None,
    ) -> None:
        """Draw ``series`` stacked over ``categories`` (labelled ``ticks`` on the axis, if given)."""
        self.categories, self.series = list(categories), [s for s in series if any(s.values)]
        self.plot.clear()
        base = [0.0] * len(self.categories)
        keys = []
        positions = list(range(len(self.categories)))
        for n, s in enumerate(self.series):
            colour = s.colour or PALETTE[n % len(PALETTE)]
            if self.horizontal:
                item = pg.BarGraphItem(
                    y=positions, width=list(s.values), x0=list(base), height=0.6, brush=colour, pen=colour
                )
            else:
                item = pg.BarGraphItem(
                    x=positions, height=list(s.values), y0=list(base), width=0.6, brush=colour, pen=colour
                )
            self.plot.addItem(item)
            keys.append(f'<span style="color:{colour}">■</span> {s.label}')
            base = [b + v for b, v in zip(base, s.values, strict=True)]
        self.legend.setText("&nbsp;&nbsp;".join(keys))
        labels = list(ticks) if ticks is not None else self.categories
        axis, values = ("left", "bottom") if self.horizontal else ("bottom", "left")
        self.plot.getAxis(axis).setTicks([[(i, c) for i, c in enumerate(labels)]])
        self.plot.getAxis(values).setTicks(None)
        span, top = (-0.6, max(len(self.categories) - 0.4, 0.6)), (0, max(base, default=0) * 1.1 or 1)
        if self.horizontal:
            self.plot.getViewBox().invertY(True)  # the first category on top
            self.plot.setYRange(*span, padding=0)
            self.plot.setXRange(*top, padding=0)
        else:
            self.plot.setXRange(*span, padding=0)
            self.plot.setYRange(*top, padding=0)
        self.empty.setText(empty_text)
        self.empty.setVisible(not self.series and bool(empty_text))

    def total(self, index: int) -> float:
        return sum(s.values[index] for s in self.series)

    def hit(self, scene_pos: QPointF) -> tuple[int, Series] | None:
        """The category index and series under a scene position, if a bar is there."""
        if not self.plot.sceneBoundingRect().contains(scene_pos) or not self.categories:
            return None
        point = self.plot.getPlotItem().vb.mapSceneToView(scene_pos)
        where, value = (point.y(), point.x()) if self.horizontal else (point.x(), point.y())
        index = round(where)
        if not (0 <= index < len(self.categories)) or abs(where - index) > 0.3:
            return None
        base = 0.0
        for s in self.series:
            if base <= value <= base + s.values[index] and s.values[index]:
                return index, s
            base += s.values[index]
        return None

    def on_scene_mouse_moved(self, pos: QPointF) -> None:
        """The value under the mouse as a tooltip."""
        found = self.hit(pos)
        if found is None:
            self.plot.setToolTip("")
            return
        index, s = found
        self.plot.setToolTip(f"{self.categories[index]} · {s.label}: {s.values[index]:g}")

    def on_scene_mouse_clicked(self, event: object) -> None:
        found = self.hit(event.scenePos())  # type: ignore[attr-defined]
        if found is not None:
            self.bar_clicked.emit(found[0], found[1].key)

    def tooltip_at(self, index: int, key: str) -> str:
        """What hovering the segment shows (tests)."""
        s = next(s for s in self.series if s.key == key)
        base = sum(x.values[index] for x in self.series[: self.series.index(s)])
        middle = base + s.values[index] / 2
        view = QPointF(middle, index) if self.horizontal else QPointF(index, middle)
        point = self.plot.getPlotItem().vb.mapViewToScene(view)
        self.on_scene_mouse_moved(point)
        return self.plot.toolTip()

    def save_png(self, path: str) -> bool:
        """The chart (title, bars, legend) as a PNG."""
        return self.grab().save(path, "PNG")

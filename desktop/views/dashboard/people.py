"""The dashboard's second sheet of charts: certificates by state and those expiring, training
hours against the target, exam pass rates, footage imported and not linked — per agency, each
bar leading to the list behind it — and the details beside them in words."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.dto import Dashboard, Table
from desktop.views.dashboard.charts import BarChart, Series
from desktop.views.dashboard.drill import FAILED, LINKED, PASSED, REACHED, SHORT, UNLINKED

CERT_TITLES = {
    "正常": QT_TRANSLATE_NOOP("PeopleCharts", "Valid"),
    "暂停": QT_TRANSLATE_NOOP("PeopleCharts", "Suspended"),
    "注销": QT_TRANSLATE_NOOP("PeopleCharts", "Cancelled"),
    "吊销": QT_TRANSLATE_NOOP("PeopleCharts", "Revoked"),
    "过期": QT_TRANSLATE_NOOP("PeopleCharts", "Expired"),
    "无证": QT_TRANSLATE_NOOP("PeopleCharts", "No certificate"),
}
"""The certificate states the dashboard counts (as the annual report names them), in words."""


def pivot(t: Table, row: str, col: str) -> tuple[list[Any], list[Any], dict[tuple[Any, Any], float]]:
    """Rows, columns (in first-seen order) and counts of a table."""
    i, j, n = t.headers.index(row), t.headers.index(col), t.headers.index("count")
    rows: list[Any] = []
    cols: list[Any] = []
    cells: dict[tuple[Any, Any], float] = {}
    for r in t.rows:
        if r[i] not in rows:
            rows.append(r[i])
        if r[j] not in cols:
            cols.append(r[j])
        cells[(r[i], r[j])] = cells.get((r[i], r[j]), 0) + float(r[n])
    return rows, cols, cells


class PeopleCharts(QWidget):
    """Certificates, expiring, training, exams and footage per agency; ``keys[chart]`` holds the
    agency id of each bar (what a click names)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.certs_chart = BarChart(self.tr("Certificates by state"), self, horizontal=True)
        self.expiring_chart = BarChart(self.tr("Certificates expiring"), self, horizontal=True)
        self.training_chart = BarChart(self.tr("Training hours against the target"), self, horizontal=True)
        self.exams_chart = BarChart(self.tr("Exam papers passed"), self, horizontal=True)
        self.footage_chart = BarChart(self.tr("Footage imported · not linked"), self, horizontal=True)
        self.charts = {
            "certificates": self.certs_chart,
            "expiring": self.expiring_chart,
            "training": self.training_chart,
            "exams": self.exams_chart,
            "footage": self.footage_chart,
        }
        self.keys: dict[str, list[Any]] = {key: [] for key in self.charts}
        self.side = QGroupBox(self.tr("Details"), self)
        self.side_text = QLabel(self.side)
        self.side_text.setObjectName("sideText")
        self.side_text.setWordWrap(True)
        QVBoxLayout(self.side).addWidget(self.side_text)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.certs_chart, 0, 0)
        grid.addWidget(self.expiring_chart, 0, 1)
        grid.addWidget(self.training_chart, 0, 2)
        grid.addWidget(self.exams_chart, 1, 0)
        grid.addWidget(self.footage_chart, 1, 1)
        grid.addWidget(self.side, 1, 2)

    def draw(self, data: Dashboard, table: Callable[[str], Table], short: Callable[[int], str]) -> None:
        """Draw the five charts and the details from the dashboard's tables."""
        none = self.tr("Nothing in this period")
        ids, states, cells = pivot(table("certificates"), "agency_id", "state")
        self.keys["certificates"] = list(ids)
        self.certs_chart.set_data(
            [short(a) for a in ids],
            [
                Series(
                    s,
                    QCoreApplication.translate("PeopleCharts", CERT_TITLES.get(s, s)),
                    tuple(cells.get((a, s), 0) for a in ids),
                )
                for s in states
            ],
            none,
        )
        expiring = table("certificates_expiring")
        counts: dict[int, int] = {}
        for r in expiring.rows:
            counts[r[0]] = counts.get(r[0], 0) + 1
        self.keys["expiring"] = list(counts)
        self.expiring_chart.set_data(
            [short(a) for a in counts],
            [Series("expiring", self.tr("Expiring"), tuple(float(n) for n in counts.values()), "#E0A800")],
            self.tr("None expiring"),
        )
        keys = {t.key for t in data.tables}
        if {"training_hours", "exam_pass_rate", "footage_unlinked"} <= keys:
            self._draw_kept(table, short)
        self.side_text.setText("\n".join(self._lines(expiring, table, keys, short)))

    def _draw_kept(self, table: Callable[[str], Table], short: Callable[[int], str]) -> None:
        training: Any = table("training_hours").rows
        self.keys["training"] = [r[0] for r in training]
        self.training_chart.set_data(
            [short(r[0]) for r in training],
            [
                Series(
                    REACHED, self.tr("Reaching the target"), tuple(float(r[3]) for r in training), "#188038"
                ),
                Series(
                    SHORT,
                    self.tr("Below the target"),
                    tuple(float(r[2]) - float(r[3]) for r in training),
                    "#D93025",
                ),
            ],
            self.tr("No officers"),
        )
        exams: Any = table("exam_pass_rate").rows
        self.keys["exams"] = [r[0] for r in exams]
        self.exams_chart.set_data(
            [short(r[0]) for r in exams],
            [
                Series(PASSED, self.tr("Passed"), tuple(float(r[3]) for r in exams), "#188038"),
                Series(
                    FAILED, self.tr("Not passed"), tuple(float(r[2]) - float(r[3]) for r in exams), "#D93025"
                ),
            ],
            self.tr("None graded in this period"),
        )
        footage: Any = table("footage_unlinked").rows
        self.keys["footage"] = [r[0] for r in footage]
        nobody = self.tr("no agency")
        self.footage_chart.set_data(
            [short(r[0]) if r[0] is not None else nobody for r in footage],
            [
                Series(UNLINKED, self.tr("Not linked"), tuple(float(r[3]) for r in footage), "#D93025"),
                Series(
                    LINKED, self.tr("Linked"), tuple(float(r[2]) - float(r[3]) for r in footage), "#4472C4"
                ),
            ],
            self.tr("None imported in this period"),
        )

    def _lines(
        self, expiring: Table, table: Callable[[str], Table], keys: set[str], short: Callable[[int], str]
    ) -> list[str]:
        lines = [self.tr("Expiring within 60 days of the period's end: {n}").format(n=len(expiring.rows))]
        lines += [f"  {r[4]}  {short(r[0])}  {r[2]}  {r[3]}" for r in expiring.rows[:6]]
        if "training_hours" in keys:
            training = table("training_hours").rows
            target = format(Decimal(str(training[0][5])).normalize(), "f") if training else "—"
            lines += [
                "",
                self.tr("Officers reaching the training target ({target} hours):").format(target=target),
            ]
            lines += [f"  {short(r[0])}  {r[3]} / {r[2]}" for r in training[:6]]
        if "exam_pass_rate" in keys:
            lines += ["", self.tr("Exam papers passed:")]
            exams = table("exam_pass_rate").rows
            lines += [f"  {short(r[0])}  {r[3]} / {r[2]}  ({r[4]}%)" for r in exams[:6]]
        lines += ["", self.tr("Click a bar to open the list behind it.")]
        return lines

"""Published results (已发布的考核结果): the list — which set and version, which period, when and by
whom — and the one opened below it with its numbers and their working as published (never
recomputed), exported to Excel. Read through the task runner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.reports.published import (
    PublishedResult,
    PublishedRow,
    export_published,
    list_published,
    open_published,
)
from desktop.views.common.page_tools import local_time
from desktop.views.dashboard.result_view import ResultView


class PublishedTab(QWidget):
    """The published results and the one opened."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: tuple[PublishedRow, ...] = ()
        self.opened: PublishedResult | None = None
        self.list = QTableWidget(0, 7, self)
        self.list.setObjectName("publishedList")
        self.list.setHorizontalHeaderLabels(
            [
                self.tr("No."),
                self.tr("Published"),
                self.tr("By"),
                self.tr("Indicator set"),
                self.tr("Period"),
                self.tr("Agencies"),
                self.tr("Set fingerprint"),
            ]
        )
        self.list.verticalHeader().hide()
        self.list.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.list.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel(self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("openPublished")
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("exportPublished")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.heading = QLabel(self)
        self.heading.setObjectName("publishedHeading")
        self.heading.setWordWrap(True)
        self.view = ResultView(self)
        bar = QHBoxLayout()
        bar.addWidget(self.count)
        bar.addStretch(1)
        for button in (self.open_button, self.export_button, self.refresh_button):
            bar.addWidget(button)
        below = QWidget(self)
        inner = QVBoxLayout(below)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.heading)
        inner.addWidget(self.view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(below)
        split.setSizes([180, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.open_button.clicked.connect(self.open_current)
        self.export_button.clicked.connect(self.export_current)
        self.refresh_button.clicked.connect(self.refresh)
        self.list.cellDoubleClicked.connect(lambda _r, _c: self.open_current())
        self.list.currentCellChanged.connect(lambda *_: self._enable())
        self.show_rows(())

    def refresh(self) -> None:
        """Read the list again (through the task runner)."""
        ctx = self.ctx
        ctx.tasks.load(
            lambda: list_published(ctx.store, ctx.user),
            self.show_rows,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            key=f"published-{id(self)}",
        )

    def show_rows(self, rows: tuple[PublishedRow, ...]) -> None:
        """One line a published result, the newest first."""
        chosen = self.current()
        self.rows = tuple(rows)
        self.list.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            cells = (
                str(r.id),
                local_time(r.published_at),
                r.published_by_name,
                f"{r.set_name} v{r.set_version}",
                f"{r.period_from.isoformat()} – {r.period_to.isoformat()}",
                str(r.agencies),
                r.set_sha256[:16],
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 6:
                    item.setToolTip(r.set_sha256)
                self.list.setItem(n, c, item)
        self.list.resizeColumnsToContents()
        keep = next((n for n, r in enumerate(self.rows) if chosen is not None and r.id == chosen.id), 0)
        if self.rows:
            self.list.setCurrentCell(keep, 0)
        self.count.setText(
            self.tr("{n} published").format(n=len(self.rows))
            if self.rows
            else self.tr(
                "Nothing published yet — compute an assessment on the Assessment tab and publish it."
            )
        )
        self._enable()

    def current(self) -> PublishedRow | None:
        row = self.list.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _enable(self) -> None:
        chosen = self.current() is not None
        self.open_button.setEnabled(chosen)
        self.export_button.setEnabled(chosen)

    def open_current(self) -> None:
        """The chosen result with its numbers and working as published."""
        row = self.current()
        if row is None:
            return
        ctx = self.ctx
        ctx.tasks.load(
            lambda: open_published(ctx.store, ctx.user, row.id),
            self.show_opened,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            parent_widget=self,
            key=f"published-open-{id(self)}",
        )

    def show_opened(self, found: PublishedResult) -> None:
        self.opened = found
        r = found.row
        self.heading.setText(
            self.tr("No. {id}: {start} to {end} on {name} v{version}, published {at} by {who}.").format(
                id=r.id,
                start=r.period_from.isoformat(),
                end=r.period_to.isoformat(),
                name=r.set_name,
                version=r.set_version,
                at=local_time(r.published_at),
                who=r.published_by_name,
            )
        )
        self.view.show_result(found.assessment)

    def export_current(self) -> None:
        """The chosen result as the assessment workbook (written in the background)."""
        row = self.current()
        if row is None:
            return
        name = f"执法考核（已发布 {row.id}）{row.period_from.isoformat()}–{row.period_to.isoformat()}.xlsx"
        path = self.ctx.dialogs.save_file(
            self, self.tr("Export the published result"), name, "Excel (*.xlsx)"
        )
        if not path:
            return
        if Path(path).suffix.lower() != ".xlsx":
            path += ".xlsx"
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: export_published(ctx.store, ctx.user, row.id, path),
            on_done=lambda _n: ctx.dialogs.info(
                self, self.tr("Export the published result"), self.tr("Wrote {path}.").format(path=path)
            ),
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Writing the workbook"),
            parent_widget=self,
        )

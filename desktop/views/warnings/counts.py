"""The count grid of the warning centre: one row per agency, one column per warning code, each cell
"红色 12" (open) with "(3)" when some are handled, in the code's colour with its word — nothing
for a zero; a click filters the list below to that cell."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.dto import WarningCount
from desktop.cases.officer_warnings import CENTRE_CODES, CENTRE_LEVELS
from desktop.cases.rules import FOLLOW_UP_DUE, WARNING_CODES
from desktop.views.common.lazy_table import TONE_COLOURS
from desktop.views.common.look import GREY
from desktop.views.warnings.titles import code_title, level_word, short_title

ALWAYS_SHOWN = (*WARNING_CODES, FOLLOW_UP_DUE)
"""The register's codes, always a column; the others (powers, inspections, case sources,
certificates and training) only when some agency has one."""

CELL_BACKGROUNDS = {"red": "#FCE8E6", "yellow": "#FEF6DA"}
"""Light tints behind a cell with open warnings (the dot and the word carry the level)."""
CELL_TEXT = {"red": TONE_COLOURS["red"], "yellow": "#8A5A00"}
"""Text on the tints: the red itself; a darker yellow that stays legible."""

HEADER_PADDING = 28
"""A column title's dot and margins."""
AGENCY_COLUMN = 0
FIRST_CODE_COLUMN = 1
KEY_ROLE = Qt.ItemDataRole.UserRole
"""Each cell's (agency_id or None, code or None): what a click filters by."""


@lru_cache(maxsize=4)
def level_icon(level: str) -> QIcon:
    """A filled dot in the level's colour."""
    pixmap = QPixmap(QSize(10, 10))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(TONE_COLOURS[level]))
    painter.drawEllipse(1, 1, 8, 8)
    painter.end()
    return QIcon(pixmap)


class WarningCountGrid(QWidget):
    """Agencies × codes; the last row and column are totals. ``cell_chosen(agency_id, code)``
    says what a click asks for (None: every agency / every code)."""

    cell_chosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes: tuple[str, ...] = ALWAYS_SHOWN
        self.counts: tuple[WarningCount, ...] = ()
        self.agencies: list[tuple[int, str, str]] = []
        self.table = self._make_table()
        self.placeholder = QLabel(
            self.tr("No warnings: every case on the register is within its limits."), self
        )
        self.placeholder.setObjectName("noWarnings")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.legend = QLabel(
            self.tr(
                "Each cell: not handled, then (handled) when some are. Click a number to list "
                "those warnings; click an agency or a total for all of its warnings."
            ),
            self,
        )
        self.legend.setObjectName("gridLegend")
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(f"color: {GREY};")
        holder = QWidget(self)
        self.stack = QStackedLayout(holder)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.legend)
        layout.addWidget(holder, 1)
        self.table.horizontalHeader().sectionResized.connect(self.on_header_section_resized)
        self.table.cellClicked.connect(self.on_table_cell_clicked)
        self.table.cellActivated.connect(self.on_table_cell_clicked)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(self.codes) + 2, self)
        table.setObjectName("warningCounts")
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setWordWrap(False)
        table.setIconSize(QSize(10, 10))
        table.setCornerButtonEnabled(False)
        header = table.horizontalHeader()
        wrapped = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap  # type: ignore[operator]
        header.setDefaultAlignment(wrapped)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AGENCY_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(64)
        header.setHighlightSections(False)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
        self._fill_header(table)
        table.setColumnWidth(AGENCY_COLUMN, 150)
        return table

    def _fill_header(self, table: QTableWidget) -> None:
        table.horizontalHeader().setMinimumSectionSize(self._narrowest(table))
        items = [QTableWidgetItem(self.tr("Agency"))]
        for code in self.codes:
            level = CENTRE_LEVELS[code]
            item = QTableWidgetItem(level_icon(level), short_title(code))
            item.setToolTip(
                self.tr("{title} ({level})").format(title=code_title(code), level=level_word(level))
            )
            items.append(item)
        items.append(QTableWidgetItem(self.tr("Total")))
        for column, item in enumerate(items):
            table.setHorizontalHeaderItem(column, item)

    def _narrowest(self, table: QTableWidget) -> int:
        """The width every code column needs for its title on at most two lines (many codes
        shown: the grid scrolls sideways rather than cut a title short)."""
        metrics = table.horizontalHeader().fontMetrics()

        def two_lines(title: str) -> int:
            words = title.split()
            if len(words) < 2:
                return metrics.horizontalAdvance(title)
            return min(
                max(
                    metrics.horizontalAdvance(" ".join(words[:n])),
                    metrics.horizontalAdvance(" ".join(words[n:])),
                )
                for n in range(1, len(words))
            )

        return max([64, *(two_lines(short_title(code)) + HEADER_PADDING for code in self.codes)])

    def fit_header(self) -> None:
        """Two lines for the column titles when one of them does not fit its column, else one."""
        header = self.table.horizontalHeader()
        metrics = header.fontMetrics()
        room = [header.sectionSize(c) - HEADER_PADDING for c in range(FIRST_CODE_COLUMN, self.total_column())]
        wraps = any(
            metrics.horizontalAdvance(short_title(code)) > width
            for code, width in zip(self.codes, room, strict=True)
        )
        height = metrics.height() * (2 if wraps else 1) + 8
        if header.height() != height:
            header.setFixedHeight(height)

    def on_header_section_resized(self, *_: object) -> None:
        """The columns changed width: the titles may need another line, or one less."""
        self.fit_header()

    # -- showing counts -----------------------------------------------------------------------

    def set_counts(
        self,
        counts: Sequence[WarningCount],
        short_names: Mapping[int, str] | None = None,
        always: Sequence[str] = ALWAYS_SHOWN,
    ) -> None:
        """Show ``counts`` (from ``warning_counts``); agencies by their short names when given;
        ``always``: the codes that are a column even when no agency has one."""
        self.counts = tuple(counts)
        present = {c.code for c in self.counts}
        codes = tuple(c for c in CENTRE_CODES if c in always or c in present)
        if codes != self.codes:
            self.codes = codes
            self.table.setColumnCount(len(codes) + 2)
            self._fill_header(self.table)
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(AGENCY_COLUMN, QHeaderView.ResizeMode.Interactive)
        names = short_names or {}
        seen: dict[int, str] = {}
        for c in self.counts:
            seen.setdefault(c.agency_id, c.agency)
        self.agencies = sorted(
            ((aid, full, names.get(aid) or full) for aid, full in seen.items()), key=lambda a: a[1]
        )
        by_key = {(c.agency_id, c.code): c for c in self.counts}
        table = self.table
        table.clearContents()
        table.setRowCount(len(self.agencies) + 1 if self.agencies else 0)
        for row, (agency_id, full, short) in enumerate(self.agencies):
            cells = [by_key.get((agency_id, code)) for code in self.codes]
            self._fill_row(row, agency_id, full, short, cells)
        if self.agencies:
            self._fill_totals(len(self.agencies))
        self.stack.setCurrentWidget(table if self.agencies else self.placeholder)
        self.legend.setVisible(bool(self.agencies))
        self.fit_header()

    def _fill_row(
        self, row: int, agency_id: int, full: str, short: str, cells: Sequence[WarningCount | None]
    ) -> None:
        name = QTableWidgetItem(short)
        name.setToolTip(self.tr("{agency}: click to list all of its warnings").format(agency=full))
        name.setData(KEY_ROLE, (agency_id, None))
        self.table.setItem(row, AGENCY_COLUMN, name)
        for offset, (code, count) in enumerate(zip(self.codes, cells, strict=True)):
            opened, handled = (count.open, count.handled) if count else (0, 0)
            self._set_cell(
                row,
                FIRST_CODE_COLUMN + offset,
                (agency_id, code),
                opened,
                handled,
                count.level if count else CENTRE_LEVELS[code],
                f"{full} · {code_title(code)}",
            )
        opened = sum(c.open for c in cells if c)
        handled = sum(c.handled for c in cells if c)
        self._set_cell(
            row,
            self.total_column(),
            (agency_id, None),
            opened,
            handled,
            _worst(c for c in cells if c and c.open),
            full,
            bold=True,
        )

    def _fill_totals(self, row: int) -> None:
        label = QTableWidgetItem(self.tr("Total"))
        label.setData(KEY_ROLE, (None, None))
        label.setToolTip(self.tr("Click to list every warning"))
        _bold(label)
        self.table.setItem(row, AGENCY_COLUMN, label)
        for offset, code in enumerate(self.codes):
            mine = [c for c in self.counts if c.code == code]
            self._set_cell(
                row,
                FIRST_CODE_COLUMN + offset,
                (None, code),
                sum(c.open for c in mine),
                sum(c.handled for c in mine),
                CENTRE_LEVELS[code],
                self.tr("All agencies · {title}").format(title=code_title(code)),
                bold=True,
            )
        self._set_cell(
            row,
            self.total_column(),
            (None, None),
            sum(c.open for c in self.counts),
            sum(c.handled for c in self.counts),
            _worst(c for c in self.counts if c.open),
            self.tr("All agencies"),
            bold=True,
        )

    def _set_cell(
        self,
        row: int,
        column: int,
        key: tuple[int | None, str | None],
        opened: int,
        handled: int,
        level: str | None,
        what: str,
        *,
        bold: bool = False,
    ) -> None:
        item = QTableWidgetItem(cell_text(opened, handled, level))
        item.setData(KEY_ROLE, key)
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        if opened and level:
            item.setBackground(QBrush(QColor(CELL_BACKGROUNDS[level])))
            item.setForeground(QBrush(QColor(CELL_TEXT[level])))
            bold = True
        elif handled:
            item.setForeground(QBrush(QColor(GREY)))
        if bold:
            _bold(item)
        if opened or handled:
            item.setToolTip(
                self.tr("{what}: {open} not handled, {handled} handled").format(
                    what=what, open=opened, handled=handled
                )
            )
        self.table.setItem(row, column, item)

    # -- choosing -----------------------------------------------------------------------------

    def preferred_height(self) -> int:
        """The height that shows the legend and every row without scrolling (at most 12 rows)."""
        table = self.table
        rows = min(max(table.rowCount(), 2), 12)
        header = table.horizontalHeader()
        legend = self.legend.heightForWidth(max(self.width(), 600)) if self.legend.isVisibleTo(self) else 0
        return (
            legend
            + 4
            + (header.minimumHeight() or header.sizeHint().height())
            + rows * table.verticalHeader().defaultSectionSize()
            + 2 * table.frameWidth()
            + 6
        )

    def total_column(self) -> int:
        """The column of the per-agency totals."""
        return FIRST_CODE_COLUMN + len(self.codes)

    def cell_of(self, agency_id: int | None, code: str | None) -> tuple[int, int] | None:
        """The (row, column) of the count for an agency and a code, or None if not shown (a name
        cell stands for its row's total too: the count is preferred)."""
        columns = [*range(FIRST_CODE_COLUMN, self.table.columnCount()), AGENCY_COLUMN]
        for column in columns:
            for row in range(self.table.rowCount()):
                item = self.table.item(row, column)
                if item is not None and item.data(KEY_ROLE) == (agency_id, code):
                    return row, column
        return None

    def text_at(self, agency_id: int | None, code: str | None) -> str:
        """The text of the cell for an agency and a code ("" when not shown; tests)."""
        cell = self.cell_of(agency_id, code)
        item = self.table.item(*cell) if cell else None
        return item.text() if item is not None else ""

    def click(self, agency_id: int | None, code: str | None) -> None:
        """Choose the cell for an agency and a code as a click would."""
        cell = self.cell_of(agency_id, code)
        if cell is not None:
            self.table.setCurrentCell(*cell)
            self.on_table_cell_clicked(*cell)

    def show_choice(self, agency_id: int | None, code: str | None) -> None:
        """Mark the cell the list is filtered to (none when no cell matches)."""
        cell = self.cell_of(agency_id, code) if (agency_id, code) != (None, None) else None
        selection = self.table.selectionModel()
        blocked = self.table.blockSignals(True)
        if cell is None:
            selection.clear()
        else:
            index = self.table.model().index(*cell)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.blockSignals(blocked)

    def on_table_cell_clicked(self, row: int, column: int) -> None:
        """Ask the page to list the warnings of the cell."""
        item = self.table.item(row, column)
        if item is None:
            return
        agency_id, code = item.data(KEY_ROLE)
        self.cell_chosen.emit(agency_id, code)

    def current_key(self) -> tuple[int | None, str | None] | None:
        """The key of the current cell (tests)."""
        index: QModelIndex = self.table.currentIndex()
        item = self.table.item(index.row(), index.column()) if index.isValid() else None
        return item.data(KEY_ROLE) if item is not None else None


def cell_text(opened: int, handled: int, level: str | None) -> str:
    """Only what is not zero: "红色 3" open, "红色 3 (1)" open and handled, "(1)" handled only,
    "" for nothing."""
    parts = []
    if opened:
        parts.append(f"{level_word(level)} {opened:,}" if level else f"{opened:,}")
    if handled:
        parts.append(f"({handled:,})")
    return " ".join(parts)


def _worst(counts: object) -> str | None:
    levels = {c.level for c in counts}  # type: ignore[attr-defined]
    return "red" if "red" in levels else ("yellow" if levels else None)


def _bold(item: QTableWidgetItem) -> None:
    font = QFont(item.font())
    font.setBold(True)
    item.setFont(font)

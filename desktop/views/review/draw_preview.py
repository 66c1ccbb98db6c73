"""抽取预览: the draw as it will be stored, before anything is — how many files each agency gives
(of how many eligible), how many files each reviewer gets, the seed and fingerprint, and a warning
when the name is close to an existing campaign's. 确认抽取 stores exactly this draw."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.review.dto import DrawPreview
from desktop.views.common.look import GREY, scaled_font

WARNING_STYLE = "color: #8A5A00; background: #FFF4D6; border: 1px solid #F2A900; padding: 4px 6px;"
"""The similar-name warning: the approaching (yellow) tone, with words."""


def small_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """A read-only table sized to its content (a few rows)."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """Put ``rows`` in ``table``, numbers right-aligned."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class DrawPreviewView(QWidget):
    """The files per agency and the reviewers' loads of a draw not yet stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("previewHeading")
        self.heading.setFont(scaled_font(self, 1.15, bold=True))
        self.summary = QLabel(self)
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("previewFingerprint")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(self)
        self.warning.setObjectName("previewNameWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.agencies = small_table(
            self, "previewAgencies", [self.tr("Agency"), self.tr("Eligible"), self.tr("To draw")]
        )
        self.reviewers = small_table(self, "previewReviewers", [self.tr("Reviewer"), self.tr("Files")])
        note = QLabel(
            self.tr(
                "Nothing is stored yet. Confirm the draw to store it with its seed: the files and "
                "reviewers will be exactly these. Back to the settings changes nothing."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY};")
        tables = QHBoxLayout()
        tables.setSpacing(16)
        for title, table, stretch in (
            (self.tr("Files per agency"), self.agencies, 3),
            (self.tr("Files per reviewer"), self.reviewers, 2),
        ):
            column = QVBoxLayout()
            caption = QLabel(title, self)
            caption.setFont(scaled_font(self, 1.0, bold=True))
            column.addWidget(caption)
            column.addWidget(table, 1)
            tables.addLayout(column, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.heading, self.summary, self.fingerprint, self.warning):
            layout.addWidget(widget)
        layout.addLayout(tables, 1)
        layout.addWidget(note)

    def show_preview(self, preview: DrawPreview, names: dict[str, str] | None = None) -> None:
        """Show ``preview``; ``names``: how to show a reviewer (their display name and login)."""
        names = names or {}
        self.heading.setText(
            self.tr("Preview: {count} files would be drawn for {name}").format(
                count=f"{len(preview.items):,}", name=preview.name
            )
        )
        self.summary.setText(
            self.tr("{population} eligible files in {agencies} agencies; seed {seed}.").format(
                population=f"{preview.population_size:,}", agencies=len(preview.eligible), seed=preview.seed
            )
        )
        self.fingerprint.setText(
            self.tr("Fingerprint (SHA-256): {sha}").format(sha=preview.population_sha256)
        )
        self.show_similar(preview.similar_names)
        fill(self.agencies, [(a, f"{n:,}", f"{d:,}") for a, n, d in preview.per_agency])
        fill(self.reviewers, [(names.get(r, r), f"{n:,}") for r, n in preview.loads])

    def show_similar(self, similar: tuple[str, ...]) -> None:
        """The warning of names close to this one (hidden when none)."""
        self.warning.setText(
            self.tr(
                "A campaign with a similar name exists: {names}. Check that this is not the same campaign twice."
            ).format(names=self.tr(", ").join(similar))
        )
        self.warning.setVisible(bool(similar))

    def agency_rows(self) -> list[tuple[str, ...]]:
        """The agency table's texts (tests)."""
        return self._rows(self.agencies)

    def reviewer_rows(self) -> list[tuple[str, ...]]:
        """The reviewer table's texts (tests)."""
        return self._rows(self.reviewers)

    @staticmethod
    def _rows(table: QTableWidget) -> list[tuple[str, ...]]:
        return [
            tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())
        ]

"""What a draw gave, before the dialog closes: the files drawn grouped by agency (with how many were
eligible), each with its dossier kind and reviewers, and the seed and fingerprint that re-check it."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.review.dto import DrawnItem, DrawResult
from desktop.views.common.look import GREY, scaled_font
from desktop.views.review.campaign_titles import paper_text


class DrawResultView(QWidget):
    """The drawn files by agency, and the seed and fingerprint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("drawHeading")
        self.heading.setFont(scaled_font(self, 1.15, bold=True))
        self.summary = QLabel(self)
        self.summary.setObjectName("drawSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("drawFingerprint")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "Anyone with the seed and the list of eligible files (saved from the campaign's "
                "overview, where the rule is written out) can repeat this draw."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY};")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("drawnFiles")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Agency and case number"), self.tr("Dossier"), self.tr("Reviewers")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 360)
        header.resizeSection(1, 70)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.heading, self.summary, self.fingerprint, note):
            layout.addWidget(widget)
        layout.addWidget(self.tree, 1)

    def show_result(self, result: DrawResult, changed: bool = False) -> None:
        """Show what ``result`` drew; ``changed``: it is not the draw previewed (the register changed
        in between), which the summary says."""
        row = result.campaign
        self.heading.setText(
            self.tr("{count} files drawn for {name}").format(count=f"{len(result.items):,}", name=row.name)
        )
        self.summary.setText(
            self.tr(
                "{population} eligible files in {agencies} agencies; seed {seed}. The files are assigned to their "
                "reviewers and can be scored now."
            ).format(population=f"{row.population_size:,}", agencies=len(result.eligible), seed=row.seed)
            + (
                " "
                + self.tr(
                    "The register changed after the preview: these files differ from the ones previewed."
                )
                if changed
                else ""
            )
        )
        self.fingerprint.setText(self.tr("Fingerprint (SHA-256): {sha}").format(sha=row.population_sha256))
        self.tree.clear()
        by_agency: dict[str, list[DrawnItem]] = defaultdict(list)
        for item in result.items:
            by_agency[item.agency].append(item)
        eligible = dict(result.eligible)
        for agency in sorted(by_agency):
            items = by_agency[agency]
            top = QTreeWidgetItem(
                [
                    self.tr("{agency} — {drawn} of {eligible} eligible").format(
                        agency=agency, drawn=len(items), eligible=eligible.get(agency, len(items))
                    ),
                    "",
                    "",
                ]
            )
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for item in items:
                top.addChild(
                    QTreeWidgetItem([item.case_no, paper_text(item.paper), "、".join(item.reviewers)])
                )
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)

    def agency_count(self) -> int:
        """The agencies shown (tests)."""
        return self.tree.topLevelItemCount()

"""概况: a campaign's scope, quota, reviewers and standards, and what anyone needs to re-check its
draw — the seed, the population's size and SHA-256 fingerprint, the rule in words, and the list of
eligible files saved to a text file whose own SHA-256 is the fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.review.campaigns import population_keys
from desktop.review.draw import DRAW_RULE
from desktop.review.dto import CampaignRow
from desktop.views.common.look import GREY, scaled_font
from desktop.views.common.page_tools import local_time
from desktop.views.review.campaign_titles import (
    campaign_state,
    categories_text,
    period_text,
    quota_text,
    weights_text,
)

LABEL_WIDTH = 120


def write_population(path: str, keys: tuple[str, ...]) -> str:
    """Write the sorted keys joined by line feeds (no final one: the file's SHA-256 is then the
    population fingerprint); return that SHA-256."""
    data = "\n".join(keys).encode()
    Path(path).write_bytes(data)
    return hashlib.sha256(data).hexdigest()


class OverviewPanel(QWidget):
    """The campaign as it was set up and drawn; 保存案卷清单 for re-checking the draw."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign: CampaignRow | None = None
        self.values: dict[str, QLabel] = {}
        self.placeholder = QLabel(self.tr("Select a campaign to see how it was set up and drawn."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setEnabled(False)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._body())

    def _body(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(scroll)
        columns = QHBoxLayout(inner)
        columns.setContentsMargins(8, 8, 8, 8)
        columns.setSpacing(28)
        columns.addLayout(
            self._grid(
                inner,
                self.tr("Scope"),
                (
                    ("name", self.tr("Campaign")),
                    ("state", self.tr("State")),
                    ("agencies", self.tr("Agencies")),
                    ("categories", self.tr("Case categories")),
                    ("period", self.tr("Closed between")),
                    ("quota", self.tr("Files to draw")),
                    ("exclusions", self.tr("Left out")),
                    ("dossier", self.tr("Electronic dossier")),
                    ("reviewers", self.tr("Reviewers")),
                    ("scoring", self.tr("Scoring")),
                    ("recheck", self.tr("Recheck window")),
                    ("rubrics", self.tr("Standards")),
                ),
            ),
            1,
        )
        columns.addLayout(self._draw_column(inner), 1)
        scroll.setWidget(inner)
        return scroll

    def _grid(self, parent: QWidget, title: str, rows: tuple[tuple[str, str], ...]) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(6)
        heading = QLabel(title, parent)
        heading.setFont(scaled_font(self, 1.05, bold=True))
        column.addWidget(heading)
        grid = QGridLayout()  # not a QFormLayout: it shares out wrapped rows' heights wrongly
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(5)
        grid.setColumnStretch(1, 1)
        for r, (key, label) in enumerate(rows):
            caption = QLabel(label, parent)
            caption.setStyleSheet(f"color: {GREY};")
            caption.setMinimumWidth(max(LABEL_WIDTH, caption.sizeHint().width()))  # never cut short
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(caption, r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._value(key, parent), r, 1)
        column.addLayout(grid)
        column.addStretch(1)
        return column

    def _value(self, key: str, parent: QWidget) -> QLabel:
        value = QLabel(parent)
        value.setObjectName(key)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values[key] = value
        return value

    def _draw_column(self, parent: QWidget) -> QVBoxLayout:
        column = self._grid(
            parent,
            self.tr("The draw"),
            (
                ("seed", self.tr("Seed")),
                ("drawn", self.tr("Drawn")),
                ("population", self.tr("Eligible files")),
                ("fingerprint", self.tr("Fingerprint (SHA-256)")),
                ("rule", self.tr("Rule")),
            ),
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for key in ("seed", "fingerprint"):
            self.values[key].setFont(mono)
        self.values["fingerprint"].setWordWrap(False)
        self.save_button = QPushButton(self.tr("Save the list of eligible files…"), parent)
        self.save_button.setObjectName("savePopulation")
        self.save_button.setToolTip(
            self.tr(
                "A text file with one key per line; its SHA-256 is the fingerprint above, so anyone can "
                "repeat the draw from the seed"
            )
        )
        self.save_button.clicked.connect(self.on_save_button_clicked)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        column.insertLayout(column.count() - 1, row)
        return column

    # -- showing ---------------------------------------------------------------------------------

    def show_campaign(self, row: CampaignRow | None) -> None:
        """Show ``row`` (None: say what to do)."""
        self.campaign = row
        self.stack.setCurrentIndex(0 if row is None else 1)
        if row is None:
            return
        for key, text in self.texts(row).items():
            self.values[key].setText(text)

    def texts(self, row: CampaignRow) -> dict[str, str]:
        """Each value in words."""
        return {
            "name": row.name,
            "state": self.tr("{state} by {who} at {when}: {reason}").format(
                state=campaign_state(row.state),
                who=row.voided_by_name or row.voided_by,
                when=local_time(row.voided_at),
                reason=row.void_reason,
            )
            if row.voided and row.voided_at
            else campaign_state(row.state),
            "agencies": self.tr(", ").join(row.agencies) if row.agencies else self.tr("All agencies"),
            "categories": categories_text(row.categories),
            "period": period_text(row.closed_from, row.closed_to),
            "quota": quota_text(row.per_agency, row.percent),
            "exclusions": self.tr("Files reviewed in the last {n} campaigns").format(n=row.exclude_recent)
            if row.exclude_recent
            else self.tr("None"),
            "dossier": self.tr("Required")
            if row.require_dossier
            else self.tr("Not required (paper files too)"),
            "reviewers": self.tr(", ").join(row.reviewer_names or row.reviewers),
            "scoring": weights_text(row),
            "recheck": self.tr("{days} working days after the feedback").format(days=row.recheck_days),
            "rubrics": "\n".join(f"{categories_text((cat,))}: {label}" for cat, _id, label in row.rubrics),
            "seed": row.seed,
            "drawn": self.tr("{who} at {when} (cases closed by {day})").format(
                who=row.drawn_by_name or row.drawn_by,
                when=local_time(row.drawn_at),
                day=row.drawn_on.isoformat(),
            ),
            "population": self.tr("{count} files, {drawn} drawn").format(
                count=f"{row.population_size:,}", drawn=f"{row.files:,}"
            ),
            "fingerprint": row.population_sha256,
            "rule": QCoreApplication.translate("review", DRAW_RULE),
        }

    # -- the population list ----------------------------------------------------------------------

    def on_save_button_clicked(self) -> None:
        """Ask where, then write the population list (in the background)."""
        row = self.campaign
        if row is None:
            return
        path = self.ctx.dialogs.save_file(
            self,
            self.tr("Save the list of eligible files"),
            self.tr("{name} eligible files.txt").format(name=row.name),
            self.tr("Text files (*.txt)"),
        )
        if not path:
            return
        ctx, campaign_id = self.ctx, row.id
        ctx.tasks.run(
            lambda _p, _c: write_population(path, population_keys(ctx.store, ctx.user, campaign_id)),
            on_done=lambda digest: self.on_population_saved(row, path, digest),
            label=self.tr("Saving the list of eligible files"),
            parent_widget=self,
            cancellable=False,
        )

    def on_population_saved(self, row: CampaignRow, path: str, digest: str) -> None:
        """Say where it went and whether its SHA-256 is the stored fingerprint."""
        if digest == row.population_sha256:
            text = self.tr(
                "Saved {count} keys to {path}.\nThe file's SHA-256 is the campaign's fingerprint, "
                "so it is the population the draw ranked."
            )
        else:
            text = self.tr(
                "Saved {count} keys to {path}.\nIts SHA-256 differs from the stored fingerprint: "
                "the stored population is damaged."
            )
        self.ctx.dialogs.info(
            self,
            self.tr("Save the list of eligible files"),
            text.format(count=f"{row.population_size:,}", path=path),
        )

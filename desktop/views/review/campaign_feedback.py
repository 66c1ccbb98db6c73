"""反馈与通报: per agency — files scored of those drawn, when its feedback was sent, its 整改期限 and
复核截止 — with 发送反馈 for one or every ready agency, and 通报（结束活动） once every score is final,
every agency has its feedback and no recheck is pending (what is missing is said in words)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.review.dto import CampaignRow, FeedbackRow, RecheckRow
from desktop.review.feedback import close_campaign
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.look import GREEN, GREY
from desktop.views.common.page_tools import make_table
from desktop.views.review.campaign_titles import format_day
from desktop.views.review.feedback_dialog import FeedbackDialog
from desktop.views.review.tab_tools import memory_page

UrlOpener = Callable[[QUrl], bool]


@dataclass(frozen=True)
class AgencyFeedback:
    """One agency of a campaign: how far its scoring is, and its feedback once sent."""

    agency_id: int
    agency: str
    files: int
    scored: int
    sent_on: date | None = None
    rectify_by: date | None = None
    recheck_until: date | None = None
    sent_by: str = ""
    folder: str = ""
    version: int | None = None
    """The feedback's version once sent (what sending it again is given back)."""

    @property
    def ready(self) -> bool:
        """Every file scored: the feedback can go."""
        return self.files > 0 and self.scored == self.files

    @property
    def progress(self) -> str:
        """``3 / 3``."""
        return f"{self.scored} / {self.files}"


@dataclass(frozen=True)
class Readiness:
    """What still stands between a campaign and its 通报."""

    open_sheets: int
    without_feedback: tuple[str, ...]
    pending_rechecks: int

    @property
    def ready(self) -> bool:
        """Nothing is missing."""
        return not (self.open_sheets or self.without_feedback or self.pending_rechecks)


def agency_rows(agencies: Sequence[Any], feedback: Sequence[FeedbackRow]) -> tuple[AgencyFeedback, ...]:
    """Join each agency's results (``AgencyResult``) with its feedback."""
    sent = {f.agency_id: f for f in feedback}
    rows = []
    for a in agencies:
        f = sent.get(a.agency_id)
        rows.append(
            AgencyFeedback(a.agency_id, a.agency, a.files, a.scored)
            if f is None
            else AgencyFeedback(
                a.agency_id,
                a.agency,
                a.files,
                a.scored,
                f.sent_on,
                f.rectify_by,
                f.recheck_until,
                f.sent_by_name or f.sent_by,
                f.folder,
                f.version,
            )
        )
    return tuple(rows)


SORTS: dict[str, Callable[[AgencyFeedback], Any]] = {
    "agency": lambda r: r.agency,
    "scored": lambda r: r.scored,
    "sent_on": lambda r: r.sent_on,
    "rectify_by": lambda r: r.rectify_by,
    "recheck_until": lambda r: r.recheck_until,
}


class FeedbackPanel(QWidget):
    """The agencies of one campaign and their feedback; 发送反馈 and 通报 for supervisors."""

    feedback_sent = Signal(object)
    campaign_closed = Signal(object)
    reload_requested = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, short_agency: Callable[[str], str] = str
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_manage = ctx.user.can(Permission.MANAGE_REVIEWS)
        self.short_agency = short_agency
        self.url_opener: UrlOpener = QDesktopServices.openUrl
        self.campaign: CampaignRow | None = None
        self.rows: tuple[AgencyFeedback, ...] = ()
        self.readiness = Readiness(0, (), 0)
        self.dialog: FeedbackDialog | None = None
        self.model, self.table = make_table(
            ctx, self, "review_campaign_feedback", self._columns(), self.fetch
        )
        self.table.current_row_changed.connect(lambda _row: self._enable())
        self.table.row_activated.connect(self.on_table_row_activated)
        self.status = QLabel(self)
        self.status.setObjectName("readiness")
        self.status.setWordWrap(True)
        self._build_buttons()
        self._lay_out()
        self._enable()

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec(
                "agency", self.tr("Agency"), "agency", width=190, format=lambda n: self.short_agency(n)
            ),
            ColumnSpec(
                "progress",
                self.tr("Scored"),
                "scored",
                width=84,
                align="right",
                tone=lambda r: "green" if r.ready else None,
            ),
            ColumnSpec("sent_on", self.tr("Feedback sent"), "sent_on", width=100, format=format_day),
            ColumnSpec("rectify_by", self.tr("Rectify by"), "rectify_by", width=100, format=format_day),
            ColumnSpec(
                "recheck_until", self.tr("Recheck until"), "recheck_until", width=100, format=format_day
            ),
            ColumnSpec("sent_by", self.tr("Sent by"), None, width=80),
            ColumnSpec("folder", self.tr("Folder"), None, width=300),
        ]

    def _button(self, name: str, text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build_buttons(self) -> None:
        self.send_button = self._button(
            "sendFeedback",
            self.tr("Send feedback…"),
            self.send_current,
            self.tr("Send the selected agency its feedback (every file scored)"),
        )
        self.send_all_button = self._button(
            "sendAllFeedback",
            self.tr("Send to every ready agency…"),
            self.send_all,
            self.tr("Every agency whose files are all scored and that has no feedback yet"),
        )
        self.open_button = self._button(
            "openFolder",
            self.tr("Open folder"),
            self.open_current,
            self.tr("Open the selected agency's feedback folder"),
        )
        self.close_button = self._button(
            "closeCampaign",
            self.tr("Announce (close the campaign)…"),
            self.close_campaign,
            self.tr("Fix the grades: no score can change afterwards"),
        )
        for button in (self.send_button, self.send_all_button, self.close_button):
            button.setVisible(self.can_manage)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.send_button, self.send_all_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    # -- data -----------------------------------------------------------------------------------

    def fetch(self, query: ListQuery) -> Page[AgencyFeedback]:
        """The agencies' rows (already read)."""
        return memory_page(self.rows, query, search=lambda r: r.agency, sorts=SORTS)

    def show_campaign(
        self,
        campaign: CampaignRow | None,
        agencies: Sequence[Any] = (),
        feedback: Sequence[FeedbackRow] = (),
        rechecks: Sequence[RecheckRow] = (),
        open_sheets: int = 0,
    ) -> None:
        """Show the agencies of ``campaign`` with their feedback, and what 通报 still waits for."""
        self.campaign = campaign
        self.rows = agency_rows(agencies, feedback) if campaign else ()
        sent = {f.agency_id for f in feedback}
        self.readiness = Readiness(
            open_sheets,
            tuple(r.agency for r in self.rows if r.agency_id not in sent),
            sum(1 for r in rechecks if r.state != "decided"),
        )
        self.model.reload()
        self.table.set_empty_text(self._empty_text() if not self.rows else "")
        self.status.setText(self.readiness_text())
        done = campaign is not None and (
            campaign.state == "closed" or (self.can_manage and self.readiness.ready)
        )
        self.status.setStyleSheet(f"color: {GREEN if done else GREY};")
        self._enable()

    def readiness_text(self) -> str:
        """What 通报 waits for, in words (or that it can go ahead, or that it is done)."""
        if self.campaign is None:
            return ""
        if self.campaign.state == "closed":
            return self.tr("Announced: the grades are fixed.")
        if not self.can_manage:  # they see only part of the campaign: no verdict on the whole
            return ""
        r = self.readiness
        if r.ready:
            return self.tr(
                "Ready to announce: every score is final, every agency has its feedback and no "
                "recheck is pending."
            )
        missing = []
        if r.open_sheets:
            missing.append(self.tr("{n} score sheets not submitted").format(n=r.open_sheets))
        if r.without_feedback:
            missing.append(
                self.tr("no feedback yet to {agencies}").format(
                    agencies=self.tr(", ").join(self.short_agency(a) for a in r.without_feedback)
                )
            )
        if r.pending_rechecks:
            missing.append(self.tr("{n} rechecks not decided").format(n=r.pending_rechecks))
        return self.tr("Before the announcement: {missing}.").format(missing=self.tr("; ").join(missing))

    def current_agency(self) -> AgencyFeedback | None:
        """The agency of the current row."""
        return self.table.current_row()

    def ready_unsent(self) -> list[AgencyFeedback]:
        """Agencies whose files are all scored and that have no feedback yet."""
        return [r for r in self.rows if r.ready and r.sent_on is None]

    # -- actions --------------------------------------------------------------------------------

    def send_current(self) -> FeedbackDialog | None:
        """发送反馈 to the selected agency."""
        row = self.current_agency()
        if row is None:
            return None
        if not row.ready:
            self.ctx.dialogs.info(
                self,
                self.tr("Send feedback"),
                self.tr(
                    "{agency} has {left} of {files} files not scored yet: its feedback can go once every file is "
                    "scored."
                ).format(agency=row.agency, left=row.files - row.scored, files=row.files),
            )
            return None
        return self._open_dialog([row])

    def send_all(self) -> FeedbackDialog | None:
        """发送反馈 to every ready agency that has none yet."""
        rows = self.ready_unsent()
        if not rows:
            self.ctx.dialogs.info(
                self,
                self.tr("Send feedback"),
                self.tr("No agency is waiting for feedback with every file scored."),
            )
            return None
        return self._open_dialog(rows)

    def _open_dialog(self, rows: Sequence[AgencyFeedback]) -> FeedbackDialog | None:
        if not self.can_manage or self.campaign is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = FeedbackDialog(
            self.ctx,
            self.campaign,
            [(r.agency_id, r.agency, r.version) for r in rows],
            self,
            url_opener=self.url_opener,
        )
        self.dialog.feedback_sent.connect(self.feedback_sent.emit)
        self.dialog.open()
        return self.dialog

    def open_current(self) -> None:
        """Open the selected agency's feedback folder."""
        row = self.current_agency()
        if row is not None and row.folder:
            self.url_opener(QUrl.fromLocalFile(row.folder))

    def close_campaign(self) -> None:
        """通报: ask once, then fix the grades (a refusal says what is missing)."""
        campaign = self.campaign
        if campaign is None or not self.can_manage:
            return
        if not self.ctx.dialogs.confirm(
            self,
            self.tr("Announce the campaign"),
            self.tr(
                "Announce {name}? Its grades are fixed: no score can be changed or rechecked afterwards."
            ).format(name=campaign.name),
            self.tr("Announce"),
        ):
            return
        ctx = self.ctx
        ctx.tasks.run(
            lambda _p, _c: close_campaign(ctx.store, ctx.user, campaign.id, campaign.version),
            on_done=self.campaign_closed.emit,
            on_error=self.on_close_failed,
            label=self.tr("Closing the campaign"),
            parent_widget=self,
            cancellable=False,
        )

    def on_close_failed(self, exc: BaseException) -> None:
        """Refused: what is missing, in words; a conflict offers to reload."""
        if isinstance(exc, ValidationError):
            details = self.readiness_text() if not self.readiness.ready else ""
            text = exc.localized() + (f"\n\n{details}" if details else "")
            self.ctx.dialogs.warn(self, self.tr("The campaign cannot be announced yet"), text)
        else:
            self.ctx.dialogs.show_error(self, exc, on_reload=self.reload_requested.emit)

    # -- helpers --------------------------------------------------------------------------------

    def on_table_row_activated(self, row: AgencyFeedback | None) -> None:
        """Double-click: the feedback folder when sent, else 发送反馈."""
        if row is None:
            return
        if row.folder:
            self.open_current()
        elif self.can_manage:
            self.send_current()

    def _enable(self) -> None:
        row = self.current_agency()
        scoring = self.campaign is not None and self.campaign.state != "closed"
        self.send_button.setEnabled(scoring and row is not None and row.ready)
        self.send_all_button.setEnabled(scoring and bool(self.ready_unsent()))
        self.open_button.setEnabled(row is not None and bool(row.folder))
        self.close_button.setEnabled(scoring)

    def _empty_text(self) -> str:
        if self.campaign is None:
            return self.tr("Select a campaign to see its agencies and their feedback.")
        if self.ctx.user.scope_agency_id is not None:
            return self.tr("Your agency's feedback shows here once the bureau has sent it.")
        return self.tr("No file to give feedback on.")

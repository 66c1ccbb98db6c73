"""发送反馈: the folder the package goes to, the notice date and the 整改期限 (default 30 days later);
the packages are written in the background with progress and Cancel — per agency its dossiers with
the reviewers' marks, score sheets, the results workbook and the 整改通知书 — and recorded; then the
dialog offers to open the folder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop.context import AppContext
from desktop.review.dto import CampaignRow, FeedbackRow
from desktop.review.feedback import RECTIFY_DAYS, notice_issuer, send_feedback
from desktop.views.common.forms import INVALID_STYLE, FormDialog
from desktop.views.common.look import GREY
from desktop.views.review.form_parts import (
    choose_folder,
    date_edit,
    last_folder,
    remember_folder,
    to_date,
)

UrlOpener = Callable[[QUrl], bool]
DATE_WIDTH = 140
ROW_INVALID_STYLE = 'QWidget#folderRow[invalid="true"] { border: 1px solid #D93025; border-radius: 2px; }'


class FeedbackDialog(FormDialog):
    """Send the feedback of one or more agencies (all of whose files are scored).

    ``agencies``: (id, name, version of the feedback shown or None) triples. ``feedback_sent(rows)`` with the feedback recorded — also the
    part done before a failure or Cancel, so the tab can show it.
    """

    feedback_sent = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        campaign: CampaignRow,
        agencies: Sequence[tuple[int, str, int | None]],
        parent: QWidget | None = None,
        *,
        url_opener: UrlOpener = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(ctx, self.tr("Send feedback"), parent, ok_text=self.tr("Send feedback"))
        self.campaign = campaign
        self.agencies = tuple(agencies)
        self.url_opener = url_opener
        self.sent: list[FeedbackRow] = []
        self.setStyleSheet(INVALID_STYLE + ROW_INVALID_STYLE)
        self._build()
        self.setMinimumWidth(620)
        self.save_button.setEnabled(False)  # until the bureau last named is read
        self.bureau_edit.setEnabled(False)
        ctx.tasks.load(
            lambda: notice_issuer(ctx.store, ctx.user),
            self.on_issuer_loaded,
            on_error=self.on_issuer_failed,
            parent_widget=self,
        )

    def on_issuer_loaded(self, issuer: str) -> None:
        """The bureau named last time, ready to change."""
        self.bureau_edit.setText(issuer)
        self.bureau_edit.setEnabled(True)
        self.save_button.setEnabled(True)

    def on_issuer_failed(self, exc: BaseException) -> None:
        """Not read: the field stays empty to type in, and the reason is shown."""
        self.on_issuer_loaded("")
        self.ctx.dialogs.show_error(self, exc)  # the field stays to type in: nothing to retry

    def _build(self) -> None:
        names = self.tr(", ").join(name for _id, name, _version in self.agencies)
        about = QLabel(
            self.tr(
                "To {agencies}, for {campaign}: each scored dossier with the reviewers' marks (or "
                "its score sheet), the results workbook and a rectification notice. "
                "The dossiers themselves are not changed."
            ).format(agencies=names, campaign=self.campaign.name),
            self,
        )
        about.setObjectName("about")
        about.setWordWrap(True)
        self.form.addRow(about)
        self.folder_edit = QLineEdit(last_folder(), self)
        self.folder_edit.setObjectName("folder")
        self.folder_edit.textEdited.connect(lambda _t: self.touch("folder"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setObjectName("chooseFolder")
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        row = QWidget(self)
        row.setObjectName("folderRow")
        row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # framed in red when wrong
        line = QHBoxLayout(row)
        line.setContentsMargins(1, 1, 1, 1)
        line.addWidget(self.folder_edit, 1)
        line.addWidget(self.browse_button)
        self.marks.add_row("folder", self.tr("Folder"), row)
        self.bureau_edit = QLineEdit(self)
        self.bureau_edit.setObjectName("bureau")
        self.bureau_edit.setMaxLength(60)
        self.bureau_edit.setToolTip(
            self.tr("The bureau named on the rectification notice (kept for next time)")
        )
        self.bureau_edit.textEdited.connect(lambda _t: self.touch("bureau"))
        self.marks.add_row("bureau", self.tr("Issued by"), self.bureau_edit)
        today = self.ctx.today()
        self.issued_edit = date_edit(self, today, "issuedOn")
        self.issued_edit.setMaximumWidth(DATE_WIDTH)
        self.issued_edit.dateChanged.connect(self.on_issued_edit_date_changed)
        self.marks.add_row("issued_on", self.tr("Notice date"), self.issued_edit)
        self.rectify_edit = date_edit(self, today + timedelta(days=RECTIFY_DAYS), "rectifyBy")
        self.rectify_edit.setMaximumWidth(DATE_WIDTH)
        self.rectify_edit.dateChanged.connect(lambda _d: self.touch("rectify_by"))
        self.marks.add_row("rectify_by", self.tr("Rectify by"), self.rectify_edit)
        note = QLabel(
            self.tr(
                "Each package goes into a folder of its own inside this folder. After the notice "
                "the agency may ask for a recheck within {days} working days."
            ).format(days=self.campaign.recheck_days),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {GREY};")
        self.form.addRow(note)

    # -- input ----------------------------------------------------------------------------------

    def folder(self) -> str:
        """The folder typed or chosen."""
        return self.folder_edit.text().strip()

    def set_folder(self, folder: str) -> None:
        """Put ``folder`` in the field."""
        self.folder_edit.setText(folder)
        self.touch("folder")

    def problems(self) -> dict[str, str]:
        """A folder, and a deadline after the notice."""
        found = {}
        if not self.folder():
            found["folder"] = self.tr("Choose the folder the feedback goes to.")
        if not self.bureau_edit.text().strip():
            found["bureau"] = self.tr("Name the bureau that issues the notice.")
        if to_date(self.rectify_edit.date()) <= to_date(self.issued_edit.date()):
            found["rectify_by"] = self.tr("The rectification deadline must be after the notice date.")
        return found

    # -- sending --------------------------------------------------------------------------------

    def on_save_button_clicked(self) -> None:
        """Check the fields, then write every package in the background (progress and Cancel)."""
        problems = self.problems()
        self.marks.show(problems, everything=True)
        if problems:
            return
        self.save_button.setEnabled(False)
        self.sent = []
        ctx, campaign_id, folder = self.ctx, self.campaign.id, Path(self.folder())
        issued, rectify = to_date(self.issued_edit.date()), to_date(self.rectify_edit.date())
        bureau = self.bureau_edit.text().strip()
        agencies, sent, count = self.agencies, self.sent, len(self.agencies)
        label = self.tr("Writing the feedback of {agency} ({n} of {count})")

        def work(progress: Callable[..., None], cancelled: Callable[[], bool]) -> tuple[FeedbackRow, ...]:
            """Each agency's package in turn (what is done stays done when a later one stops)."""
            for n, (agency_id, name, version) in enumerate(agencies, 1):
                text = label.format(agency=name, n=n, count=count)
                sent.append(
                    send_feedback(
                        ctx.store,
                        ctx.user,
                        campaign_id,
                        agency_id,
                        version,
                        folder,
                        issued_on=issued,
                        rectify_by=rectify,
                        bureau=bureau,
                        cancelled=cancelled,
                        progress=lambda done, total, text=text: progress(done, total, text),
                    )
                )
            return tuple(sent)

        ctx.tasks.run(
            work,
            on_done=self.on_send_done,
            on_error=self.on_send_failed,
            label=self.tr("Writing the feedback"),
            parent_widget=self,
        )

    def on_send_done(self, rows: tuple[FeedbackRow, ...]) -> None:
        """Sent: remember the folder, tell the tab, close, and offer to open the folder."""
        remember_folder(self.folder())
        self.save_button.setEnabled(True)
        self.feedback_sent.emit(rows)
        self.accept()
        target = rows[0].folder if len(rows) == 1 else self.folder()
        owner = self.parentWidget()
        if self.ctx.dialogs.confirm(
            owner,
            self.tr("Feedback sent"),
            self.tr("The feedback of {count} agencies was written to {folder} and recorded.").format(
                count=len(rows), folder=target
            ),
            self.tr("Open the folder"),
        ):
            self.url_opener(QUrl.fromLocalFile(target))

    def on_send_failed(self, exc: BaseException) -> None:
        """Stopped (refused, failed or cancelled): what was sent before stays sent; say so."""
        self.save_button.setEnabled(True)
        if self.sent:
            self.feedback_sent.emit(tuple(self.sent))
        self.ctx.dialogs.show_error(self, exc)

    # -- slots ----------------------------------------------------------------------------------

    def on_browse_button_clicked(self) -> None:
        """Choose the folder through the dialog seam."""
        folder = choose_folder(
            self.ctx.dialogs,
            self,
            self.tr("Choose the folder for the feedback"),
            self.folder() or last_folder(),
        )
        if folder:
            self.set_folder(folder)

    def on_issued_edit_date_changed(self, _date: object) -> None:
        """Another notice date: the deadline moves with it until the user sets it."""
        if "rectify_by" not in self.marks.touched:
            blocked = self.rectify_edit.blockSignals(True)
            self.rectify_edit.setDate(self.issued_edit.date().addDays(RECTIFY_DAYS))
            self.rectify_edit.blockSignals(blocked)
        self.touch("issued_on")

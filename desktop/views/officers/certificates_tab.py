"""执法证: every certificate with its state today (filters by agency and state), the selected
certificate's dated history beside it, and its events (暂停, 恢复, 年审, 换发, 补发, 注销, 吊销) for
those who manage certificates, each through a dialog with its date and reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.core.errors import UserFacingError, ValidationError
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.personnel.applications import apply_for_certificate
from desktop.personnel.cards import CardSheet, write_card_sheet
from desktop.personnel.certificates import get_certificate, list_certificates, record_event
from desktop.personnel.dto import CertificateDetail, CertificateRow, OfficerRow
from desktop.personnel.photos import PhotoImport, import_photos, officer_photo
from desktop.personnel.service import get_officer
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import fill_agency_filter, reload_keeping, scoped_agencies
from desktop.views.officers.apply_dialog import ApplyDialog
from desktop.views.officers.event_dialog import EventDialog
from desktop.views.officers.titles import event_title, state_title, state_tone

PHOTO_SIZE = (90, 126)
"""The photo beside the history (5:7, as on the card)."""
EVENT_ACTIONS = ("suspend", "restore", "review", "renew", "replace", "cancel", "revoke")
LISTED_STATES = ("valid", "expired", "suspended", "superseded", "cancelled", "revoked")
EXPIRING_DAYS = 60
"""The expiring filter's horizon from today (the dashboard's: from its period's end)."""


class HistoryPane(QWidget):
    """The selected certificate's events, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificateHistory")
        self.heading = QLabel(self)
        self.heading.setObjectName("historyHeading")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.photo = QLabel(self)
        self.photo.setObjectName("officerPhoto")
        self.photo.setFixedSize(PHOTO_SIZE[0], PHOTO_SIZE[1])
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #c0c0c0; color: #808080;")
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Event"), self.tr("Reason"), self.tr("Document"), self.tr("Decided by")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in (0, 1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        titles = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        header.setMinimumSectionSize(max(header.fontMetrics().horizontalAdvance(t) for t in titles) + 24)
        self.table.setColumnWidth(3, 80)
        self.table.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.photo)
        top.addWidget(self.heading, 1)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.show_detail(None)

    def show_detail(self, detail: CertificateDetail | None, photo: bytes | None = None) -> None:
        """Show one certificate's history and its holder's photo (None: say what to do)."""
        self.table.setRowCount(0)
        self.show_photo(photo)
        self.photo.setVisible(detail is not None)
        if detail is None:
            self.heading.setText(self.tr("Choose a certificate to see its history."))
            return
        r = detail.row
        text = self.tr("{number} · {officer} · {state}; valid {issued} to {expires}").format(
            number=r.number, officer=r.officer, state=state_title(r.state), issued=r.issued, expires=r.expires
        )
        if detail.successor:
            text += "\n" + self.tr("Replaced by {number}").format(number=detail.successor)
        self.heading.setText(text)
        for e in detail.events:
            row = self.table.rowCount()
            self.table.insertRow(row)
            kind = event_title(e.kind)
            if e.result:
                kind += " (" + (self.tr("passed") if e.result == "pass" else self.tr("failed")) + ")"
            for col, value in enumerate(
                (e.on.isoformat(), kind, e.reason, e.document_no or "", e.decided_by or e.recorded_by)
            ):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()

    def show_photo(self, photo: bytes | None) -> None:
        """The holder's photo, or a word that there is none."""
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(
                pixmap.scaled(
                    self.photo.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))

    def has_photo(self) -> bool:
        """Whether a photo is shown."""
        pixmap = self.photo.pixmap()
        return pixmap is not None and not pixmap.isNull()

    def event_texts(self) -> list[tuple[str, str]]:
        """(date, event) of every row shown (for tests and screen readers)."""
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())
        ]


class CertificatesTab(ListPage):
    """The certificates, the history of the selected one, and its events."""

    kinds = frozenset({"officers", "agencies"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            parent,
            title=self.tr("Certificates"),
            search_placeholder=self.tr("Search name or number"),
            show_title=False,
        )
        self.can_manage = ctx.user.can(Permission.MANAGE_CERTIFICATES)
        self.agency_filter = self.header.add_combo("agencyFilter", self.tr("Agency"), 220)
        fill_agency_filter(self.agency_filter, ctx, [], self.tr("All agencies"))
        self.state_filter = self.header.add_combo("stateFilter", self.tr("State"), 180)
        self.state_filter.addItem(self.tr("All states"), None)
        for state in LISTED_STATES:
            self.state_filter.addItem(state_title(state), state)
        self.expires_by: date | None = None
        self.expiring_box = QCheckBox(self)
        self.expiring_box.setObjectName("expiringOnly")
        self.header.add_filter(self.expiring_box)
        self._show_expiring()
        self.set_up_table("certificates", self._columns())
        self.history = HistoryPane(self)
        self.apply_action = self.header.add_action(self.tr("Apply…"), self.start_apply)
        self.apply_action.setVisible(self.can_manage)
        self.apply_action.setToolTip(
            self.tr(
                "Apply for an officer who passed the exam; vetting and issue are on the Applications tab."
            )
        )
        self.actions: dict[str, Any] = {}
        for kind in EVENT_ACTIONS:
            action = self.header.add_action(event_title(kind), lambda k=kind: self.start_event(k))
            action.setVisible(self.can_manage)
            action.setEnabled(False)
            self.actions[kind] = action
        self.print_action = self.header.add_action(self.tr("Print cards…"), self.start_print)
        self.print_action.setObjectName("printCards")
        self.print_action.setToolTip(
            self.tr("The selected certificates' cards on A4 sheets (2 × 5, crop marks, duplex)")
        )
        self.print_action.setVisible(self.can_manage)
        self.print_action.setEnabled(False)
        self.photos_action = self.header.add_action(self.tr("Import photos…"), self.start_photos)
        self.photos_action.setObjectName("importPhotos")
        self.photos_action.setToolTip(self.tr("A folder of .jpg or .png files named by 身份证号"))
        self.photos_action.setVisible(self.can_manage)
        self.add_refresh_action(self.tr("Refresh"))
        self.lay_out(
            self.split(self.table, self.history, Qt.Orientation.Horizontal, [940, 400], "certificates")
        )
        self.agency_filter.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.state_filter.currentIndexChanged.connect(self.on_filter_current_index_changed)
        self.expiring_box.toggled.connect(self.on_expiring_box_toggled)
        self.current: CertificateRow | None = None
        self.update_empty_text()

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("number", self.tr("Certificate number"), None, width=112),
            ColumnSpec("officer", self.tr("Name"), None, width=70),
            ColumnSpec("id_number", self.tr("ID number"), None, width=136),
            ColumnSpec("agency", self.tr("Agency"), None, width=150),
            ColumnSpec(
                "state",
                self.tr("State"),
                None,
                width=80,
                format=state_title,
                tone=lambda r: state_tone(r.state),
            ),
            ColumnSpec("issued", self.tr("Issued on"), None, width=82),
            ColumnSpec("expires", self.tr("Valid until"), None, width=82),
            ColumnSpec("next_review", self.tr("Next review"), None, width=82),
        ]

    def fetch(self, query: ListQuery) -> Page[CertificateRow]:
        """One page of certificates (state as of the window's date)."""
        return list_certificates(
            self.ctx.store,
            self.ctx.user,
            agency=self.agency_filter.currentData(),
            state=self.state_filter.currentData(),
            expires_by=self.expires_by,
            as_of=self.ctx.today(),
            search=query.search,
            offset=query.offset,
            limit=query.limit,
        )

    def empty_text(self) -> str:
        """What an empty list means."""
        return self.tr(
            "No certificates match. Officers' certificates are entered on the Officers tab or imported."
        )

    def refresh(self) -> None:
        """Read the agencies and the certificates again."""
        self.mark_loaded()
        ctx = self.ctx
        self.read("cert-agencies", lambda: scoped_agencies(ctx), self.on_agencies_loaded)
        reload_keeping(self.table, self.model)

    def show_record(self, record_id: int) -> None:
        """Show the certificate an officer holds now (asked for by the warning centre): the list
        searched for its number (or the officer's name when they hold none), the first row current."""
        ctx = self.ctx
        self.read("cert-officer", lambda: get_officer(ctx.store, ctx.user, record_id), self.on_officer_loaded)

    def on_officer_loaded(self, officer: OfficerRow) -> None:
        """Search for the officer's certificate and show its history."""
        if self.agency_filter.currentIndex() > 0 or self.state_filter.currentIndex() > 0:
            for combo in (self.agency_filter, self.state_filter):
                blocked = combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(blocked)
        if self.expires_by is not None:  # any expiry: the officer's certificate whatever its date
            self.expires_by = None
            self._show_expiring()
        self.header.set_search_text(officer.cert_number or officer.name)
        self.mark_loaded()
        if self.model.total:
            self.table.select_row(0)

    def on_agencies_loaded(
        self, agencies: list[tuple[int, str, str]], then: Callable[[], object] | None = None
    ) -> None:
        fill_agency_filter(self.agency_filter, self.ctx, agencies, self.tr("All agencies"))
        if then is not None:
            then()

    def set_filters(
        self, agency_id: int | None = None, state: str | None = None, expires_by: date | None = None
    ) -> None:
        """Show the certificates a dashboard bar counts: an agency's (None: all), in a state
        (None: any), expiring by a date (None: whenever); the search cleared."""
        if agency_id is not None and self.agency_filter.findData(agency_id) < 0:
            ctx = self.ctx
            self.read(
                "cert-agencies",
                lambda: scoped_agencies(ctx),
                lambda agencies: self.on_agencies_loaded(
                    agencies, lambda: self.set_filters(agency_id, state, expires_by)
                ),
            )
            return
        for combo, value in ((self.agency_filter, agency_id), (self.state_filter, state)):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)
        self.expires_by = expires_by
        self._show_expiring()
        if self.header.search_text():
            self.header.set_search_text("")
        self.refresh()

    def _show_expiring(self) -> None:
        blocked = self.expiring_box.blockSignals(True)
        self.expiring_box.setChecked(self.expires_by is not None)
        self.expiring_box.blockSignals(blocked)
        self.expiring_box.setText(
            self.tr("Expiring by {date}").format(date=self.expires_by.isoformat())
            if self.expires_by is not None
            else self.tr("Expiring within {days} days").format(days=EXPIRING_DAYS)
        )

    def on_expiring_box_toggled(self, checked: bool) -> None:
        """Only those expiring within 60 days of today (or any expiry)."""
        self.expires_by = self.ctx.today() + timedelta(days=EXPIRING_DAYS) if checked else None
        self._show_expiring()
        if self.loaded:
            self.refresh()

    def on_filter_current_index_changed(self, _index: int) -> None:
        if self.loaded:
            self.refresh()

    def on_table_current_row_changed(self, row: CertificateRow | None) -> None:
        """Read the selected certificate's history in the background."""
        self.current = row
        for action in self.actions.values():
            action.setEnabled(self.can_manage and row is not None)
        self.print_action.setEnabled(self.can_manage and row is not None)
        if row is None:
            self.history.show_detail(None)
            return
        ctx, number, officer_id = self.ctx, row.number, row.officer_id
        self.read(
            "cert-history",
            lambda: (
                get_certificate(ctx.store, ctx.user, number, as_of=ctx.today()),
                officer_photo(ctx.store, ctx.user, officer_id),
            ),
            lambda found: self.history.show_detail(*found),
        )

    def start_print(self) -> None:
        """Write the cards of the selected certificates on A4 sheets (a PDF to print duplex)."""
        rows = self.table.selected_rows() or ([self.current] if self.current else [])
        if not rows:
            return
        numbers = [r.number for r in rows]
        name = f"执法证{numbers[0]}.pdf" if len(numbers) == 1 else f"执法证{len(numbers)}张.pdf"
        path = self.ctx.dialogs.save_file(self, self.tr("Print cards"), name, self.tr("PDF files (*.pdf)"))
        if not path:
            return
        ctx = self.ctx

        def done(sheet: CardSheet) -> None:
            ctx.dialogs.info(
                self,
                self.tr("Print cards"),
                self.tr(
                    "{n} cards on {pages} pages: {path}. Print on both sides (flip on the long edge), "
                    "then cut along the marks."
                ).format(n=len(sheet.cards), pages=sheet.pages, path=sheet.out),
            )

        ctx.tasks.run(
            lambda _p, _c: write_card_sheet(ctx.store, ctx.user, path, numbers=numbers),
            on_done=done,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Writing the cards"),
            parent_widget=self,
        )

    def start_photos(self) -> None:
        """Choose a folder of photos named by 身份证号 and store them."""
        folder = self.ctx.dialogs.choose_folder(self, self.tr("Import photos"))
        if not folder:
            return
        ctx = self.ctx

        def done(result: PhotoImport) -> None:
            text = self.tr("Photos stored: {imported}, unchanged: {skipped}.").format(
                imported=result.imported, skipped=result.skipped
            )
            if result.unmatched:
                text += "\n" + self.tr("No officer has these ID numbers: {names}").format(
                    names="、".join(result.unmatched)
                )
            for problem in result.problems:
                text += f"\n{problem.file}: {problem.reason}"
            ctx.dialogs.info(self, self.tr("Import photos"), text)
            if self.current is not None:
                self.on_table_current_row_changed(self.current)

        ctx.tasks.run(
            lambda _p, _c: import_photos(ctx.store, ctx.user, folder),
            on_done=done,
            on_error=lambda exc: ctx.dialogs.show_error(self, exc),
            label=self.tr("Importing photos"),
            parent_widget=self,
        )

    def start_apply(self) -> ApplyDialog | None:
        """申领…: the officer, the exam and the year's hours checked against the gate."""
        if not self.can_manage:
            return None
        dialog = self.open_dialog(ApplyDialog(self.ctx, self))
        dialog.submitted.connect(lambda: self._apply(dialog))
        return dialog

    def _apply(self, dialog: ApplyDialog) -> None:
        ctx = self.ctx
        officer, exam_doc, on = dialog.values()
        if officer is None:
            return

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserFacingError):
                dialog.show_problem(exc.localized())
            else:
                ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

        ctx.tasks.run(
            lambda _p, _c: apply_for_certificate(ctx.store, ctx.user, officer, exam_doc=exam_doc, on=on),
            on_done=lambda _row: dialog.done_ok(),
            on_error=failed,
            label=self.tr("Recording the application"),
            parent_widget=self,
            cancellable=False,
        )

    def start_event(self, kind: str) -> EventDialog | None:
        """Open the dialog of one event of the current certificate."""
        if self.current is None:
            return None
        dialog = self.open_dialog(EventDialog(kind, self.current.number, self.ctx.clock.today(), self))
        dialog.submitted.connect(lambda: self.record(dialog))
        return dialog

    def record(self, dialog: EventDialog) -> None:
        """Record the dialog's event; a refusal stays in the dialog."""
        ctx, number, kind = self.ctx, self.current.number if self.current else "", dialog.kind
        on, reason, result, document = dialog.values()

        def done(detail: CertificateDetail) -> None:
            dialog.done_ok()
            self.history.show_detail(detail)
            reload_keeping(self.table, self.model)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                dialog.show_problem(exc.localized())
            else:
                ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

        ctx.tasks.run(
            lambda _p, _c: record_event(
                ctx.store, ctx.user, number, kind, on, reason, result=result, document_no=document
            ),
            on_done=done,
            on_error=failed,
            label=self.tr("Recording the event"),
            parent_widget=self,
            cancellable=False,
            show_progress=False,
        )

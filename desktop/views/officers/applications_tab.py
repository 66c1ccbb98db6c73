"""申领: the certificate applications, waiting ones first, with 申领… (the officer, the exam and the
year's hours checked against the gate), 审核… (pass, or refuse with a reason: supervisors) and 发证
(the next number of the pattern, after one confirmation) for those who manage certificates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.core.errors import UserFacingError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Permission
from desktop.personnel.applications import (
    ApplicationRow,
    apply_for_certificate,
    issue_application,
    list_applications,
    vet_application,
)
from desktop.views.common.lazy_table import ColumnSpec
from desktop.views.common.list_page import ListPage
from desktop.views.common.page_tools import reload_keeping
from desktop.views.officers.apply_dialog import ApplyDialog
from desktop.views.officers.event_dialog import EventDialog

STATE_TITLES = {
    "applied": QT_TRANSLATE_NOOP("ApplicationsTab", "waiting for vetting"),
    "approved": QT_TRANSLATE_NOOP("ApplicationsTab", "approved, to issue"),
    "refused": QT_TRANSLATE_NOOP("ApplicationsTab", "refused"),
    "issued": QT_TRANSLATE_NOOP("ApplicationsTab", "issued"),
}
STATE_TONES = {"applied": "yellow", "approved": "yellow", "refused": "red", "issued": "green"}


def application_state(state: str) -> str:
    """An application's state in words."""
    return QCoreApplication.translate("ApplicationsTab", STATE_TITLES.get(state, state))


class ApplicationsTab(ListPage):
    """The applications and their three steps."""

    kinds = frozenset({"officers", "training", "settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, title=self.tr("Applications"), show_title=False)
        self.can_manage = ctx.user.can(Permission.MANAGE_CERTIFICATES)
        self.can_vet = ctx.user.can(Permission.VET_CERTIFICATES)
        self.set_up_table("applications", self._columns())
        h = self.header
        self.apply_action = h.add_action(self.tr("Apply…"), self.start_apply)
        self.vet_action = h.add_action(self.tr("Vet…"), self.start_vet)
        self.issue_action = h.add_action(self.tr("Issue"), self.issue_current)
        self.apply_action.setVisible(self.can_manage)
        self.vet_action.setVisible(self.can_vet)
        self.issue_action.setVisible(self.can_manage)
        if not self.can_vet:
            self.vet_action.setToolTip(self.tr("Vetting is for supervisors."))
        self.add_refresh_action(self.tr("Refresh"))
        self.lay_out(self.table)
        self.current: ApplicationRow | None = None
        self.on_table_current_row_changed(None)
        self.update_empty_text()

    def _columns(self) -> list[ColumnSpec]:
        return [
            ColumnSpec("id", self.tr("No."), None, width=50, align="right"),
            ColumnSpec("officer", self.tr("Name"), None, width=70),
            ColumnSpec("id_number", self.tr("ID number"), None, width=136),
            ColumnSpec("agency", self.tr("Agency"), None, width=170),
            ColumnSpec("applied_on", self.tr("Applied on"), None, width=84),
            ColumnSpec(
                "state",
                self.tr("State"),
                None,
                width=110,
                format=application_state,
                tone=lambda r: STATE_TONES.get(r.state),
            ),
            ColumnSpec("exam", self.tr("Exam"), None, width=180, full_tip=True),
            ColumnSpec("hours", self.tr("Hours"), None, width=64, align="right", format=lambda v: f"{v:g}"),
            ColumnSpec("vet_reason", self.tr("Vetting"), None, width=160, full_tip=True),
            ColumnSpec("number", self.tr("Certificate number"), None, width=130),
        ]

    def fetch(self, query: ListQuery) -> Page[ApplicationRow]:
        """The applications (waiting first), searched by name."""
        rows = [
            r
            for r in list_applications(self.ctx.store, self.ctx.user)
            if not query.search or query.search in r.officer or query.search in (r.number or "")
        ]
        end = None if query.limit is None else query.offset + query.limit
        return Page(tuple(rows[query.offset : end]), len(rows))

    def empty_text(self) -> str:
        """What an empty list means."""
        return self.tr("No applications yet — Apply… for an officer who passed the exam.")

    def refresh(self) -> None:
        """Read the applications again."""
        self.mark_loaded()
        reload_keeping(self.table, self.model)

    def on_table_current_row_changed(self, row: ApplicationRow | None) -> None:
        """The steps the current application allows."""
        self.current = row
        self.vet_action.setEnabled(self.can_vet and row is not None and row.state == "applied")
        self.issue_action.setEnabled(self.can_manage and row is not None and row.state == "approved")

    # -- the steps ----------------------------------------------------------------------------

    def start_apply(self) -> ApplyDialog | None:
        """申领…: the dialog with the gate."""
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
        self._run(
            lambda: apply_for_certificate(ctx.store, ctx.user, officer, exam_doc=exam_doc, on=on),
            dialog,
            self.tr("Recording the application"),
        )

    def start_vet(self) -> EventDialog | None:
        """审核…: pass, or refuse with a reason."""
        row = self.current
        if row is None or not self.can_vet or row.state != "applied":
            return None
        dialog = self.open_dialog(EventDialog("vet", row.officer, self.ctx.today(), self))
        dialog.submitted.connect(lambda: self._vet(dialog, row))
        return dialog

    def _vet(self, dialog: EventDialog, row: ApplicationRow) -> None:
        ctx = self.ctx
        on, reason, result, _document = dialog.values()
        self._run(
            lambda: vet_application(ctx.store, ctx.user, row.id, row.version, result == "pass", reason, on),
            dialog,
            self.tr("Recording the vetting"),
        )

    def issue_current(self) -> None:
        """发证 of the current approved application, after one confirmation naming the officer."""
        row, ctx = self.current, self.ctx
        if row is None or row.state != "approved" or not self.can_manage:
            return
        if not ctx.dialogs.confirm(
            self,
            self.tr("Issue a certificate"),
            self.tr("Issue {officer} a certificate with the next number, dated {date}?").format(
                officer=row.officer, date=ctx.today().isoformat()
            ),
            self.tr("Issue"),
        ):
            return
        self._run(
            lambda: issue_application(ctx.store, ctx.user, row.id, row.version, ctx.today()),
            None,
            self.tr("Issuing the certificate"),
        )

    def _run(self, work, dialog, label: str) -> None:  # type: ignore[no-untyped-def]
        ctx = self.ctx

        def done(_row: ApplicationRow) -> None:
            if dialog is not None:
                dialog.done_ok()
            reload_keeping(self.table, self.model)

        def failed(exc: BaseException) -> None:
            if dialog is not None and isinstance(exc, UserFacingError):
                dialog.show_problem(exc.localized())
            else:
                ctx.dialogs.show_error(self, exc, on_reload=self.refresh)

        ctx.tasks.run(
            lambda _p, _c: work(),
            on_done=done,
            on_error=failed,
            label=label,
            parent_widget=self,
            cancellable=False,
        )

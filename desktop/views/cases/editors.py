"""The editors of one case (record a stage, a period not counted, its end, an extension; edit the
case, correct or withdraw a stage): each reads the case as it is now through the task runner,
then opens its dialog or says why it does not apply."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from desktop.cases import terms
from desktop.cases.dto import CaseDetail, CaseRow
from desktop.cases.service import get_case
from desktop.context import AppContext
from desktop.views.cases.time_limits import extension_kinds, running_periods, suspension_applies
from desktop.views.common.page_tools import scoped_agencies

if TYPE_CHECKING:  # the dialogs are imported when one first opens
    from desktop.views.cases.correction_dialog import StageCorrectionDialog
    from desktop.views.cases.edit_case_dialog import EditCaseDialog
    from desktop.views.cases.period_dialogs import ExtensionDialog, SuspensionDialog
    from desktop.views.cases.stage_dialog import RecordStageDialog


class CaseEditors(QObject):
    """Opens a case's editors for a page: ``open_dialog`` shows one, ``on_saved(case)`` is told
    when it saved, ``reload`` reads the page again after a failed read."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget,
        open_dialog: Callable[[QDialog], Any],
        on_saved: Callable[[CaseDetail], None],
        reload: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.ctx, self.page = ctx, parent
        self.open_dialog, self.on_saved, self.reload = open_dialog, on_saved, reload

    def record_stage(self, row: CaseRow | CaseDetail, stage: str | None = None) -> RecordStageDialog | None:
        """Read the case as it is now and open the record-a-stage dialog."""
        from desktop.views.cases.stage_dialog import RecordStageDialog

        return self._open(
            row, lambda case: RecordStageDialog(self.ctx, case, self.page, stage=stage), "stage_recorded"
        )

    def suspend(self, row: CaseRow | CaseDetail) -> SuspensionDialog | None:
        """Read the case as it is now and open the dialog for a period not counted (检测、鉴定 …)."""
        from desktop.views.cases.period_dialogs import SuspensionDialog

        def refusal(case: CaseDetail) -> tuple[str, str] | None:
            if suspension_applies(case):
                return None
            text = self.tr("{case_no} has no decision or seizure time limit that a period could suspend.")
            return self.tr("Suspend the time limit"), text.format(case_no=case.case_no)

        return self._open(
            row, lambda case: SuspensionDialog(self.ctx, case, self.page), "suspension_saved", refusal
        )

    def end_suspension(
        self, row: CaseRow | CaseDetail, suspension_id: int | None = None
    ) -> SuspensionDialog | None:
        """Read the case as it is now and open the dialog that ends a running period (the one
        asked for; from the row menu the user picks when several run)."""
        from desktop.views.cases.period_dialogs import SuspensionDialog

        def refusal(case: CaseDetail) -> tuple[str, str] | None:
            if suspension_id is not None or running_periods(case):
                return None
            text = self.tr("No period not counted is running on {case_no}.")
            return self.tr("End a suspension"), text.format(case_no=case.case_no)

        return self._open(
            row,
            lambda case: SuspensionDialog(
                self.ctx, case, self.page, suspension_id=suspension_id, ending=True
            ),
            "suspension_saved",
            refusal,
        )

    def extend(self, row: CaseRow | CaseDetail, kind: str | None = None) -> ExtensionDialog | None:
        """Read the case as it is now and open the dialog for an approved extension."""
        from desktop.views.cases.period_dialogs import ExtensionDialog

        def refusal(case: CaseDetail) -> tuple[str, str] | None:
            if extension_kinds(case):
                return None
            text = self.tr(
                "{case_no} has no time limit to extend: only the decision limit of a 普通程序 行政处罚 "
                "case, or a 查封, 扣押 or 冻结 not extended yet."
            )
            return self.tr("Extend the time limit"), text.format(case_no=case.case_no)

        return self._open(
            row,
            lambda case: ExtensionDialog(self.ctx, case, self.page, kind=kind),
            "extension_approved",
            refusal,
        )

    def edit_case(self, row: CaseRow | CaseDetail) -> EditCaseDialog | None:
        """Read the case as it is now and the agencies it may belong to, and open the edit form."""
        from desktop.views.cases.edit_case_dialog import EditCaseDialog

        ctx, opened = self.ctx, []

        def open_with(found: tuple[CaseDetail, list[tuple[int, str, str]]]) -> None:
            case, agencies = found
            dialog = EditCaseDialog(ctx, [(aid, name) for aid, name, _short in agencies], case, self.page)
            dialog.case_saved.connect(self.on_saved)
            opened.append(self.open_dialog(dialog))

        ctx.tasks.load(
            lambda: (get_case(ctx.store, ctx.user, row.id, as_of=ctx.today()), scoped_agencies(ctx)),
            open_with,
            on_error=lambda exc: ctx.dialogs.show_error(self.page, exc, on_reload=self.reload),
            parent_widget=self.page,
        )
        return opened[0] if opened else None

    def correct_stage(
        self, row: CaseRow | CaseDetail, stage: str, *, withdraw: bool = False
    ) -> StageCorrectionDialog | None:
        """Read the case as it is now and open the dialog that corrects a stage's date (or
        withdraws the stage); a stage not recorded any more is said so."""
        from desktop.views.cases.correction_dialog import StageCorrectionDialog

        def refusal(case: CaseDetail) -> tuple[str, str] | None:
            if case.dates.get(f"{stage}_on") is not None:
                return None
            text = self.tr("{stage} is no longer recorded on {case_no}.")
            return self.tr("Correct a stage"), text.format(
                stage=terms.stage_title(stage), case_no=case.case_no
            )

        return self._open(
            row,
            lambda case: StageCorrectionDialog(self.ctx, case, stage, self.page, withdraw=withdraw),
            "stage_corrected",
            refusal,
        )

    def _open(
        self,
        row: CaseRow | CaseDetail,
        make: Callable[[CaseDetail], Any],
        saved: str,
        refusal: Callable[[CaseDetail], tuple[str, str] | None] | None = None,
    ) -> Any:
        """Read the case as it is now, then open the editor ``make`` builds (its signal ``saved``
        refreshes the register), or say why it does not apply (``refusal``: title and text)."""

        def open_with(case: CaseDetail) -> Any:
            why = refusal(case) if refusal is not None else None
            if why is not None:
                self.ctx.dialogs.info(self.page, *why)
                return None
            dialog = make(case)
            getattr(dialog, saved).connect(self.on_saved)
            return self.open_dialog(dialog)

        return self._read(row, open_with)

    def _read(self, row: CaseRow | CaseDetail, open_with: Callable[[CaseDetail], Any]) -> Any:
        """Read the case as it is now (through the task runner), then ``open_with(case)`` an editor;
        its result when that happened at once (the tests' runner). A failure is shown (reload)."""
        ctx, opened = self.ctx, []
        ctx.tasks.load(
            lambda: get_case(ctx.store, ctx.user, row.id, as_of=ctx.today()),
            lambda case: opened.append(open_with(case)),
            on_error=lambda exc: ctx.dialogs.show_error(self.page, exc, on_reload=self.reload),
            parent_widget=self.page,
        )
        return opened[0] if opened else None

"""更正日期 / 撤回: the dialog that corrects the date of a recorded stage, or withdraws a stage
recorded by mistake — always with the reason (kept in the audit record); a withdrawal asks once,
naming the stage and the case.

The change is checked as the user types (not in the future, and no rule of the register broken
that the case kept: the order of its dates, no major decision before its 法制审核 …); a stage
that later stages depend on is not withdrawn, and the dialog names them. The service checks all
of it again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.cases import terms
from desktop.cases.checks import REQUIRED, clean_case
from desktop.cases.corrections import REASON_LIMIT, correct_stage_date, dependent_stages, withdraw_stage
from desktop.cases.corrections import withdrawal_refusal as refusal_of
from desktop.cases.dto import CaseDetail
from desktop.cases.service import get_case
from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.core.i18n import translate
from desktop.views.cases.dialog_parts import FUTURE, CaseForm, date_picker, summary_lines, to_pydate
from desktop.views.cases.edit_case_dialog import case_input
from desktop.views.common.forms import to_qdate
from desktop.views.common.lazy_table import format_value


def withdrawal_refusal(case: CaseDetail, stage: str) -> str:
    """Why ``stage`` cannot be withdrawn from ``case``, in the user's words ("" when it can)."""
    template = refusal_of(case.dates, stage)
    if template is None:
        return ""
    stages = "、".join(terms.stage_title(s) for s in dependent_stages(case.dates, stage))
    return translate("errors", template).format(stage=terms.stage_title(stage), stages=stages)


class StageCorrectionDialog(CaseForm):
    """The case and the stage as recorded; the corrected date (or nothing, to withdraw it) and
    the reason. ``case`` is the case as read (its version guards against a change elsewhere)."""

    stage_corrected = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        case: CaseDetail,
        stage: str,
        parent: QWidget | None = None,
        *,
        withdraw: bool = False,
    ) -> None:
        title = self.tr("Withdraw a stage") if withdraw else self.tr("Correct a stage date")
        super().__init__(ctx, title, parent)
        self.setObjectName("withdrawStageDialog" if withdraw else "correctStageDialog")
        self.case, self.stage, self.withdraw = case, stage, withdraw
        self.summary, self.about = summary_lines(self)
        self.date_edit = date_picker(self, self.recorded() or ctx.today())
        self.date_edit.dateChanged.connect(lambda _d: self.touch("on"))
        self.add_field("on", self.tr("Corrected date"), self.date_edit)
        self.set_field_visible("on", not withdraw)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why (kept in the audit record)"))
        self.reason_edit.setMaxLength(REASON_LIMIT)
        self.reason_edit.textEdited.connect(lambda _t: self.touch("reason"))
        self.add_field("reason", self.tr("Reason"), self.reason_edit)
        if withdraw:
            self.save_button.setText(self.tr("Withdraw"))
        self.setMinimumWidth(520)
        self.show_case(case)

    def recorded(self) -> date | None:
        """The stage's date as the case has it."""
        return self.case.dates.get(f"{self.stage}_on")

    def show_case(self, case: CaseDetail) -> None:
        """Show the case and the stage as recorded."""
        self.case = case
        self.summary.setText(f"{case.case_no} · {case.party}")
        recorded = self.recorded()
        self.about.setText(
            self.tr("{stage}: recorded {date}").format(
                stage=terms.stage_title(self.stage), date=format_value(recorded) if recorded else "—"
            )
        )
        if recorded is not None and not self.withdraw:
            self.date_edit.setDate(to_qdate(recorded))
        self.revalidate()

    # -- the input --------------------------------------------------------------------------

    def on(self) -> date | None:
        """The corrected date (None: withdrawn)."""
        return None if self.withdraw else to_pydate(self.date_edit.date())

    def reason(self) -> str:
        """The reason as typed."""
        return self.reason_edit.text().strip()

    def problems(self) -> dict[str, str]:
        """A missing reason; a date in the future, out of order or before the legal review; a
        stage that others depend on."""
        found: dict[str, str] = {}
        if self.recorded() is None:
            found["on" if not self.withdraw else "reason"] = self.tr("{stage} is not recorded.").format(
                stage=terms.stage_title(self.stage)
            )
        elif self.withdraw and withdrawal_refusal(self.case, self.stage):
            found["reason"] = withdrawal_refusal(self.case, self.stage)
        else:
            found.update(self._date_problems(self.on()))
        if not self.reason() and "reason" not in found:
            found["reason"] = translate("errors", REQUIRED).format(field=self.tr("Reason"))
        return found

    def _date_problems(self, on: date | None) -> dict[str, str]:
        """The date in the future; any rule of the register the change would break that the case
        did not break already (the order of the dates, the 法制审核 gate, plausible years, the
        date a listed 强制措施 needs)."""
        found: dict[str, str] = {}
        if on is not None and on > self.ctx.clock.today():
            found["on"] = translate("errors", FUTURE).format(date=on.isoformat())
        before = case_input(self.case)
        changed: dict[str, Any] = {f"{self.stage}_on": on}
        today = self.ctx.clock.today()
        old = set(clean_case(before, today=today)[1])
        for problem in clean_case(replace(before, **changed), today=today)[1]:
            if problem not in old:
                found.setdefault("reason" if self.withdraw else "on", problem.message())
        return found

    def confirmed(self) -> bool:
        """A withdrawal asks once, naming the stage and the case."""
        if not self.withdraw:
            return True
        text = self.tr("Withdraw {stage} ({date}) from {case_no}? Its date is cleared; the reason is kept.")
        return self.ctx.dialogs.confirm(
            self,
            self.tr("Withdraw a stage"),
            text.format(
                stage=terms.stage_title(self.stage),
                date=format_value(self.recorded()),
                case_no=self.case.case_no,
            ),
            self.tr("Withdraw"),
        )

    def save_work(self) -> Callable[[], CaseDetail]:
        """Correct or withdraw the stage on the case as it was read."""
        ctx, case, stage, reason, on = self.ctx, self.case, self.stage, self.reason(), self.on()
        if on is None:
            return lambda: withdraw_stage(ctx.store, ctx.user, case.id, case.version, stage, reason)
        return lambda: correct_stage_date(ctx.store, ctx.user, case.id, case.version, stage, on, reason)

    def saved(self, result: CaseDetail) -> None:
        """Tell the page."""
        self.stage_corrected.emit(result)

    def reload_work(self) -> Callable[[], CaseDetail]:
        """After a conflict: the case as it is now."""
        ctx, case_id = self.ctx, self.case.id
        return lambda: get_case(ctx.store, ctx.user, case_id, as_of=ctx.today())

    def show_fresh(self, fresh: CaseDetail) -> None:
        """Show the case read again (the reason stays)."""
        self.show_case(fresh)

    def on_save_failed(self, exc: BaseException) -> None:
        """The service names the stage's date column: mark it on the date (or the reason)."""
        if isinstance(exc, ValidationError) and exc.field.endswith("_on"):
            field = "reason" if self.withdraw else "on"
            self.save_button.setEnabled(True)
            self.marks.mark(field, exc.localized())
            self.marks.widget(field).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().on_save_failed(exc)

"""编辑案件: the new-case form, filled in with a case, to correct its own fields — 案号, 执法主体,
类别 and 程序, 当事人, 案由, officers, 发现/立案/强制措施 dates and, once decided, 处罚种类, 金额
and 法律依据 — with the reason for the change (kept in the audit record).

The same rules as a new case are checked as the user types; a fault the case had already (an
imported case, say) does not stop another correction. Other stage dates are corrected on the
timeline (``correction_dialog``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QWidget

from desktop.cases import terms
from desktop.cases.checks import REQUIRED, clean_case
from desktop.cases.corrections import REASON_LIMIT, edit_case
from desktop.cases.dto import CaseDetail, CaseInput
from desktop.cases.service import get_case
from desktop.context import AppContext
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.validation import Problem
from desktop.views.cases.dialog_parts import CheckChoices
from desktop.views.cases.new_case_dialog import NewCaseDialog
from desktop.views.common.forms import first_problems, select_data, to_qdate

MAX_AMOUNT = 999_999_999.99
KEPT_FROM_CASE = (
    "investigated_on",
    "legal_review_on",
    "decided_on",
    "served_on",
    "published_on",
    "executed_on",
    "closed_on",
    "measure_released_on",
    "measure_extended",
)
"""What the form does not show and the edit keeps as the case has it."""


CONTEXT = "EditCaseDialog"
TEXTS = {
    " yuan": QT_TRANSLATE_NOOP("EditCaseDialog", " yuan"),
    "Amount": QT_TRANSLATE_NOOP("EditCaseDialog", "Amount"),
    "Correction": QT_TRANSLATE_NOOP("EditCaseDialog", "Correction"),
    "Decision": QT_TRANSLATE_NOOP("EditCaseDialog", "Decision"),
    "Edit case {case_no}": QT_TRANSLATE_NOOP("EditCaseDialog", "Edit case {case_no}"),
    "Legal basis": QT_TRANSLATE_NOOP("EditCaseDialog", "Legal basis"),
    "No amount": QT_TRANSLATE_NOOP("EditCaseDialog", "No amount"),
    "Penalty kinds": QT_TRANSLATE_NOOP("EditCaseDialog", "Penalty kinds"),
    "Reason": QT_TRANSLATE_NOOP("EditCaseDialog", "Reason"),
    "Why the case is corrected (kept in the audit record)": QT_TRANSLATE_NOOP(
        "EditCaseDialog", "Why the case is corrected (kept in the audit record)"
    ),
}
"""This dialog's own words. ``self.tr`` is the new-case form's (its context is fixed there), so
what the subclass adds is looked up here."""


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[text])


def case_input(case: CaseDetail) -> CaseInput:
    """A case as read, as the input that would store it again (agency and officers by id)."""
    return CaseInput(
        case_no=case.case_no,
        agency=case.agency_id,
        category=case.category,
        cause=case.cause,
        party=case.party,
        filed_on=case.dates.get("filed_on"),
        officers=tuple(o.officer_id for o in case.officers),
        procedure=case.procedure,
        source=case.source,
        party_type=case.party_type,
        party_id_number=case.party_id_number,
        discovered_on=case.dates.get("discovered_on"),
        investigated_on=case.dates.get("investigated_on"),
        legal_review_on=case.dates.get("legal_review_on"),
        decided_on=case.dates.get("decided_on"),
        served_on=case.dates.get("served_on"),
        published_on=case.dates.get("published_on"),
        executed_on=case.dates.get("executed_on"),
        closed_on=case.dates.get("closed_on"),
        measures=case.measures,
        measure_on=case.dates.get("measure_on"),
        measure_released_on=case.dates.get("measure_released_on"),
        measure_extended=case.measure_extended,
        penalty_kinds=case.penalty_kinds,
        amount=case.amount,
        major=case.major,
        legal_basis=case.legal_basis,
        power_code=case.power.code if case.power else None,
        discretion_band=case.power.band if case.power else None,
        target_code=case.target_code,
    )


class EditCaseDialog(NewCaseDialog):
    """The new-case form filled in with ``case`` (as read: its version guards against a change
    made elsewhere), the decision's fields once decided, and the reason; 保存 edits the case."""

    case: CaseDetail | None = None
    original: CaseInput | None = None

    def __init__(
        self,
        ctx: AppContext,
        agencies: Sequence[tuple[int, str]],
        case: CaseDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, agencies, parent, agency_id=case.agency_id)
        self.setObjectName("editCaseDialog")
        self.set_field_visible("dossier", False)
        self.setMinimumWidth(1080)  # the penalty kinds beside the dates, whole in either language
        self._build_decision()
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(_t("Why the case is corrected (kept in the audit record)"))
        self.reason_edit.setMaxLength(REASON_LIMIT)
        self.reason_edit.textEdited.connect(lambda _t: self.touch("reason"))
        self.add_section(_t("Correction"))
        self.add_field("reason", _t("Reason"), self.reason_edit)
        self.fill(case)

    def _build_decision(self) -> None:
        form = self.right_form  # under the dates: the dialog stays low enough for a 768-pixel screen
        self.decision_title = self.add_section(_t("Decision"), form)
        self.penalty_kinds = CheckChoices(terms.PENALTY_KINDS, 3, self)
        self.penalty_kinds.changed.connect(lambda: self.touch("penalty_kinds"))
        self.add_field("penalty_kinds", _t("Penalty kinds"), self.penalty_kinds, form, tall=True)
        self.amount_spin = QDoubleSpinBox(self)
        self.amount_spin.setDecimals(2)
        self.amount_spin.setRange(0, MAX_AMOUNT)
        self.amount_spin.setGroupSeparatorShown(True)
        self.amount_spin.setSpecialValueText(_t("No amount"))
        self.amount_spin.setSuffix(_t(" yuan"))
        self.amount_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_spin.valueChanged.connect(lambda _v: self.touch("amount"))
        self.add_field("amount", _t("Amount"), self.amount_spin, form)
        self.basis_edit = QLineEdit(self)
        self.basis_edit.textEdited.connect(lambda _t: self.touch("legal_basis"))
        self.add_field("legal_basis", _t("Legal basis"), self.basis_edit, form)

    # -- the case ---------------------------------------------------------------------------

    def fill(self, case: CaseDetail) -> None:
        """Show the case in the fields (the reason stays as typed)."""
        self.case, self.original = case, case_input(case)
        self.setWindowTitle(_t("Edit case {case_no}").format(case_no=case.case_no))
        self.case_no_edit.setText(case.case_no)
        for combo, value in (
            (self.category_combo, case.category),
            (self.procedure_combo, case.procedure),
            (self.source_combo, case.source),
            (self.party_type_combo, case.party_type),
        ):
            select_data(combo, value)
        self.cause_edit.setText(case.cause)
        self.party_edit.setText(case.party)
        self.party_id_edit.setText(case.party_id_number or "")
        self.major_check.setChecked(case.major)
        self.discovered_edit.set_value(case.dates.get("discovered_on"))
        filed = case.dates.get("filed_on")
        if filed is not None:
            self.filed_edit.setDate(to_qdate(filed))
        self.measures.set_chosen(case.measures)
        self.measure_edit.set_value(case.dates.get("measure_on"))
        self.penalty_kinds.set_chosen(case.penalty_kinds)
        self.amount_spin.setValue(float(case.amount or 0))
        self.basis_edit.setText(case.legal_basis or "")
        for edit in (self.case_no_edit, self.cause_edit, self.party_edit, self.basis_edit):
            edit.setCursorPosition(0)  # a long text shows from its start
        decided = bool(case.dates.get("decided_on") or case.penalty_kinds or case.amount or case.legal_basis)
        self.right_form.setRowVisible(self.decision_title, decided)
        for field in ("penalty_kinds", "amount", "legal_basis"):
            self.set_field_visible(field, decided)
        if self.agency_combo.currentData() != case.agency_id:
            select_data(self.agency_combo, case.agency_id)  # its officers are read again
        else:
            self.load_officers()
        if filed is not None:
            power = case.power
            self.power_picker.load(case.agency_id, filed, current=power.code if power else None)
        self.marks.touched.update(f for f in self.marks.fields() if f != "reason")
        self.revalidate()

    def officers_shown(self, agency_id: int | None) -> None:
        """The case's own agency: its officers ticked as the case has them."""
        if self.original is not None and agency_id == self.original.agency:
            self.check_officers(self.original.officers)

    # -- the input --------------------------------------------------------------------------

    def data(self) -> CaseInput:
        """The form's fields, and what it does not show as the case has it."""
        form = super().data()
        if self.original is None:
            return form
        amount = Decimal(str(round(self.amount_spin.value(), 2))).quantize(Decimal("0.01"))
        return replace(
            form,
            dossier=None,
            penalty_kinds=self.penalty_kinds.chosen(),
            amount=amount if amount > 0 else None,
            legal_basis=self.basis_edit.text().strip() or None,
            discretion_band=self.original.discretion_band
            if form.power_code == self.original.power_code
            else None,
            target_code=self.original.target_code,
            **{name: getattr(self.original, name) for name in KEPT_FROM_CASE},
        )

    def reason(self) -> str:
        """The reason as typed."""
        return self.reason_edit.text().strip()

    def problems(self) -> dict[str, str]:
        """The rules a new case keeps that the case did not break already; the reason."""
        if self.original is None:
            return super().problems()
        old = set(clean_case(self.original)[1])
        problems = [p for p in clean_case(self.data())[1] if p not in old]
        if not self.reason():
            problems.append(Problem("reason", REQUIRED, (("field", _t("Reason")),)))
        return first_problems(problems)

    def save_work(self) -> Callable[[], CaseDetail]:
        """Edit the case as it was read."""
        ctx, data, reason = self.ctx, self.data(), self.reason()
        case = self.case
        assert case is not None
        return lambda: edit_case(ctx.store, ctx.user, case.id, case.version, data, reason)

    def reload_work(self) -> Callable[[], CaseDetail] | None:
        """After a conflict: the case as it is now."""
        ctx, case = self.ctx, self.case
        assert case is not None
        return lambda: get_case(ctx.store, ctx.user, case.id, as_of=ctx.today())

    def show_fresh(self, fresh: CaseDetail) -> None:
        """Show the case read again (the reason stays)."""
        self.fill(fresh)

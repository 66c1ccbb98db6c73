"""记录环节: the dialog that records a stage of a case — which step happened and when; a decision
also takes 处罚种类 (from the statutory list), 金额 and 法律依据.

It checks as the user types that the date is not in the future and keeps the order of the case's
dates, and that a 重大执法决定 is not decided without a 法制审核; a stale version comes back from
the service.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QWidget

from desktop.cases import terms
from desktop.cases.checks import NO_LEGAL_REVIEW, date_order_problems
from desktop.cases.dto import CaseDetail, StageInput
from desktop.cases.service import get_case
from desktop.cases.stages import RECORDED_ALREADY, record_stage
from desktop.context import AppContext
from desktop.core.errors import ValidationError
from desktop.core.i18n import translate
from desktop.views.cases.dialog_parts import FUTURE, CaseForm, CheckChoices, date_picker, to_pydate
from desktop.views.cases.power_picker import PowerPicker
from desktop.views.cases.titles import category_text, joined
from desktop.views.common.forms import combo_data, select_data, to_qdate
from desktop.views.common.lazy_table import format_value

MAX_AMOUNT = 999_999_999.99


class RecordStageDialog(CaseForm):
    """记录环节: which step happened and when; a decision also takes 处罚种类, 金额 and 法律依据.

    ``case`` is the case as read (its ``version`` guards against a change made elsewhere).
    """

    stage_recorded = Signal(object)
    DECISION_FIELDS = ("power", "penalty_kinds", "amount", "legal_basis")

    def __init__(
        self, ctx: AppContext, case: CaseDetail, parent: QWidget | None = None, *, stage: str | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Record a stage"), parent)
        self.case = case
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.recorded = QLabel(self)
        self.recorded.setObjectName("recorded")
        for label in (self.summary, self.recorded):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label)
        self.recorded.setContentsMargins(0, 0, 0, 6)
        self.stage_combo = QComboBox(self)
        self.stage_combo.currentIndexChanged.connect(self.on_stage_combo_current_index_changed)
        self.add_field("stage", self.tr("Stage"), self.stage_combo)
        self.date_edit = date_picker(self, min(ctx.today(), ctx.clock.today()))
        self.date_edit.dateChanged.connect(lambda _d: self.touch("on"))
        self.add_field("on", self.tr("Date"), self.date_edit)
        self._build_decision()
        self.setMinimumWidth(560)
        self.show_case(case, stage)

    def _build_decision(self) -> None:
        self.decision_title = self.add_section(self.tr("Decision"))
        self.power_picker = PowerPicker(self.ctx, self, with_band=True)
        self.power_picker.changed.connect(self._decision_changed)
        self.add_field("power", self.tr("Power and band"), self.power_picker, tall=True)
        self.penalty_kinds = CheckChoices(terms.PENALTY_KINDS, 3, self)
        self.penalty_kinds.changed.connect(lambda: self.touch("penalty_kinds"))
        self.penalty_kinds.changed.connect(self._decision_changed)
        self.add_field("penalty_kinds", self.tr("Penalty kinds"), self.penalty_kinds, tall=True)
        self.amount_spin = QDoubleSpinBox(self)
        self.amount_spin.setDecimals(2)
        self.amount_spin.setRange(0, MAX_AMOUNT)
        self.amount_spin.setGroupSeparatorShown(True)
        self.amount_spin.setSpecialValueText(self.tr("No amount"))
        self.amount_spin.setSuffix(self.tr(" yuan"))
        self.amount_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_spin.valueChanged.connect(lambda _v: self.touch("amount"))
        self.amount_spin.valueChanged.connect(lambda _v: self._decision_changed())
        self.add_field("amount", self.tr("Amount"), self.amount_spin)
        self.basis_edit = QLineEdit(self)
        self.basis_edit.setPlaceholderText(self.tr("e.g. 《中华人民共和国食品安全法》第一百二十四条"))
        self.basis_edit.textEdited.connect(lambda _t: self.touch("legal_basis"))
        self.add_field("legal_basis", self.tr("Legal basis"), self.basis_edit)

    # -- the case ---------------------------------------------------------------------------

    def stages(self) -> list[str]:
        """The steps that may be recorded on this case, in the order they happen."""
        steps = list(terms.STAGES[1:])
        if self.case.measures or self.case.dates.get("measure_on"):
            steps += ["measure", "measure_released"]
        return steps

    def next_stage(self) -> str:
        """The first step after the current one that has no date yet."""
        steps = self.stages()
        order = list(terms.STAGES)
        current = order.index(self.case.stage) if self.case.stage in order else 0
        for step in steps:
            if step in order and order.index(step) > current and not self.case.dates.get(f"{step}_on"):
                return step
        return next((s for s in steps if not self.case.dates.get(f"{s}_on")), steps[0])

    def show_case(self, case: CaseDetail, stage: str | None = None) -> None:
        """Show the case (and its recorded dates) and offer its steps."""
        self.case = case
        recorded = [
            f"{terms.stage_title(s)} {format_value(d)}"
            for s in ("discovered", *terms.STAGES, "measure", "measure_released")
            if (d := case.dates.get(f"{s}_on")) is not None
        ]
        self.summary.setText(f"{case.case_no} · {case.party}")
        self.recorded.setText(
            self.tr("{category} · recorded: {dates}").format(
                category=category_text(case.category, case.procedure), dates=joined(recorded)
            )
        )
        wanted = stage or combo_data(self.stage_combo) or self.next_stage()
        blocked = self.stage_combo.blockSignals(True)
        self.stage_combo.clear()
        for step in self.stages():
            on = case.dates.get(f"{step}_on")
            text = terms.stage_title(step)
            if on is not None:
                text = self.tr("{stage} (recorded {date})").format(stage=text, date=format_value(on))
            self.stage_combo.addItem(text, step)
        select_data(self.stage_combo, wanted)
        self.stage_combo.blockSignals(blocked)
        self.penalty_kinds.set_chosen(case.penalty_kinds)
        self.amount_spin.setValue(float(case.amount or 0))
        self.basis_edit.setText(case.legal_basis or "")
        filed = case.dates.get("filed_on")
        if filed is not None:
            power = case.power
            self.power_picker.load(
                case.agency_id,
                filed,
                current=power.code if power else None,
                band=power.band if power else None,
            )
        self.on_stage_combo_current_index_changed(self.stage_combo.currentIndex())

    # -- the input --------------------------------------------------------------------------

    def step(self) -> StageInput:
        """What the user has filled in (the decision's fields only for a decision)."""
        stage = combo_data(self.stage_combo) or ""
        on = to_pydate(self.date_edit.date())
        if stage != "decided":
            return StageInput(stage, on)
        amount = Decimal(str(round(self.amount_spin.value(), 2))).quantize(Decimal("0.01"))
        return StageInput(
            stage,
            on,
            self.penalty_kinds.chosen(),
            amount if amount > 0 else None,
            self.basis_edit.text().strip() or None,
            self.power_picker.power_code(),
            self.power_picker.band(),
        )

    def _decision_changed(self) -> None:
        """Show what the chosen band allows, in red as soon as the decision leaves it."""
        amount = Decimal(str(round(self.amount_spin.value(), 2))).quantize(Decimal("0.01"))
        self.power_picker.show_hint(self.penalty_kinds.chosen(), amount if amount > 0 else None)
        power = self.power_picker.power()
        if power is not None and not self.basis_edit.text().strip():
            self.basis_edit.setText(power.legal_basis)

    def problems(self) -> dict[str, str]:
        """A date in the future or out of order; a major decision without a legal review."""
        step = self.step()
        found: dict[str, str] = {}
        review = self.case.dates.get("legal_review_on")
        if step.stage == "decided" and self.case.major and (review is None or review > step.on):
            found["stage" if review is None else "on"] = translate("errors", NO_LEGAL_REVIEW)
        if step.on > self.ctx.clock.today():
            found.setdefault("on", translate("errors", FUTURE).format(date=step.on.isoformat()))
        recorded = self.case.dates.get(f"{step.stage}_on")
        if recorded is not None and recorded != step.on:
            found.setdefault(
                "on",
                translate("errors", RECORDED_ALREADY).format(
                    stage=terms.stage_title(step.stage), date=recorded.isoformat()
                ),
            )
        dates = {**self.case.dates, f"{step.stage}_on": step.on}
        for problem in date_order_problems(dates):
            found.setdefault("on", problem.message())
        return found

    def save_work(self) -> Callable[[], CaseDetail]:
        """Record the step on the case as it was read."""
        ctx, case, step = self.ctx, self.case, self.step()
        return lambda: record_stage(ctx.store, ctx.user, case.id, case.version, step)

    def saved(self, result: CaseDetail) -> None:
        """Tell the page."""
        self.stage_recorded.emit(result)

    def reload_work(self) -> Callable[[], CaseDetail]:
        """After a conflict: the case as it is now."""
        ctx, case_id = self.ctx, self.case.id
        return lambda: get_case(ctx.store, ctx.user, case_id, as_of=ctx.today())

    def show_fresh(self, fresh: CaseDetail) -> None:
        """Show the case read again."""
        self.show_case(fresh)

    def on_save_failed(self, exc: BaseException) -> None:
        """The service names a stage's date column (``decided_on``): mark it on this form's field."""
        field = self._field_of(exc) if isinstance(exc, ValidationError) else None
        if field is None:
            super().on_save_failed(exc)
            return
        self.save_button.setEnabled(True)
        self.marks.mark(field, exc.localized())
        self.marks.widget(field).setFocus(Qt.FocusReason.OtherFocusReason)

    def _field_of(self, exc: ValidationError) -> str | None:
        if self.marks.has(exc.field):
            return exc.field
        if exc.field.endswith("_on"):
            no_review = exc.template == NO_LEGAL_REVIEW and self.case.dates.get("legal_review_on") is None
            return "stage" if no_review else "on"
        return None

    # -- slots ------------------------------------------------------------------------------

    def on_stage_combo_current_index_changed(self, _index: int) -> None:
        """A decision takes its penalty kinds, amount and legal basis; other steps only a date. A
        step recorded already shows its date (its decision details may be recorded again)."""
        stage = combo_data(self.stage_combo)
        recorded = self.case.dates.get(f"{stage}_on")
        if recorded is not None:  # its date stays; another date is a correction (on the timeline)
            self.date_edit.setDate(to_qdate(recorded))
        decided = stage == "decided"
        self.form.setRowVisible(self.decision_title, decided)
        for field in self.DECISION_FIELDS:
            self.set_field_visible(field, decided)
        self.touch_all(("stage", "on"))
        self.adjustSize()

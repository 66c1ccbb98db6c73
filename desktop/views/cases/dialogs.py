"""The case register's entry dialogs: a new case (新建案件), recording a stage (记录环节), a period
that does not count towards the deadlines (中止计算期间) and an approved extension (延长期限).

Both check the rules of ``desktop.cases.rules`` as the user types — required fields, the order
of the dates, officers of the chosen agency, 处罚种类 from the statutory list, and that a 重大执法决定
is not decided without a 法制审核 — and enable 保存 only when nothing is wrong. What only the
store can tell (a 案号 already taken, a stale version) comes back from the service and is marked
on its field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.cases import terms
from desktop.cases.checks import FIELD_TITLES, NO_LEGAL_REVIEW, REQUIRED, clean_case, date_order_problems
from desktop.cases.dto import CaseDetail, CaseInput, StageInput, SuspensionRow
from desktop.cases.entry import add_suspension, approve_extension, create_case, end_suspension, record_stage
from desktop.cases.rules import Limits
from desktop.cases.service import get_case
from desktop.context import AppContext
from desktop.errors import ValidationError
from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.paging import ListQuery
from desktop.personnel.dto import OfficerRow
from desktop.personnel.rules import Problem
from desktop.personnel.service import list_officers
from desktop.views.cases.detail import (
    category_text,
    deadline_of,
    extension_kinds,
    joined,
    running_periods,
    time_limited_measures,
)
from desktop.views.common.lazy_table import TONE_COLOURS, format_value
from desktop.views.forms import (
    INVALID_STYLE,
    FormDialog,
    OptionalDateEdit,
    combo_data,
    first_problems,
    select_data,
    to_qdate,
)
from desktop.views.officers.titles import cert_state_title, state_tone

LIST_INVALID_STYLE = ('QListWidget[invalid="true"], QWidget#choices[invalid="true"]'
                      ' { border: 1px solid #D93025; border-radius: 2px; }')
FUTURE = QT_TRANSLATE_NOOP("errors", "{date} is in the future.")
"""The service's words for a step dated after today (``record_stage``)."""
END_BEFORE_START = QT_TRANSLATE_NOOP("errors", "The end {end} is before the start {start}.")
START_BEFORE_FILING = QT_TRANSLATE_NOOP("errors", "The start {start} is before the filing date {filed}.")
NO_PERIOD = QT_TRANSLATE_NOOP("errors", "No such period (id {id}).")
"""The service's words for a period's dates (``add_suspension``, ``end_suspension``)."""
SEIZURE_EXTENSION_DAYS = Limits().seizure_extension_days
"""What an approved extension adds to a 查封、扣押、冻结 (强制法 第二十五条: 30 days)."""
MAX_EXTENSION_DAYS = 365
DEFAULT_EXTENSION_DAYS = 30
PENDING = QT_TRANSLATE_NOOP("CaseForm", "To save, complete: {fields}")
PENDING_COLOUR = "#5F6B7A"
MAX_AMOUNT = 999_999_999.99
OFFICER_ROWS = 6
TALL_LABEL_TOP = 3
UNLIMITED = 16_777_215
"""``QWIDGETSIZE_MAX``: a widget without a fixed height."""


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(to_qdate(value))
    return edit


class CheckChoices(QWidget):
    """A grid of check boxes over fixed values (强制措施, 处罚种类); ``changed`` when one toggles."""

    changed = Signal()

    def __init__(self, values: Sequence[str], columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choices")
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        for n, value in enumerate(values):
            box = QCheckBox(value, self)
            box.toggled.connect(lambda _on: self.changed.emit())
            grid.addWidget(box, n // columns, n % columns)
            self.boxes[value] = box

    def chosen(self) -> tuple[str, ...]:
        """The values checked, in the statutory order."""
        return tuple(v for v, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, values: Sequence[str]) -> None:
        """Check exactly ``values``."""
        for value, box in self.boxes.items():
            box.setChecked(value in values)


class CaseForm(FormDialog):
    """What both case dialogs share: 保存 enabled only when the input is valid, and a line that
    says which untouched fields still stop it."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, parent)
        self.setStyleSheet(INVALID_STYLE + LIST_INVALID_STYLE)
        self.labels: dict[str, str] = {}
        self.pending = QLabel(self)
        self.pending.setObjectName("pending")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet(f"color: {PENDING_COLOUR};")
        self.pending.hide()
        self.layout().insertWidget(1, self.pending)

    def add_field(self, field: str, label: str, widget: QWidget, form: QFormLayout | None = None, *,
                  tall: bool = False) -> QWidget:
        """A labelled field with its message line (remembering the label for the pending line).

        A ``tall`` field (a list, a grid of check boxes) has its label level with its first line.
        """
        widget.setObjectName(widget.objectName() or field)
        self.labels[field] = label
        self.marks.add_row(field, label, widget, form)
        if tall:
            title = (form or self.form).labelForField(widget.parentWidget())
            if isinstance(title, QLabel):
                title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                title.setContentsMargins(0, TALL_LABEL_TOP, 0, 0)
                if widget.maximumHeight() < UNLIMITED:  # a fixed height, not the size hint, sets the row
                    title.setFixedHeight(widget.maximumHeight())
        return widget

    def set_field_visible(self, field: str, visible: bool) -> None:
        """Show or hide one field's row."""
        cell = self.marks.widget(field).parentWidget()
        for form in self.findChildren(QFormLayout):
            if form.indexOf(cell) >= 0:
                form.setRowVisible(cell, visible)

    def revalidate(self) -> None:
        """Mark the touched fields, enable 保存 only when nothing is wrong, name what is left."""
        problems = self.problems()
        self.marks.show(problems)
        self.save_button.setEnabled(not problems)
        waiting = [self.labels.get(f, f) for f in self.marks.fields()
                   if f in problems and f not in self.marks.touched]
        waiting += [message for f, message in problems.items() if not self.marks.has(f)]
        self.pending.setText(QCoreApplication.translate("CaseForm", PENDING).format(fields=joined(waiting))
                             if waiting else "")
        self.pending.setVisible(bool(waiting))
        self.save_button.setToolTip(next(iter(problems.values()), ""))

    def touch_all(self, fields: Sequence[str]) -> None:
        """The user worked on one of several linked fields (dates): check them all from now on."""
        self.marks.touched.update(f for f in fields if self.marks.has(f))
        self.revalidate()


# -- a new case ----------------------------------------------------------------------------------


class NewCaseDialog(CaseForm):
    """案号, 执法主体, 类别 and 程序, 当事人, 案由 on the left; the agency's officers, the dates,
    强制措施 and the dossier on the right — then 保存.

    ``agencies`` are (id, name) pairs the user may choose from (a scoped user: their own).
    """

    case_saved = Signal(object)
    DATE_FIELDS = ("discovered_on", "filed_on", "measure_on")

    def __init__(self, ctx: AppContext, agencies: Sequence[tuple[int, str]], parent: QWidget | None = None,
                 *, agency_id: int | None = None) -> None:
        super().__init__(ctx, self.tr("New case"), parent)
        self.officers: list[OfficerRow] = []
        self._build_case(agencies)
        self._build_officers_and_dates()
        self.setMinimumWidth(900)
        if agency_id is None and len(agencies) == 1:
            agency_id = agencies[0][0]
        if agency_id is not None:
            select_data(self.agency_combo, agency_id)
        self.load_officers()
        self.on_category_combo_current_index_changed(self.category_combo.currentIndex())

    # -- building ---------------------------------------------------------------------------

    def _line(self, field: str, label: str, placeholder: str = "", form: QFormLayout | None = None) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t: self.touch(field))
        self.add_field(field, label, edit, form)
        return edit

    def _combo(self, field: str, label: str, items: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        for text, data in items:
            combo.addItem(text, data)
        combo.activated.connect(lambda _i: self.touch(field))
        self.add_field(field, label, combo)
        return combo

    def _build_case(self, agencies: Sequence[tuple[int, str]]) -> None:
        self.add_section(self.tr("Case"))
        self.case_no_edit = self._line("case_no", self.tr("Case number"), self.tr("e.g. 示范市监罚〔2026〕12号"))
        self.agency_combo = self._combo("agency", self.tr("Agency"),
                                        [(self.tr("(choose an agency)"), None), *[(n, i) for i, n in agencies]])
        self.agency_combo.currentIndexChanged.connect(self.on_agency_combo_current_index_changed)
        self.category_combo = self._combo("category", self.tr("Category"), [
            (self.tr("(choose a category)"), None), *[(terms.term_title(c), c) for c in terms.CATEGORIES]])
        self.category_combo.currentIndexChanged.connect(self.on_category_combo_current_index_changed)
        self.procedure_combo = self._combo("procedure", self.tr("Procedure"), [
            (self.tr("(choose a procedure)"), None), *[(terms.term_title(p), p) for p in terms.PROCEDURES]])
        self.procedure_combo.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.source_combo = self._combo("source", self.tr("Source"),
                                        [(self.tr("(not set)"), None), *[(s, s) for s in terms.SOURCES]])
        self.cause_edit = self._line("cause", self.tr("Cause"), self.tr("e.g. 销售过期食品"))
        self.party_edit = self._line("party", self.tr("Party"), self.tr("Person or organisation"))
        self.party_type_combo = self._combo("party_type", self.tr("Party type"),
                                            [(self.tr("(not set)"), None), *[(t, t) for t in terms.PARTY_TYPES]])
        self.party_type_combo.currentIndexChanged.connect(lambda _i: self.revalidate())
        self.party_id_edit = self._line("party_id_number", self.tr("ID or credit code"),
                                        self.tr("18 characters, optional"))
        self.major_check = QCheckBox(self.tr("Major enforcement decision (legal review before deciding)"), self)
        self.major_check.toggled.connect(lambda _on: self.touch("major"))
        self.add_field("major", self.tr("Major"), self.major_check)

    def _build_officers_and_dates(self) -> None:
        form = self.add_column()
        self.add_section(self.tr("Officers and dates"), form)
        self.officer_list = QListWidget(self)
        self.officer_list.setObjectName("officers")
        self.officer_list.setFixedHeight((self.fontMetrics().height() + 6) * OFFICER_ROWS + 4)
        self.officer_list.itemChanged.connect(lambda _item: self.touch("officers"))
        self.add_field("officers", self.tr("Officers"), self.officer_list, form, tall=True)
        self.discovered_edit = OptionalDateEdit(self.tr("Not recorded"), self)
        self.add_field("discovered_on", self.tr("Discovered on"), self.discovered_edit, form)
        self.filed_edit = _date_edit(self, self.ctx.today())
        self.add_field("filed_on", self.tr("Filed on"), self.filed_edit, form)
        self.measures = CheckChoices(terms.MEASURES, 3, self)
        self.measures.changed.connect(lambda: self.touch_all(("measures", "measure_on")))
        self.add_field("measures", self.tr("Coercive measures"), self.measures, form, tall=True)
        self.measure_edit = OptionalDateEdit(self.tr("Not recorded"), self)
        self.add_field("measure_on", self.tr("Measure taken on"), self.measure_edit, form)
        for edit in (self.discovered_edit, self.filed_edit, self.measure_edit):
            edit.dateChanged.connect(lambda _d: self.touch_all(self.DATE_FIELDS))
        self.dossier_edit = QLineEdit(self)
        self.dossier_edit.setPlaceholderText(self.tr("Dossier PDF, optional"))
        self.dossier_edit.textEdited.connect(lambda _t: self.touch("dossier"))
        self.add_field("dossier", self.tr("Dossier"), self._dossier_row(), form)

    def _dossier_row(self) -> QWidget:
        row = QWidget(self)
        row.setObjectName("dossier_row")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.dossier_edit, 1)
        self.browse_button = QPushButton(self.tr("Browse…"), row)
        self.browse_button.clicked.connect(self.on_browse_button_clicked)
        line.addWidget(self.browse_button)
        return row

    # -- officers of the agency -------------------------------------------------------------

    def load_officers(self) -> None:
        """List the chosen agency's officers to pick from (none chosen: say so)."""
        agency_id = combo_data(self.agency_combo)
        self.officers = []
        if agency_id is not None:
            query = ListQuery(filters=(("agency_id", agency_id),), sort="name", limit=None)
            self.officers = list(list_officers(self.ctx.store, self.ctx.user, query).items)
        blocked = self.officer_list.blockSignals(True)
        self.officer_list.clear()
        for officer in self.officers:
            self.officer_list.addItem(self._officer_item(officer))
        if not self.officers:
            note = QListWidgetItem(self.tr("Choose the agency first.") if agency_id is None else
                                   self.tr("This agency has no officers yet."))
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.officer_list.addItem(note)
        self.officer_list.blockSignals(blocked)
        self.revalidate()

    def _officer_item(self, officer: OfficerRow) -> QListWidgetItem:
        parts = ((officer.name, officer.cert_number, cert_state_title(officer.cert_state)) if officer.cert_number
                 else (officer.name, self.tr("no certificate")))
        text = "  ·  ".join(parts)
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, officer.id)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        tone = state_tone(officer.cert_state) or "red"
        if tone != "green":
            item.setForeground(QColor(TONE_COLOURS[tone]))
            item.setToolTip(self.tr("Without a valid certificate on the filing date the case is warned about."))
        return item

    def check_officers(self, officer_ids: Sequence[int]) -> None:
        """Tick the officers with these ids (and no other)."""
        for n in range(self.officer_list.count()):
            item = self.officer_list.item(n)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                wanted = item.data(Qt.ItemDataRole.UserRole) in officer_ids
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def chosen_officers(self) -> tuple[int, ...]:
        """The ids of the ticked officers, in list order."""
        items = (self.officer_list.item(n) for n in range(self.officer_list.count()))
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in items
                     if item.checkState() == Qt.CheckState.Checked)

    # -- the input --------------------------------------------------------------------------

    def data(self) -> CaseInput:
        """What the user has filled in."""
        category = combo_data(self.category_combo) or ""
        return CaseInput(
            case_no=self.case_no_edit.text(), agency=combo_data(self.agency_combo) or "", category=category,
            cause=self.cause_edit.text(), party=self.party_edit.text(), filed_on=_pydate(self.filed_edit.date()),
            officers=self.chosen_officers(),
            procedure=combo_data(self.procedure_combo) if category == terms.PENALTY else None,
            source=combo_data(self.source_combo), party_type=combo_data(self.party_type_combo),
            party_id_number=self.party_id_edit.text() or None, discovered_on=self.discovered_edit.value(),
            measures=self.measures.chosen(), measure_on=self.measure_edit.value(),
            major=self.major_check.isChecked(), dossier=self.dossier_edit.text() or None)

    def problems(self) -> dict[str, str]:
        """The broken rules of the input, by field."""
        _data, problems = clean_case(self.data())
        if combo_data(self.agency_combo) is None:
            problems.insert(0, Problem("agency", REQUIRED, (("field", FIELD_TITLES["agency"]),)))
        return first_problems(problems)

    def save_work(self) -> Callable[[], CaseDetail]:
        """Add the case."""
        ctx, data = self.ctx, self.data()
        return lambda: create_case(ctx.store, ctx.user, data)

    def saved(self, result: CaseDetail) -> None:
        """Tell the page."""
        self.case_saved.emit(result)

    # -- slots ------------------------------------------------------------------------------

    def on_agency_combo_current_index_changed(self, _index: int) -> None:
        """Another agency: its officers to pick from (the ticks are cleared)."""
        self.load_officers()

    def on_category_combo_current_index_changed(self, _index: int) -> None:
        """The procedure applies to a 行政处罚 only."""
        penalty = combo_data(self.category_combo) == terms.PENALTY
        self.procedure_combo.setEnabled(penalty)
        if not penalty:
            self.procedure_combo.setCurrentIndex(0)
        self.revalidate()

    def on_browse_button_clicked(self) -> None:
        """Pick the dossier PDF."""
        path = self.ctx.dialogs.open_file(self, self.tr("Choose the dossier"), self.tr("PDF files (*.pdf)"))
        if path:
            self.dossier_edit.setText(path)
            self.touch("dossier")


# -- recording a stage ---------------------------------------------------------------------------


class RecordStageDialog(CaseForm):
    """记录环节: which step happened and when; a decision also takes 处罚种类, 金额 and 法律依据.

    ``case`` is the case as read (its ``version`` guards against a change made elsewhere).
    """

    stage_recorded = Signal(object)
    DECISION_FIELDS = ("penalty_kinds", "amount", "legal_basis")

    def __init__(self, ctx: AppContext, case: CaseDetail, parent: QWidget | None = None, *,
                 stage: str | None = None) -> None:
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
        self.date_edit = _date_edit(self, min(ctx.today(), ctx.clock.today()))
        self.date_edit.dateChanged.connect(lambda _d: self.touch("on"))
        self.add_field("on", self.tr("Date"), self.date_edit)
        self._build_decision()
        self.setMinimumWidth(560)
        self.show_case(case, stage)

    def _build_decision(self) -> None:
        self.decision_title = self.add_section(self.tr("Decision"))
        self.penalty_kinds = CheckChoices(terms.PENALTY_KINDS, 3, self)
        self.penalty_kinds.changed.connect(lambda: self.touch("penalty_kinds"))
        self.add_field("penalty_kinds", self.tr("Penalty kinds"), self.penalty_kinds, tall=True)
        self.amount_spin = QDoubleSpinBox(self)
        self.amount_spin.setDecimals(2)
        self.amount_spin.setRange(0, MAX_AMOUNT)
        self.amount_spin.setGroupSeparatorShown(True)
        self.amount_spin.setSpecialValueText(self.tr("No amount"))
        self.amount_spin.setSuffix(self.tr(" yuan"))
        self.amount_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_spin.valueChanged.connect(lambda _v: self.touch("amount"))
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
        recorded = [f"{terms.stage_title(s)} {format_value(d)}" for s in ("discovered", *terms.STAGES,
                                                                           "measure", "measure_released")
                    if (d := case.dates.get(f"{s}_on")) is not None]
        self.summary.setText(f"{case.case_no} · {case.party}")
        self.recorded.setText(self.tr("{category} · recorded: {dates}").format(
            category=category_text(case.category, case.procedure), dates=joined(recorded)))
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
        self.on_stage_combo_current_index_changed(self.stage_combo.currentIndex())

    # -- the input --------------------------------------------------------------------------

    def step(self) -> StageInput:
        """What the user has filled in (the decision's fields only for a decision)."""
        stage = combo_data(self.stage_combo) or ""
        on = _pydate(self.date_edit.date())
        if stage != "decided":
            return StageInput(stage, on)
        amount = Decimal(str(round(self.amount_spin.value(), 2))).quantize(Decimal("0.01"))
        return StageInput(stage, on, self.penalty_kinds.chosen(), amount if amount > 0 else None,
                          self.basis_edit.text().strip() or None)

    def problems(self) -> dict[str, str]:
        """A date in the future or out of order; a major decision without a legal review."""
        step = self.step()
        found: dict[str, str] = {}
        review = self.case.dates.get("legal_review_on")
        if step.stage == "decided" and self.case.major and (review is None or review > step.on):
            found["stage" if review is None else "on"] = translate("errors", NO_LEGAL_REVIEW)
        if step.on > self.ctx.clock.today():
            found.setdefault("on", translate("errors", FUTURE).format(date=step.on.isoformat()))
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

    def reload(self) -> None:
        """After a conflict: the case as it is now, and who changed it when."""
        fresh = get_case(self.ctx.store, self.ctx.user, self.case.id, as_of=self.ctx.today())
        self.show_case(fresh)
        self.show_reloaded(fresh.updated_by, fresh.updated_at)

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
        """A decision takes its penalty kinds, amount and legal basis; other steps only a date."""
        decided = combo_data(self.stage_combo) == "decided"
        self.form.setRowVisible(self.decision_title, decided)
        for field in self.DECISION_FIELDS:
            self.set_field_visible(field, decided)
        self.touch_all(("stage", "on"))
        self.adjustSize()



# -- a period not counted ------------------------------------------------------------------------


def _set_bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _summary_lines(form: CaseForm) -> tuple[QLabel, QLabel]:
    """The case in bold and a grey line beneath it, across the form (the dialogs below)."""
    summary = _set_bold(QLabel(form))
    summary.setObjectName("summary")
    about = QLabel(form)
    about.setObjectName("about")
    about.setStyleSheet(f"color: {PENDING_COLOUR};")
    for label in (summary, about):
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.form.addRow(label)
    about.setContentsMargins(0, 0, 0, 6)
    return summary, about


class SuspensionDialog(CaseForm):
    """中止计算期间: a 检测、鉴定、听证 or 公告 period that does not count towards the case's deadlines
    — its kind, start, end when known and a note; or, opened to end a running period, only the end.

    ``suspension_id`` (or ``ending``) opens it to end a period; when several are running and none
    is named, the user picks which. ``case`` is the case as read (its ``version`` guards against a
    change made elsewhere).
    """

    suspension_saved = Signal(object)

    def __init__(self, ctx: AppContext, case: CaseDetail, parent: QWidget | None = None, *,
                 suspension_id: int | None = None, ending: bool = False) -> None:
        ending = ending or suspension_id is not None
        super().__init__(ctx, self.tr("End a suspension") if ending else self.tr("Suspend the time limit"), parent)
        self.ending = ending
        self.case = case
        self.wanted_id = suspension_id
        self.save_button.setText(self.tr("Record"))
        self.summary, self.about = _summary_lines(self)
        today = min(ctx.today(), ctx.clock.today())
        if self.ending:
            self._build_ending(today)
        else:
            self._build_new(today)
        self.setMinimumWidth(480)
        self.show_case(case, suspension_id)

    def _build_new(self, today: date) -> None:
        self.kind_combo = QComboBox(self)
        for kind in terms.SUSPENSION_KINDS:
            self.kind_combo.addItem(kind, kind)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_combo_current_index_changed)
        self.add_field("kind", self.tr("Kind"), self.kind_combo)
        self.kind_hint = QLabel(self)
        self.kind_hint.setObjectName("kindHint")
        self.kind_hint.setWordWrap(True)
        self.kind_hint.setStyleSheet(f"color: {PENDING_COLOUR};")
        self.form.addRow("", self.kind_hint)
        self.start_edit = _date_edit(self, today)
        self.add_field("start_on", self.tr("Start"), self.start_edit)
        self.end_edit = OptionalDateEdit(self.tr("Still running"), self)
        self.end_edit.setToolTip(self.tr("Leave empty while the period runs (Delete: empty)"))
        self.add_field("end_on", self.tr("End"), self.end_edit)
        for edit in (self.start_edit, self.end_edit):
            edit.dateChanged.connect(lambda _d: self.touch_all(("start_on", "end_on")))
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("e.g. 样品送省质检院检测, optional"))
        self.note_edit.textEdited.connect(lambda _t: self.touch("note"))
        self.add_field("note", self.tr("Note"), self.note_edit)

    def _build_ending(self, today: date) -> None:
        self.period_combo = QComboBox(self)
        self.period_combo.currentIndexChanged.connect(lambda _i: self._show_period())
        self.add_field("period", self.tr("Period"), self.period_combo)
        self.end_edit = _date_edit(self, today)
        self.end_edit.dateChanged.connect(lambda _d: self.touch("end_on"))
        self.add_field("end_on", self.tr("End"), self.end_edit)

    # -- the case ---------------------------------------------------------------------------

    def period_text(self, period: SuspensionRow) -> str:
        """"检测 · 2026-11-01 起，尚未结束" — a period in words."""
        if period.end_on is None:
            text = self.tr("{kind} · from {start}, still running").format(
                kind=period.kind, start=format_value(period.start_on))
        else:
            text = self.tr("{kind} · {start} to {end}").format(
                kind=period.kind, start=format_value(period.start_on), end=format_value(period.end_on))
        return self.tr("{period} ({note})").format(period=text, note=period.note) if period.note else text

    def show_case(self, case: CaseDetail, suspension_id: int | None = None) -> None:
        """Show the case (and, ending, offer its running periods)."""
        self.case = case
        self.summary.setText(f"{case.case_no} · {case.party}")
        if not self.ending:
            filed = case.dates.get("filed_on")
            self.about.setText(self.tr("{category} · filed {date}. The days of the period do not count "
                                       "towards the deadlines.").format(
                category=category_text(case.category, case.procedure), date=format_value(filed)))
            self.on_kind_combo_current_index_changed(self.kind_combo.currentIndex())
            return
        wanted = suspension_id if suspension_id is not None else combo_data(self.period_combo)
        periods = list(running_periods(case))
        asked = next((p for p in case.suspensions if p.id == wanted), None)
        if asked is not None and asked not in periods:
            periods.insert(0, asked)  # ended elsewhere meanwhile: its end may still be corrected
        blocked = self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for period in periods:
            self.period_combo.addItem(self.period_text(period), period.id)
        select_data(self.period_combo, wanted)
        self.period_combo.blockSignals(blocked)
        self.set_field_visible("period", len(periods) > 1)
        self.wanted_id = wanted
        self._show_period()
        if len(periods) > 1:
            self.about.setText(self.tr("{count} periods are running: choose the one that ended.").format(
                count=len(periods)))

    def period(self) -> SuspensionRow | None:
        """The period being ended (None: it is no longer on the case)."""
        chosen = combo_data(self.period_combo)
        return next((p for p in self.case.suspensions if p.id == chosen), None)

    def _show_period(self) -> None:
        period = self.period()
        if self.period_combo.count() <= 1:
            self.about.setText(self.period_text(period) if period is not None else "")
        if period is not None and period.end_on is not None:
            self.end_edit.setDate(to_qdate(period.end_on))
        self.revalidate()

    # -- the input --------------------------------------------------------------------------

    def kind(self) -> str:
        """The kind of the new period."""
        return combo_data(self.kind_combo) or ""

    def start_on(self) -> date:
        """The first day not counted."""
        return _pydate(self.start_edit.date())

    def end_on(self) -> date | None:
        """The last day not counted (None while it runs)."""
        return _pydate(self.end_edit.date()) if self.ending else self.end_edit.value()

    def note(self) -> str | None:
        """What the period is (样品送检 …)."""
        return self.note_edit.text().strip() or None

    def problems(self) -> dict[str, str]:
        """A date in the future, a start before 立案, an end before the start."""
        today = self.ctx.clock.today()
        found: dict[str, str] = {}
        end = self.end_on()
        if self.ending:
            period = self.period()
            if period is None:
                return {"suspension": translate("errors", NO_PERIOD).format(id=self.wanted_id)}
            start = period.start_on
        else:
            start = self.start_on()
            filed = self.case.dates.get("filed_on")
            if start > today:
                found["start_on"] = translate("errors", FUTURE).format(date=start.isoformat())
            elif filed is not None and start < filed:
                found["start_on"] = translate("errors", START_BEFORE_FILING).format(
                    start=start.isoformat(), filed=filed.isoformat())
        if end is not None and end < start:
            found["end_on"] = translate("errors", END_BEFORE_START).format(end=end.isoformat(),
                                                                           start=start.isoformat())
        elif end is not None and end > today:
            found["end_on"] = translate("errors", FUTURE).format(date=end.isoformat())
        return found

    def save_work(self) -> Callable[[], CaseDetail]:
        """Record the period (or its end) on the case as it was read."""
        ctx, case, end = self.ctx, self.case, self.end_on()
        if self.ending:
            period_id, last = combo_data(self.period_combo), _pydate(self.end_edit.date())
            return lambda: end_suspension(ctx.store, ctx.user, case.id, case.version, period_id, last)
        kind, start, note = self.kind(), self.start_on(), self.note()
        return lambda: add_suspension(ctx.store, ctx.user, case.id, case.version, kind, start, end, note)

    def saved(self, result: CaseDetail) -> None:
        """Tell the page."""
        self.suspension_saved.emit(result)

    def reload(self) -> None:
        """After a conflict: the case as it is now, and who changed it when."""
        fresh = get_case(self.ctx.store, self.ctx.user, self.case.id, as_of=self.ctx.today())
        self.show_case(fresh)
        self.show_reloaded(fresh.updated_by, fresh.updated_at)

    # -- slots ------------------------------------------------------------------------------

    def on_kind_combo_current_index_changed(self, _index: int) -> None:
        """A 听证 or 公告 does not stop a seizure's limit: say so when the case has one."""
        measures = time_limited_measures(self.case)
        applies = bool(measures) and deadline_of(self.case, "seizure") is not None
        stops_seizure = self.kind() in ("检测", "鉴定")
        if applies and not stops_seizure:
            self.kind_hint.setText(self.tr("A {kind} does not stop the {measures} time limit; only 检测 and "
                                           "鉴定 do.").format(kind=self.kind(), measures=joined(measures)))
        self.form.setRowVisible(self.kind_hint, applies and not stops_seizure)
        self.touch("kind")


# -- an approved extension -----------------------------------------------------------------------


class ExtensionDialog(CaseForm):
    """延长期限: record an approved extension — of a 普通程序 行政处罚's decision limit by a number
    of days, or of a 查封、扣押、冻结 by its 30 days — each offered only where it applies.

    The decision limit's days are the whole extension approved (a later approval replaces it).
    """

    extension_approved = Signal(object)

    def __init__(self, ctx: AppContext, case: CaseDetail, parent: QWidget | None = None, *,
                 kind: str | None = None) -> None:
        super().__init__(ctx, self.tr("Extend a time limit"), parent)
        self.case = case
        self.save_button.setText(self.tr("Approve extension"))
        self.summary, self.about = _summary_lines(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_combo_current_index_changed)
        self.add_field("kind", self.tr("Extend"), self.kind_combo)
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(1, MAX_EXTENSION_DAYS)
        self.days_spin.setSuffix(self.tr(" days"))
        self.days_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.days_spin.valueChanged.connect(lambda _v: self.touch("days"))
        self.add_field("days", self.tr("Days"), self.days_spin)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.form.addRow("", self.explanation)
        self.setMinimumWidth(480)
        self.show_case(case, kind)

    # -- the case ---------------------------------------------------------------------------

    def kind_title(self, kind: str) -> str:
        """延长办案期限, or 延长查封期限（30 日） naming the case's measures."""
        if kind == "decision":
            return self.tr("Extend the decision time limit")
        return self.tr("Extend the {measures} time limit ({days} days)").format(
            measures=joined(time_limited_measures(self.case)), days=SEIZURE_EXTENSION_DAYS)

    def show_case(self, case: CaseDetail, kind: str | None = None) -> None:
        """Show the case and offer the extensions that apply to it."""
        self.case = case
        self.summary.setText(f"{case.case_no} · {case.party}")
        wanted = kind or combo_data(self.kind_combo)
        blocked = self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for option in extension_kinds(case):
            self.kind_combo.addItem(self.kind_title(option), option)
        select_data(self.kind_combo, wanted)
        self.kind_combo.blockSignals(blocked)
        extended = case.decision_extension_days
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(min(extended + DEFAULT_EXTENSION_DAYS, MAX_EXTENSION_DAYS))
        self.days_spin.blockSignals(False)
        category = category_text(case.category, case.procedure)
        self.about.setText(self.tr("{category} · already extended by {days} days; give the whole extension "
                                   "now approved.").format(category=category, days=extended) if extended
                           else category)
        self.on_kind_combo_current_index_changed(self.kind_combo.currentIndex())

    # -- the input --------------------------------------------------------------------------

    def kind(self) -> str:
        """``decision`` or ``seizure`` ("" when nothing applies)."""
        return combo_data(self.kind_combo) or ""

    def added_days(self) -> int:
        """How many days the approval moves the due date by (before rolling to a working day)."""
        if self.kind() == "decision":
            return self.days_spin.value() - self.case.decision_extension_days
        return SEIZURE_EXTENSION_DAYS

    def explain(self) -> str:
        """The due date now and what the approval adds to it."""
        kind = self.kind()
        if not kind:
            return ""
        deadline = deadline_of(self.case, kind)
        change = f"{self.added_days():+d}"
        if deadline is None or deadline.due is None:
            return self.tr("No due date while a suspension runs; once approved: {change} days.").format(
                change=change)
        return self.tr("Due now {due}; once approved: {change} days (a holiday moves it on).").format(
            due=format_value(deadline.due), change=change)

    def problems(self) -> dict[str, str]:
        """Nothing to extend; the same days as already approved."""
        kind = self.kind()
        if not kind:
            return {"kind": self.tr("This case has no time limit to extend.")}
        if kind == "decision" and self.added_days() == 0:
            return {"days": self.tr("Already extended by {days} days.").format(days=self.days_spin.value())}
        return {}

    def save_work(self) -> Callable[[], CaseDetail]:
        """Record the approval on the case as it was read."""
        ctx, case, kind = self.ctx, self.case, self.kind()
        days = self.days_spin.value() if kind == "decision" else 0
        return lambda: approve_extension(ctx.store, ctx.user, case.id, case.version, kind, days)

    def saved(self, result: CaseDetail) -> None:
        """Tell the page."""
        self.extension_approved.emit(result)

    def reload(self) -> None:
        """After a conflict: the case as it is now, and who changed it when."""
        fresh = get_case(self.ctx.store, self.ctx.user, self.case.id, as_of=self.ctx.today())
        self.show_case(fresh)
        self.show_reloaded(fresh.updated_by, fresh.updated_at)

    # -- slots ------------------------------------------------------------------------------

    def on_kind_combo_current_index_changed(self, _index: int) -> None:
        """Days only for the decision limit; the explanation follows the choice."""
        self.set_field_visible("days", self.kind() == "decision")
        self.touch("kind")
        self.adjustSize()

    def revalidate(self) -> None:
        """The usual checks, and the line that says what the approval does."""
        super().revalidate()
        self.explanation.setText(self.explain())
        self.explanation.setVisible(bool(self.explanation.text()))

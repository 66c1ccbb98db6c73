"""The dialogs that move a case's time limits: a period that does not count towards the deadlines
(中止计算期间 — starting one, or ending one that runs) and an approved extension (延长期限).

Both check the dates as the user types and offer only what applies to the case; a stale version
comes back from the service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from desktop.cases import terms
from desktop.cases.dto import CaseDetail, SuspensionRow
from desktop.cases.periods import add_suspension, approve_extension, end_suspension
from desktop.cases.rules import Limits
from desktop.cases.service import get_case
from desktop.context import AppContext
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.views.cases.dialog_parts import (
    FUTURE,
    PENDING_COLOUR,
    CaseForm,
    date_picker,
    summary_lines,
    to_pydate,
)
from desktop.views.cases.time_limits import (
    deadline_of,
    extension_kinds,
    running_periods,
    time_limited_measures,
)
from desktop.views.cases.titles import category_text, joined
from desktop.views.common.forms import OptionalDateEdit, combo_data, select_data, to_qdate
from desktop.views.common.lazy_table import format_value

END_BEFORE_START = QT_TRANSLATE_NOOP("errors", "The end {end} is before the start {start}.")
START_BEFORE_FILING = QT_TRANSLATE_NOOP("errors", "The start {start} is before the filing date {filed}.")
NO_PERIOD = QT_TRANSLATE_NOOP("errors", "No such period (id {id}).")
"""The service's words for a period's dates (``add_suspension``, ``end_suspension``)."""
SEIZURE_EXTENSION_DAYS = Limits().seizure_extension_days
"""What an approved extension adds to a 查封、扣押、冻结 (强制法 第二十五条: 30 days)."""
MAX_EXTENSION_DAYS = 365
DEFAULT_EXTENSION_DAYS = 30


# -- a period not counted ------------------------------------------------------------------------


class SuspensionDialog(CaseForm):
    """中止计算期间: a 检测、鉴定、听证 or 公告 period that does not count towards the case's deadlines
    — its kind, start, end when known and a note; or, opened to end a running period, only the end.

    ``suspension_id`` (or ``ending``) opens it to end a period; when several are running and none
    is named, the user picks which. ``case`` is the case as read (its ``version`` guards against a
    change made elsewhere).
    """

    suspension_saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        case: CaseDetail,
        parent: QWidget | None = None,
        *,
        suspension_id: int | None = None,
        ending: bool = False,
    ) -> None:
        ending = ending or suspension_id is not None
        super().__init__(
            ctx, self.tr("End a suspension") if ending else self.tr("Suspend the time limit"), parent
        )
        self.ending = ending
        self.case = case
        self.wanted_id = suspension_id
        self.save_button.setText(self.tr("Record"))
        self.summary, self.about = summary_lines(self)
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
        self.start_edit = date_picker(self, today)
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
        self.end_edit = date_picker(self, today)
        self.end_edit.dateChanged.connect(lambda _d: self.touch("end_on"))
        self.add_field("end_on", self.tr("End"), self.end_edit)

    # -- the case ---------------------------------------------------------------------------

    def period_text(self, period: SuspensionRow) -> str:
        """ "检测 · 2026-11-01 起，尚未结束" — a period in words."""
        if period.end_on is None:
            text = self.tr("{kind} · from {start}, still running").format(
                kind=period.kind, start=format_value(period.start_on)
            )
        else:
            text = self.tr("{kind} · {start} to {end}").format(
                kind=period.kind, start=format_value(period.start_on), end=format_value(period.end_on)
            )
        return self.tr("{period} ({note})").format(period=text, note=period.note) if period.note else text

    def show_case(self, case: CaseDetail, suspension_id: int | None = None) -> None:
        """Show the case (and, ending, offer its running periods)."""
        self.case = case
        self.summary.setText(f"{case.case_no} · {case.party}")
        if not self.ending:
            filed = case.dates.get("filed_on")
            self.about.setText(
                self.tr(
                    "{category} · filed {date}. The days of the period do not count towards the deadlines."
                ).format(category=category_text(case.category, case.procedure), date=format_value(filed))
            )
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
            self.about.setText(
                self.tr("{count} periods are running: choose the one that ended.").format(count=len(periods))
            )

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
        return to_pydate(self.start_edit.date())

    def end_on(self) -> date | None:
        """The last day not counted (None while it runs)."""
        return to_pydate(self.end_edit.date()) if self.ending else self.end_edit.value()

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
                    start=start.isoformat(), filed=filed.isoformat()
                )
        if end is not None and end < start:
            found["end_on"] = translate("errors", END_BEFORE_START).format(
                end=end.isoformat(), start=start.isoformat()
            )
        elif end is not None and end > today:
            found["end_on"] = translate("errors", FUTURE).format(date=end.isoformat())
        return found

    def save_work(self) -> Callable[[], CaseDetail]:
        """Record the period (or its end) on the case as it was read."""
        ctx, case, end = self.ctx, self.case, self.end_on()
        if self.ending:
            period_id, last = combo_data(self.period_combo), to_pydate(self.end_edit.date())
            return lambda: end_suspension(ctx.store, ctx.user, case.id, case.version, period_id, last)
        kind, start, note = self.kind(), self.start_on(), self.note()
        return lambda: add_suspension(ctx.store, ctx.user, case.id, case.version, kind, start, end, note)

    def saved(self, result: CaseDetail) -> None:
        """Tell the page."""
        self.suspension_saved.emit(result)

    def reload_work(self) -> Callable[[], CaseDetail]:
        """After a conflict: the case as it is now."""
        ctx, case_id = self.ctx, self.case.id
        return lambda: get_case(ctx.store, ctx.user, case_id, as_of=ctx.today())

    def show_fresh(self, fresh: CaseDetail) -> None:
        """Show the case read again."""
        self.show_case(fresh)

    # -- slots ------------------------------------------------------------------------------

    def on_kind_combo_current_index_changed(self, _index: int) -> None:
        """A 听证 or 公告 does not stop a seizure's limit: say so when the case has one."""
        measures = time_limited_measures(self.case)
        applies = bool(measures) and deadline_of(self.case, "seizure") is not None
        stops_seizure = self.kind() in ("检测", "鉴定")
        if applies and not stops_seizure:
            self.kind_hint.setText(
                self.tr("A {kind} does not stop the {measures} time limit; only 检测 and 鉴定 do.").format(
                    kind=self.kind(), measures=joined(measures)
                )
            )
        self.form.setRowVisible(self.kind_hint, applies and not stops_seizure)
        self.touch("kind")


# -- an approved extension -----------------------------------------------------------------------


class ExtensionDialog(CaseForm):
    """延长期限: record an approved extension — of a 普通程序 行政处罚's decision limit by a number
    of days, or of a 查封、扣押、冻结 by its 30 days — each offered only where it applies.

    The decision limit's days are the whole extension approved (a later approval replaces it).
    """

    extension_approved = Signal(object)

    def __init__(
        self, ctx: AppContext, case: CaseDetail, parent: QWidget | None = None, *, kind: str | None = None
    ) -> None:
        super().__init__(ctx, self.tr("Extend a time limit"), parent)
        self.case = case
        self.save_button.setText(self.tr("Approve extension"))
        self.summary, self.about = summary_lines(self)
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
            measures=joined(time_limited_measures(self.case)), days=SEIZURE_EXTENSION_DAYS
        )

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
        self.about.setText(
            self.tr(
                "{category} · already extended by {days} days; give the whole extension now approved."
            ).format(category=category, days=extended)
            if extended
            else category
        )
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
                change=change
            )
        return self.tr("Due now {due}; once approved: {change} days (a holiday moves it on).").format(
            due=format_value(deadline.due), change=change
        )

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

    def reload_work(self) -> Callable[[], CaseDetail]:
        """After a conflict: the case as it is now."""
        ctx, case_id = self.ctx, self.case.id
        return lambda: get_case(ctx.store, ctx.user, case_id, as_of=ctx.today())

    def show_fresh(self, fresh: CaseDetail) -> None:
        """Show the case read again."""
        self.show_case(fresh)

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

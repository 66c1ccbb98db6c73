"""Warnings that belong to no case (``case_no`` empty, CLI.md): an inspection result not
published (一公开) within 20 working days (``inspection_publicity_overdue``), and a case source
(案源) not decided within its field's limit (``lead_undecided``, default 15 working days).

They are listed with the register's warnings; they have no 处置 of their own (publishing the
result, or deciding the lead, ends them).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.cases.calendar import WorkCalendar
from desktop.cases.dto import WarningRow
from desktop.cases.rules import WARNING_TITLES
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models import Agency, InspectionItem, InspectionPlan, InspectionTarget, Lead, StoreSetting

PUBLICITY_WORKING_DAYS = 20
"""一公开: an inspection's result is published within this many working days."""
LEAD_WORKING_DAYS = 15
"""A case source is decided within this many working days (setting ``leads.days.<领域>``)."""

_NOT_PUBLISHED = QT_TRANSLATE_NOOP(
    "warnings", "Plan {plan}: the result for {target} ({checked}) was not published; it was due on {due}."
)
_PUBLISHED_LATE = QT_TRANSLATE_NOOP(
    "warnings", "Plan {plan}: the result for {target} was published on {published}, after {due}."
)
_UNDECIDED = QT_TRANSLATE_NOOP(
    "warnings", "Case source {number} of {received} is not decided; it was due on {due}."
)
_DECIDED_LATE = QT_TRANSLATE_NOOP(
    "warnings", "Case source {number} of {received} was decided on {decided}, after {due}."
)


def _row(
    agency_id: int, agency: str, code: str, due_on: date, template: str, on: date, /, **params: str
) -> WarningRow:
    return WarningRow(
        0,
        "",
        agency_id,
        agency,
        code,
        translate("warnings", WARNING_TITLES[code]),
        "red",
        due_on,
        translate("warnings", template).format(**params),
        on,
    )


def lead_days(session: Session) -> dict[str, int]:
    """Working days to decide a lead, by 执法领域 (``*``: the default)."""
    out = {"*": LEAD_WORKING_DAYS}
    for key, value in session.execute(
        select(StoreSetting.key, StoreSetting.value).where(StoreSetting.key.like("leads.days.%"))
    ):
        out[key.split(".", 2)[2]] = int(value)
    return out


def source_warnings(
    session: Session, as_of: date, cal: WorkCalendar, agency_id: int | None
) -> list[WarningRow]:
    """The warnings of inspections and case sources as of ``as_of`` (of one agency, or all)."""
    out: list[WarningRow] = []
    plans = (
        select(
            InspectionPlan.name,
            InspectionPlan.agency_id,
            Agency.name,
            InspectionTarget.name,
            InspectionItem.result_on,
            InspectionItem.published_on,
        )
        .join(InspectionPlan, InspectionPlan.id == InspectionItem.plan_id)
        .join(Agency, Agency.id == InspectionPlan.agency_id)
        .join(InspectionTarget, InspectionTarget.id == InspectionItem.target_id)
        .where(InspectionItem.result_on.is_not(None), InspectionItem.result_on <= as_of)
    )
    if agency_id is not None:
        plans = plans.where(InspectionPlan.agency_id == agency_id)
    for plan, a_id, agency, target, checked, published in session.execute(plans).all():
        assert checked is not None
        due = cal.add_working_days(checked, PUBLICITY_WORKING_DAYS)
        if published is not None and published <= as_of:
            if published > due:
                out.append(
                    _row(
                        a_id,
                        agency,
                        "inspection_publicity_overdue",
                        due,
                        _PUBLISHED_LATE,
                        checked,
                        plan=plan,
                        target=target,
                        published=published.isoformat(),
                        due=due.isoformat(),
                    )
                )
        elif as_of > due:
            out.append(
                _row(
                    a_id,
                    agency,
                    "inspection_publicity_overdue",
                    due,
                    _NOT_PUBLISHED,
                    checked,
                    plan=plan,
                    target=target,
                    checked=checked.isoformat(),
                    due=due.isoformat(),
                )
            )
    days = lead_days(session)
    leads = (
        select(Lead.number, Lead.agency_id, Agency.name, Agency.field, Lead.received_on, Lead.decided_on)
        .join(Agency, Agency.id == Lead.agency_id)
        .where(Lead.received_on <= as_of)
    )
    if agency_id is not None:
        leads = leads.where(Lead.agency_id == agency_id)
    for number, a_id, agency, field, received, decided in session.execute(leads):
        due = cal.add_working_days(received, days.get(field or "", days["*"]))
        if decided is not None and decided <= as_of:
            if decided > due:
                out.append(
                    _row(
                        a_id,
                        agency,
                        "lead_undecided",
                        due,
                        _DECIDED_LATE,
                        received,
                        number=number,
                        received=received.isoformat(),
                        decided=decided.isoformat(),
                        due=due.isoformat(),
                    )
                )
        elif as_of > due:
            out.append(
                _row(
                    a_id,
                    agency,
                    "lead_undecided",
                    due,
                    _UNDECIDED,
                    received,
                    number=number,
                    received=received.isoformat(),
                    due=due.isoformat(),
                )
            )
    return out

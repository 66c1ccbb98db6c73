"""Periods on the register: a suspended period (检测、鉴定、听证、公告) and its end, an approved
extension — each checked, in one unit of work, audited."""

from __future__ import annotations

from datetime import date

from desktop.accounts import audit
from desktop.cases import terms
from desktop.cases.dto import CaseDetail
from desktop.cases.entry import case_for_update, case_snapshot, stamp
from desktop.cases.service import get_case
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.core.validation import date_problems, raise_first, text_problems
from desktop.models import CaseSuspension
from desktop.models.db import Store

NOTE_LIMIT = 200
"""The longest note of a suspended period the store holds."""


def add_suspension(
    store: Store,
    actor: Actor,
    case_id: int,
    version: int,
    kind: str,
    start_on: date,
    end_on: date | None = None,
    note: str | None = None,
) -> CaseDetail:
    """Record a period that does not count towards the deadlines (检测、鉴定、听证、公告)."""
    require(actor, Permission.EDIT_CASES)
    if kind not in terms.SUSPENSION_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}."),
            field="kind",
            value=kind,
            allowed="、".join(terms.SUSPENSION_KINDS),
        )
    raise_first(
        date_problems("start_on", start_on, store.clock.today())
        + date_problems("end_on", end_on, store.clock.today())
        + text_problems("note", note, NOTE_LIMIT, strict=False)
    )
    if end_on is not None and end_on < start_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The end {end} is before the start {start}."),
            field="end_on",
            end=end_on.isoformat(),
            start=start_on.isoformat(),
        )
    with store.unit_of_work() as uow:
        case = case_for_update(uow.session, actor, case_id, version)
        if start_on < case.filed_on:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The start {start} is before the filing date {filed}."),
                field="start_on",
                start=start_on.isoformat(),
                filed=case.filed_on.isoformat(),
            )
        case.suspensions.append(
            CaseSuspension(kind=kind, start_on=start_on, end_on=end_on, note=(note or "").strip() or None)
        )
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "suspend",
            "case",
            case.id,
            after={"kind": kind, "start_on": start_on, "end_on": end_on, "note": note},
            summary=f"{case.case_no} {kind}",
        )
        uow.commit()
    return get_case(store, actor, case_id)


def end_suspension(
    store: Store, actor: Actor, case_id: int, version: int, suspension_id: int, end_on: date
) -> CaseDetail:
    """Record the end of a running period (检测 finished, 听证 held …); audited."""
    require(actor, Permission.EDIT_CASES)
    with store.unit_of_work() as uow:
        case = case_for_update(uow.session, actor, case_id, version)
        period = next((p for p in case.suspensions if p.id == suspension_id), None)
        if period is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such period (id {id})."), id=suspension_id)
        if end_on < period.start_on:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The end {end} is before the start {start}."),
                field="end_on",
                end=end_on.isoformat(),
                start=period.start_on.isoformat(),
            )
        if end_on > store.clock.today():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{date} is in the future."),
                field="end_on",
                date=end_on.isoformat(),
            )
        before = {"kind": period.kind, "start_on": period.start_on, "end_on": period.end_on}
        period.end_on = end_on
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "end_suspension",
            "case",
            case.id,
            before=before,
            after={**before, "end_on": end_on},
            summary=f"{case.case_no} {period.kind}",
        )
        uow.commit()
    return get_case(store, actor, case_id)


EXTENSIONS = ("decision", "seizure")
"""What an approval (批准延长) can extend: the decision limit by days, a seizure by its 30 days."""


def approve_extension(
    store: Store, actor: Actor, case_id: int, version: int, kind: str, days: int = 0
) -> CaseDetail:
    """Record an approved extension: ``decision`` by ``days`` (1–365), or ``seizure`` (30 + 30
    days, 强制法 25); audited."""
    require(actor, Permission.EDIT_CASES)
    if kind not in EXTENSIONS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}."),
            field="kind",
            value=kind,
            allowed="、".join(EXTENSIONS),
        )
    if kind == "decision" and not 1 <= days <= 365:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An extension is 1 to 365 days."), field="days")
    with store.unit_of_work() as uow:
        case = case_for_update(uow.session, actor, case_id, version)
        if kind == "decision" and (case.category != terms.PENALTY or case.procedure != terms.ORDINARY):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Only a 普通程序 行政处罚 case has a decision limit to extend."),
                field="kind",
            )
        if kind == "seizure" and (
            case.measure_on is None
            or not terms.TIME_LIMITED_MEASURES.intersection(terms.split_multi(case.measures))
        ):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The case has no 查封, 扣押 or 冻结 to extend."), field="kind"
            )
        before = case_snapshot(case)
        if kind == "decision":
            case.decision_extension_days = days
        else:
            case.measure_extended = True
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "approve_extension",
            "case",
            case.id,
            before=before,
            after=case_snapshot(case),
            summary=f"{case.case_no} {kind}",
        )
        uow.commit()
    return get_case(store, actor, case_id)

"""记录环节: recording that a step of a case happened on a date (立案 … 结案, 强制措施, 解除),
checked against the register's rules and audited (split from ``entry``)."""

from __future__ import annotations

from desktop.accounts import audit
from desktop.cases import terms
from desktop.cases.checks import (
    CASE_LIMITS,
    NO_LEGAL_REVIEW,
    amount_problems,
    date_order_problems,
    input_dates,
    list_problems,
)
from desktop.cases.dto import CaseDetail, StageInput
from desktop.cases.entry import CaseLookups, case_for_update, case_snapshot, stamp, terms_stage
from desktop.cases.service import get_case
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.core.validation import Problem, date_problems, raise_first, shown, text_problems
from desktop.models.db import Store

RECORDED_ALREADY = QT_TRANSLATE_NOOP(
    "errors", "{stage} is already recorded on {date}: correct its date, with a reason, instead."
)


def record_stage(store: Store, actor: Actor, case_id: int, version: int, step: StageInput) -> CaseDetail:
    """Record that a step happened on a date (立案 … 结案, 强制措施, 解除), checked and audited.

    A 重大执法决定 cannot be recorded as decided before a 法制审核 is on the case. A stage recorded
    already keeps its date (its decision details may be recorded again on the same date): another
    date is a correction (``corrections.correct_stage_date``), with a reason.
    """
    require(actor, Permission.EDIT_CASES)
    if step.stage not in (*terms.STAGES, "measure", "measure_released"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown stage: {stage}."), field="stage", stage=step.stage
        )
    with store.unit_of_work() as uow:
        case = case_for_update(uow.session, actor, case_id, version)
        before = case_snapshot(case)
        column = f"{step.stage}_on"
        recorded = getattr(case, column)
        if recorded is not None and recorded != step.on:
            raise ValidationError(
                RECORDED_ALREADY,
                field=column,
                stage=terms.stage_title(step.stage),
                date=recorded.isoformat(),
            )
        problems = date_problems(column, step.on, store.clock.today())
        problems += date_order_problems({**input_dates(case), column: step.on})
        problems += text_problems("legal_basis", step.legal_basis, CASE_LIMITS["legal_basis"], strict=False)
        if step.on > store.clock.today():
            problems.insert(
                0,
                Problem(
                    column,
                    QT_TRANSLATE_NOOP("errors", "{date} is in the future."),
                    (("date", step.on.isoformat()),),
                ),
            )
        if (
            step.stage == "decided"
            and case.major
            and (case.legal_review_on is None or case.legal_review_on > step.on)
        ):
            problems.insert(0, Problem(column, NO_LEGAL_REVIEW, ()))
        problems += list_problems("penalty_kinds", step.penalty_kinds, terms.PENALTY_KINDS)
        problems += amount_problems(step.amount)
        if step.stage == "decided" and step.discretion_band is not None:
            if step.discretion_band not in terms.DISCRETION_BANDS:
                problems.append(
                    Problem(
                        "discretion_band",
                        QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}."),
                        (
                            ("value", shown(step.discretion_band)),
                            ("allowed", "、".join(terms.DISCRETION_BANDS)),
                        ),
                    )
                )
        if step.stage == "decided" and step.power_code:
            problems += CaseLookups(uow.session).power_problems(
                step.power_code, case.agency_id, case.agency.name
            )
        raise_first(problems)
        setattr(case, column, step.on)
        if step.stage == "decided":
            if step.penalty_kinds:
                case.penalty_kinds = terms.join_multi(list(step.penalty_kinds))
            if step.amount is not None:
                case.amount = step.amount
            if step.legal_basis:
                case.legal_basis = step.legal_basis.strip()
            if step.power_code:
                case.power_code = step.power_code
            if step.discretion_band:
                case.discretion_band = step.discretion_band
        case.stage = terms_stage(case)
        stamp(case, store, actor)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "record_stage",
            "case",
            case.id,
            before=before,
            after=case_snapshot(case),
            summary=f"{case.case_no} {step.stage} {step.on.isoformat()}",
        )
        uow.commit()
    return get_case(store, actor, case_id)

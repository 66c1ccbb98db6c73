"""Correcting the register: a case's own fields edited, a recorded stage's date corrected or the
stage withdrawn — by a supervisor or a clerk of the case's agency, each with a reason, on the case
as it was read (its version), the register's rules checked again, in one unit of work, audited
with the case before and after and the reason.

The rules are those of a new case and of a recorded stage (``checks``: required fields, the
statutory lists, the order of the dates, plausible years, the 法制审核 gate; a 案号 once per
agency; no step dated in the future). A correction is refused when it breaks a rule the case did
not break before; a case imported with a fault already (a major decision without its review,
say) can still be corrected elsewhere without mending that fault first.

A stage that later recorded stages depend on (决定 before 送达、公示、执行; 强制措施 before its
解除) is not withdrawn: the refusal names the stages to withdraw first. 立案 is never withdrawn.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.cases import terms
from desktop.cases.checks import clean_case, input_dates
from desktop.cases.dto import CaseDetail, CaseInput
from desktop.cases.entry import (
    CaseLookups,
    case_for_update,
    case_snapshot,
    stamp,
    terms_stage,
)
from desktop.cases.service import get_case
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import mask_resident_id
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.core.validation import Problem, raise_first, text_problems
from desktop.models import Case, CaseOfficer
from desktop.models.db import Store

CORRECTABLE = ("discovered", *terms.STAGES, "measure", "measure_released")
"""The steps whose recorded date may be corrected (the timeline's rows)."""
REASON_LIMIT = 500
"""The longest reason kept."""

_DEPENDS_ON = {
    "decided": ("served", "published", "executed"),
    "measure": ("measure_released",),
}
"""A stage and the later stages that cannot be recorded without it (FORMATS.md §1)."""

NO_REASON = QT_TRANSLATE_NOOP("errors", "Say why the case is corrected.")
NOT_RECORDED = QT_TRANSLATE_NOOP("errors", "{stage} is not recorded on {case_no}: record it instead.")


def dependent_stages(dates: dict[str, date | None], stage: str) -> tuple[str, ...]:
    """The recorded stages that need ``stage`` (withdraw them first), in statutory order."""
    return tuple(s for s in _DEPENDS_ON.get(stage, ()) if dates.get(f"{s}_on") is not None)


def withdrawal_refusal(dates: dict[str, date | None], stage: str) -> str | None:
    """Why ``stage`` cannot be withdrawn from a case with these dates (English template with
    ``{stage}`` and ``{stages}``; ``{stages}`` are the titles to pass), or None when it can."""
    if stage == "filed":
        return QT_TRANSLATE_NOOP(
            "errors", "{stage} cannot be withdrawn: every case on the register is filed."
        )
    if dependent_stages(dates, stage):
        return QT_TRANSLATE_NOOP(
            "errors", "{stage} cannot be withdrawn while {stages} are recorded: withdraw them first."
        )
    return None


def edit_case(
    store: Store, actor: Actor, case_id: int, version: int, data: CaseInput, reason: str
) -> CaseDetail:
    """Change a case's own fields (what the new-case form holds, and any recorded date) to
    ``data``, with a reason; its documents stay as they are (``data.dossier`` is not used). A
    证件号码 given back masked, as the case showed it, stays as stored."""
    require(actor, Permission.EDIT_CASES)
    why = _reason(reason)
    with store.unit_of_work() as uow:
        case = case_for_update(uow.session, actor, case_id, version)
        before_input, before = case_input(case), case_snapshot(case)
        resolved, problems = CaseLookups(uow.session).resolve(
            replace(data, dossier=None, party_id_number=_party_number(case, data.party_id_number)),
            today=store.clock.today(),
            case_id=case.id,
            tolerated=_rules(before_input, store),
        )
        raise_first(problems)
        if resolved is None:  # an agency id that is gone
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Unknown agency: {agency}."),
                field="agency",
                agency=str(data.agency),
            )
        require_agency(actor, resolved.agency_id)
        d = resolved.data
        case.agency_id = resolved.agency_id
        for name in ("case_no", "category", "source", "cause", "party", "party_type", "party_id_number"):
            setattr(case, name, getattr(d, name))
        case.procedure = d.procedure if d.category == terms.PENALTY else None
        case.measures = terms.join_multi(list(d.measures))
        case.measure_extended = d.measure_extended
        case.penalty_kinds = terms.join_multi(list(d.penalty_kinds))
        case.amount, case.major, case.legal_basis = d.amount, d.major, d.legal_basis
        case.power_code, case.discretion_band, case.target_code = (
            d.power_code,
            d.discretion_band,
            d.target_code,
        )
        for name, value in input_dates(d).items():
            setattr(case, name, value)
        if [o.officer_id for o in case.officers] != list(resolved.officer_ids):
            case.officers.clear()
            uow.session.flush()  # the old links go before the new ones (same keys may return)
            case.officers.extend(
                CaseOfficer(officer_id=oid, position=i) for i, oid in enumerate(resolved.officer_ids)
            )
        case.officer_count = len(resolved.officer_ids)
        _finish(uow.session, store, actor, case, "update", before, why, f"{case.case_no} {why}")
        uow.commit()
    return get_case(store, actor, case_id)


def correct_stage_date(
    store: Store, actor: Actor, case_id: int, version: int, stage: str, on: date, reason: str
) -> CaseDetail:
    """Correct the date of a recorded stage, with a reason; its order, the 法制审核 gate and the
    plausible years are checked again, and it may not lie in the future."""
    require(actor, Permission.EDIT_CASES)
    _known(stage)
    why = _reason(reason)
    with store.unit_of_work() as uow:
        case = case_for_update(uow.session, actor, case_id, version)
        column = f"{stage}_on"
        old = getattr(case, column)
        if old is None:
            raise ValidationError(
                NOT_RECORDED, field=column, stage=terms.stage_title(stage), case_no=case.case_no
            )
        if on > store.clock.today():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{date} is in the future."), field=column, date=on.isoformat()
            )
        before_input, before = case_input(case), case_snapshot(case)
        raise_first(_new_problems(_rules(_with(before_input, column, on), store), before_input, store))
        setattr(case, column, on)
        summary = f"{case.case_no} {stage} {old.isoformat()}→{on.isoformat()} {why}"
        _finish(uow.session, store, actor, case, "correct_stage", before, why, summary)
        uow.commit()
    return get_case(store, actor, case_id)


def withdraw_stage(
    store: Store, actor: Actor, case_id: int, version: int, stage: str, reason: str
) -> CaseDetail:
    """Withdraw a recorded stage (recorded by mistake), with a reason: its date is cleared and the
    case's stage follows its dates again. Refused for 立案, and while a later recorded stage
    depends on it (the refusal names them: withdraw those first)."""
    require(actor, Permission.EDIT_CASES)
    _known(stage)
    why = _reason(reason)
    with store.unit_of_work() as uow:
        case = case_for_update(uow.session, actor, case_id, version)
        column = f"{stage}_on"
        old = getattr(case, column)
        if old is None:
            raise ValidationError(
                NOT_RECORDED, field=column, stage=terms.stage_title(stage), case_no=case.case_no
            )
        dates = input_dates(case)
        refusal = withdrawal_refusal(dates, stage)
        if refusal is not None:
            raise ValidationError(
                refusal,
                field=column,
                stage=terms.stage_title(stage),
                stages="、".join(terms.stage_title(s) for s in dependent_stages(dates, stage)),
            )
        before_input, before = case_input(case), case_snapshot(case)
        raise_first(_new_problems(_rules(_with(before_input, column, None), store), before_input, store))
        setattr(case, column, None)
        summary = f"{case.case_no} {stage} {old.isoformat()} {why}"
        _finish(uow.session, store, actor, case, "withdraw_stage", before, why, summary)
        uow.commit()
    return get_case(store, actor, case_id)


def case_input(case: Case) -> CaseInput:
    """A stored case as the input that would create it (agency and officers by id)."""
    dates: dict[str, Any] = input_dates(case)
    return CaseInput(
        case_no=case.case_no,
        agency=case.agency_id,
        category=case.category,
        cause=case.cause,
        party=case.party,
        officers=tuple(o.officer_id for o in case.officers),
        procedure=case.procedure,
        source=case.source,
        party_type=case.party_type,
        party_id_number=case.party_id_number,
        measures=terms.split_multi(case.measures),
        measure_extended=case.measure_extended,
        penalty_kinds=terms.split_multi(case.penalty_kinds),
        amount=case.amount,
        major=case.major,
        legal_basis=case.legal_basis,
        power_code=case.power_code,
        discretion_band=case.discretion_band,
        target_code=case.target_code,
        **dates,
    )


# ------------------------------------------------------------------------------ helpers


def _party_number(case: Case, given: str | None) -> str | None:
    """The 证件号码 to keep: the stored one when ``given`` is it as a role that may not see whole
    numbers was shown it (masked), else what was given."""
    stored = case.party_id_number
    if given and stored and "*" in given and given.strip().upper() == mask_resident_id(stored):
        return stored
    return given


def _with(data: CaseInput, column: str, on: date | None) -> CaseInput:
    changed: dict[str, Any] = {column: on}
    return replace(data, **changed)


def _reason(reason: str) -> str:
    why = (reason or "").strip()
    if not why:
        raise ValidationError(NO_REASON, field="reason")
    raise_first(text_problems("reason", why, REASON_LIMIT, strict=False))
    return why


def _known(stage: str) -> None:
    if stage not in CORRECTABLE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown stage: {stage}."), field="stage", stage=stage
        )


def _rules(data: CaseInput, store: Store) -> list[Problem]:
    return clean_case(data, today=store.clock.today())[1]


def _new_problems(problems: list[Problem], before: CaseInput, store: Store) -> list[Problem]:
    """The problems the case did not have before the correction."""
    old = set(_rules(before, store))
    return [p for p in problems if p not in old]


def _finish(
    session: Session,
    store: Store,
    actor: Actor,
    case: Case,
    action: str,
    before: dict,
    why: str,
    summary: str,
) -> None:
    case.stage = terms_stage(case)
    stamp(case, store, actor)
    session.flush()
    after = {**case_snapshot(case), "reason": why}
    audit.record(
        session, store, actor.name, action, "case", case.id, before=before, after=after, summary=summary
    )

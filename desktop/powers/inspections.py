"""双随机 inspection plans: drawing and storing a plan, re-checking it, and its results (一公开).

The draw's rule is in ``inspection_draw``; this module reads what it needs from the store (the
directory, the agency's certified officers, the previous plan of the same field), stores the
draw with its seed and the digest of the directory it read, audited, and answers ``--verify`` by
drawing again from the store as it is now.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import (
    Agency,
    Case,
    CertificateValidity,
    InspectionPlan,
    InspectionTarget,
    Officer,
    StoreSetting,
)
from desktop.models.db import Store
from desktop.personnel.lookup import find_agency
from desktop.powers.dto import PlanItemRow, PlanResult, PlanSummary
from desktop.powers.inspection_draw import (
    DEFAULT_WEIGHTS,
    DrawnItem,
    Inspector,
    assign_inspectors,
    directory_digest,
    draw_targets,
    plan_size,
)
from desktop.powers.plan_rows import field_candidates, insert_items, target_names

NAME_LIMIT, SEED_LIMIT, ITEMS_LIMIT = 120, 200, 2000


def weights(session: Session) -> dict[str, Decimal]:
    """The draw weight of each risk level (settings ``inspections.weight.<风险等级>``)."""
    out = {risk: Decimal(w) for risk, w in DEFAULT_WEIGHTS.items()}
    for key, value in session.execute(
        select(StoreSetting.key, StoreSetting.value).where(StoreSetting.key.like("inspections.weight.%"))
    ):
        out[key.rsplit(".", 1)[1]] = Decimal(value)
    return out


def _field_of(session: Session, agency_id: int) -> str:
    field = session.get(Agency, agency_id).field  # type: ignore[union-attr]
    if not field:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "The agency has no enforcement field (执法领域) to draw targets from."
            )
        )
    return field


def certified_inspectors(session: Session, agency_id: int, day: date) -> list[Inspector]:
    """The agency's officers holding a certificate valid on ``day`` (one of its validity periods,
    derived from its dated history, covers the day)."""
    stmt = (
        select(Officer.id, Officer.name, Officer.id_number)
        .where(
            Officer.agency_id == agency_id,
            select(CertificateValidity.id)
            .where(
                CertificateValidity.officer_id == Officer.id,
                CertificateValidity.valid_from <= day,
                CertificateValidity.valid_to >= day,
            )
            .exists(),
        )
        .order_by(Officer.id)
    )
    return [Inspector(*row) for row in session.execute(stmt)]


def _previous(
    session: Session, agency_id: int, field: str, before: date, name: str
) -> dict[str, frozenset[int]]:
    """Who inspected each target in the previous plan of the same agency and field."""
    plan = session.execute(
        select(InspectionPlan)
        .options(selectinload(InspectionPlan.items))
        .where(
            InspectionPlan.agency_id == agency_id,
            InspectionPlan.field == field,
            InspectionPlan.start_on <= before,
            InspectionPlan.name != name,
        )
        .order_by(InspectionPlan.start_on.desc(), InspectionPlan.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if plan is None:
        return {}
    return {i.credit_code: frozenset(int(x) for x in i.inspector_ids.split(",")) for i in plan.items}


def _draw(
    session: Session,
    name: str,
    seed: str,
    agency_id: int,
    start_on: date,
    count: int | None,
    percent: Decimal | None,
) -> tuple[str, list[tuple[str, str, int]], list[DrawnItem], dict[int, str]]:
    """The plan's field, its candidates, the draw, and the names of the inspectors it may use."""
    field = _field_of(session, agency_id)
    candidates = field_candidates(session, field)
    size = plan_size(len(candidates), count, percent)
    drawn = draw_targets(seed, candidates, size, weights(session))
    inspectors = certified_inspectors(session, agency_id, start_on)
    previous = _previous(session, agency_id, field, start_on, name)
    names = {o.id: o.name for o in inspectors}
    return field, candidates, assign_inspectors(seed, drawn, inspectors, previous), names


def list_plans(store: Store, actor: Actor) -> tuple[PlanSummary, ...]:
    """Every plan (an agency user: their agency's), newest first, with its progress."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        stmt = (
            select(InspectionPlan, Agency.name, Agency.short_name)
            .join(Agency, Agency.id == InspectionPlan.agency_id)
            .options(selectinload(InspectionPlan.items))
            .order_by(InspectionPlan.start_on.desc(), InspectionPlan.id.desc())
        )
        if actor.scope_agency_id is not None:
            stmt = stmt.where(InspectionPlan.agency_id == actor.scope_agency_id)
        return tuple(
            PlanSummary(
                p.id,
                p.name,
                agency,
                p.field,
                p.seed,
                p.start_on,
                p.end_on,
                len(p.items),
                sum(1 for i in p.items if i.result),
                sum(1 for i in p.items if i.published_on),
                p.created_by,
                short_name or agency,
            )
            for p, agency, short_name in session.execute(stmt).all()
        )


def preview_plan(
    store: Store,
    actor: Actor,
    *,
    seed: str,
    agency: str | int,
    start_on: date,
    count: int | None = None,
    percent: Decimal | None = None,
) -> PlanResult:
    """The draw a plan would make, not stored (the same seed gives the same draw when stored)."""
    require(actor, Permission.MANAGE_POWERS)
    seed = (seed or "").strip()
    _check_plan_input("preview", seed, start_on, start_on, count, percent)
    with store.reading() as session:
        agency_id = find_agency(session, agency).id
        require_agency(actor, agency_id)
        field, candidates, items, officers = _draw(session, "", seed, agency_id, start_on, count, percent)
        names = target_names(session, [i.target_id for i in items])
        agency_row = session.get(Agency, agency_id)
        assert agency_row is not None
        agency_name, short_name = agency_row.name, agency_row.short_name
    rows = tuple(
        PlanItemRow(
            names.get(i.target_id, ""),
            i.credit_code,
            i.risk,
            i.rank,
            tuple(officers[o] for o in i.inspectors),
        )
        for i in items
    )
    return PlanResult(
        "", seed, agency_name, field, start_on, start_on, rows, len(candidates), agency_short_name=short_name
    )


def create_plan(
    store: Store,
    actor: Actor,
    *,
    name: str,
    seed: str,
    agency: str | int,
    start_on: date,
    end_on: date,
    count: int | None = None,
    percent: Decimal | None = None,
    items_to_check: str | None = None,
) -> PlanResult:
    """Draw a plan and store it (audited); a name already used is refused."""
    require(actor, Permission.MANAGE_POWERS)
    name, seed = (name or "").strip(), (seed or "").strip()
    _check_plan_input(name, seed, start_on, end_on, count, percent)
    with store.unit_of_work() as uow:
        session = uow.session
        found = find_agency(session, agency)
        agency_id, agency_name = found.id, found.name
        short_name = session.execute(select(Agency.short_name).where(Agency.id == agency_id)).scalar_one()
        require_agency(actor, agency_id)
        if session.execute(select(InspectionPlan.id).where(InspectionPlan.name == name)).first():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A plan called {name} already exists."), name=name
            )
        field, candidates, items, officers = _draw(session, name, seed, agency_id, start_on, count, percent)
        names = target_names(session, [i.target_id for i in items])
        plan = InspectionPlan(
            name=name,
            agency_id=agency_id,
            field=field,
            seed=seed,
            count=count,
            percent=percent,
            start_on=start_on,
            end_on=end_on,
            items_to_check=items_to_check,
            directory_digest=directory_digest(candidates),
            created_at=utc_iso(store.clock.now()),
            created_by=actor.name,
        )
        session.add(plan)
        session.flush()
        now = utc_iso(store.clock.now())
        insert_items(  # one driver call: a plan may draw tens of thousands of targets
            session,
            [
                (
                    plan.id,
                    n,
                    i.target_id,
                    i.credit_code,
                    i.risk,
                    i.rank,
                    f"{i.inspectors[0]},{i.inspectors[1]}",
                )
                + (1, now, actor.name)
                for n, i in enumerate(items)
            ],
        )
        audit.record(
            session,
            store,
            actor.name,
            "draw",
            "inspection_plan",
            plan.id,
            after={
                "name": name,
                "seed": seed,
                "agency_id": agency_id,
                "field": field,
                "count": count,
                "percent": None if percent is None else str(percent),
                "from": start_on.isoformat(),
                "to": end_on.isoformat(),
                "candidates": len(candidates),
                "directory_digest": plan.directory_digest,
                "items": [i.credit_code for i in items],
            },
            summary=name,
        )
        uow.commit()
    rows = tuple(
        PlanItemRow(
            names.get(i.target_id, ""),
            i.credit_code,
            i.risk,
            i.rank,
            tuple(officers[o] for o in i.inspectors),
        )
        for i in items
    )
    return PlanResult(
        name, seed, agency_name, field, start_on, end_on, rows, len(candidates), agency_short_name=short_name
    )


def _check_plan_input(
    name: str, seed: str, start_on: date, end_on: date, count: int | None, percent: Decimal | None
) -> None:
    if not name or len(name) > NAME_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A plan needs a name of at most {limit} characters."),
            limit=NAME_LIMIT,
        )
    if not seed or len(seed) > SEED_LIMIT:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A plan needs a seed of at most {limit} characters."),
            limit=SEED_LIMIT,
        )
    if end_on < start_on:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The plan ends before it starts."))
    if (count is None) == (percent is None):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give either a count or a percentage of targets."))
    if count is not None and count < 1:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The count must be at least 1."))
    if percent is not None and not (0 < percent <= 100):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The percentage must be above 0 and at most 100."))


def load_plan(session: Session, actor: Actor, name: str) -> InspectionPlan:
    plan = session.execute(
        select(InspectionPlan).options(selectinload(InspectionPlan.items)).where(InspectionPlan.name == name)
    ).scalar_one_or_none()
    if plan is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No inspection plan called {name}."), name=name)
    require_agency(actor, plan.agency_id)
    return plan


def _result(session: Session, plan: InspectionPlan, candidates: int) -> PlanResult:
    target_ids = [i.target_id for i in plan.items]
    names = (
        dict(
            session.execute(
                select(InspectionTarget.id, InspectionTarget.name).where(InspectionTarget.id.in_(target_ids))
            ).all()
        )
        if target_ids
        else {}
    )
    officer_ids = {int(x) for i in plan.items for x in i.inspector_ids.split(",")}
    officers = (
        dict(session.execute(select(Officer.id, Officer.name).where(Officer.id.in_(officer_ids))).all())
        if officer_ids
        else {}
    )
    case_ids = [i.case_id for i in plan.items if i.case_id]
    cases = (
        dict(session.execute(select(Case.id, Case.case_no).where(Case.id.in_(case_ids))).all())
        if case_ids
        else {}
    )
    agency = session.get(Agency, plan.agency_id)
    items = tuple(
        PlanItemRow(
            names.get(i.target_id, ""),
            i.credit_code,
            i.risk,
            i.rank,
            tuple(officers.get(int(x), x) for x in i.inspector_ids.split(",")),
            i.result,
            i.result_on,
            cases.get(i.case_id) if i.case_id else None,
            i.published_on,
        )
        for i in plan.items
    )
    return PlanResult(
        plan.name,
        plan.seed,
        agency.name if agency else "",
        plan.field,
        plan.start_on,
        plan.end_on,
        items,
        candidates,
        agency_short_name=agency.short_name if agency else None,
    )


def get_plan(store: Store, actor: Actor, name: str) -> PlanResult:
    """A stored plan with its items, inspectors and results."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        plan = load_plan(session, actor, name)
        candidates = session.execute(
            select(func.count()).where(InspectionTarget.field == plan.field)
        ).scalar_one()
        return _result(session, plan, candidates)


def verify_plan(store: Store, actor: Actor, name: str) -> PlanResult:
    """Draw the plan again from the store as it is now and compare with the stored draw."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        plan = load_plan(session, actor, name)
        _, candidates, items, _ = _draw(
            session, plan.name, plan.seed, plan.agency_id, plan.start_on, plan.count, plan.percent
        )
        result = _result(session, plan, len(candidates))
        differences = _differences(plan, candidates, items)
    return PlanResult(
        result.plan,
        result.seed,
        result.agency,
        result.field,
        result.start_on,
        result.end_on,
        result.items,
        result.candidates,
        matches=not differences,
        differences=tuple(differences),
        agency_short_name=result.agency_short_name,
    )


def _differences(
    plan: InspectionPlan, candidates: Sequence[tuple[str, str, int]], items: Sequence[DrawnItem]
) -> list[str]:
    out = []
    if directory_digest(candidates) != plan.directory_digest:
        out.append(
            translate(
                "errors", QT_TRANSLATE_NOOP("errors", "The directory of targets has changed since the draw.")
            )
        )
    stored = [(i.credit_code, i.inspector_ids) for i in plan.items]
    again = [(i.credit_code, ",".join(str(x) for x in i.inspectors)) for i in items]
    if [c for c, _ in stored] != [c for c, _ in again]:
        out.append(translate("errors", QT_TRANSLATE_NOOP("errors", "Drawing again gives other targets.")))
    elif stored != again:
        out.append(translate("errors", QT_TRANSLATE_NOOP("errors", "Drawing again gives other inspectors.")))
    return out

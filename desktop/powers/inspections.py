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
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ImportRefused, NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.io.imports import IsCancelled, Progress, RowCheck, read_checked, unknown_column_warnings
from desktop.io.xlsx import Column, parse_date, parse_text
from desktop.models import (
    Agency,
    Case,
    Certificate,
    InspectionItem,
    InspectionPlan,
    InspectionTarget,
    Officer,
    StoreSetting,
)
from desktop.models.db import Store
from desktop.personnel.dto import ImportResult
from desktop.personnel.lookup import find_agency
from desktop.powers import terms
from desktop.powers.dto import PlanItemRow, PlanResult
from desktop.powers.inspection_draw import (
    DEFAULT_WEIGHTS,
    Candidate,
    DrawnItem,
    Inspector,
    assign_inspectors,
    directory_digest,
    draw_targets,
    plan_size,
)

NAME_LIMIT, SEED_LIMIT, ITEMS_LIMIT = 120, 200, 2000

RESULT_COLUMNS = (
    Column("统一社会信用代码", required=True),
    Column("检查结果", required=True),
    Column("检查日期"),
    Column("案号"),
    Column("公示日期"),
)
"""The results workbook (``inspections results``): one row per drawn target."""


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


def _candidates(session: Session, field: str) -> list[Candidate]:
    return [
        Candidate(code, risk)
        for code, risk in session.execute(
            select(InspectionTarget.credit_code, InspectionTarget.risk).where(InspectionTarget.field == field)
        )
    ]


def certified_inspectors(session: Session, agency_id: int, day: date) -> list[Inspector]:
    """The agency's officers holding an active certificate valid on ``day``."""
    stmt = (
        select(Officer.id, Officer.name, Officer.id_number)
        .where(
            Officer.agency_id == agency_id,
            select(Certificate.id)
            .where(
                Certificate.officer_id == Officer.id,
                Certificate.status == "active",
                Certificate.issued_on <= day,
                Certificate.expires_on >= day,
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
) -> tuple[str, list[Candidate], list[DrawnItem]]:
    field = _field_of(session, agency_id)
    candidates = _candidates(session, field)
    size = plan_size(len(candidates), count, percent)
    drawn = draw_targets(seed, candidates, size, weights(session))
    inspectors = certified_inspectors(session, agency_id, start_on)
    previous = _previous(session, agency_id, field, start_on, name)
    return field, candidates, assign_inspectors(seed, drawn, inspectors, previous)


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
        agency_id = find_agency(session, agency).id
        require_agency(actor, agency_id)
        if session.execute(select(InspectionPlan.id).where(InspectionPlan.name == name)).first():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A plan called {name} already exists."), name=name
            )
        field, candidates, items = _draw(session, name, seed, agency_id, start_on, count, percent)
        ids = {c.credit_code: i for c, i in _target_ids(session, field).items()}
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
        plan.items = [
            InspectionItem(
                position=n,
                target_id=ids[item.credit_code],
                credit_code=item.credit_code,
                risk=item.risk,
                rank=item.rank,
                inspector_ids=",".join(str(i) for i in item.inspectors),
                updated_by=actor.name,
            )
            for n, item in enumerate(items)
        ]
        session.add(plan)
        session.flush()
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
    return get_plan(store, actor, name)


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


def _target_ids(session: Session, field: str) -> dict[Candidate, int]:
    return {
        Candidate(code, risk): target_id
        for target_id, code, risk in session.execute(
            select(InspectionTarget.id, InspectionTarget.credit_code, InspectionTarget.risk).where(
                InspectionTarget.field == field
            )
        )
    }


def _load_plan(session: Session, actor: Actor, name: str) -> InspectionPlan:
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
    )


def get_plan(store: Store, actor: Actor, name: str) -> PlanResult:
    """A stored plan with its items, inspectors and results."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        plan = _load_plan(session, actor, name)
        return _result(session, plan, len(_candidates(session, plan.field)))


def verify_plan(store: Store, actor: Actor, name: str) -> PlanResult:
    """Draw the plan again from the store as it is now and compare with the stored draw."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        plan = _load_plan(session, actor, name)
        _, candidates, items = _draw(
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
    )


def _differences(
    plan: InspectionPlan, candidates: Sequence[Candidate], items: Sequence[DrawnItem]
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


# ---------------------------------------------------------------------------- results


def import_results(
    store: Store,
    actor: Actor,
    name: str,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ImportResult:
    """Record a plan's results from a workbook (one row per drawn target); all rows or none."""
    require(actor, Permission.EDIT_CASES)
    sheet = read_checked(path, RESULT_COLUMNS, progress, cancelled)
    check = RowCheck(sheet)
    with store.unit_of_work() as uow:
        session = uow.session
        plan = _load_plan(session, actor, name)
        by_code = {i.credit_code: i for i in plan.items}
        cases = dict(
            session.execute(select(Case.case_no, Case.id).where(Case.agency_id == plan.agency_id)).all()
        )
        rows = []
        for row in sheet.rows:
            code = (check.cell(row, "统一社会信用代码", parse_text) or "").upper()
            result = check.cell(row, "检查结果", parse_text)
            on = check.cell(row, "检查日期", parse_date)
            case_no = check.cell(row, "案号", parse_text)
            published = check.cell(row, "公示日期", parse_date)
            item = by_code.get(code)
            if item is None:
                check.add(
                    row.number,
                    "统一社会信用代码",
                    translate(
                        "errors", QT_TRANSLATE_NOOP("errors", "{value} was not drawn in this plan.")
                    ).format(value=code),
                )
            if result not in terms.RESULTS:
                check.add(
                    row.number,
                    "检查结果",
                    translate(
                        "errors", QT_TRANSLATE_NOOP("errors", "{value} is not one of: {allowed}.")
                    ).format(value=result or "", allowed="、".join(terms.RESULTS)),
                )
            if result and result != "未检查" and on is None:
                check.add(
                    row.number,
                    "检查日期",
                    translate("errors", QT_TRANSLATE_NOOP("errors", "{field} is required.")).format(
                        field="检查日期"
                    ),
                )
            case_id = None
            if result == terms.RESULT_CASE:
                case_id = cases.get(case_no or "")
                if case_id is None:
                    check.add(
                        row.number,
                        "案号",
                        translate(
                            "errors",
                            QT_TRANSLATE_NOOP(
                                "errors", "立案查处 needs the case number of a case of the plan's agency."
                            ),
                        ),
                    )
            if published and on and published < on:
                check.add(
                    row.number,
                    "公示日期",
                    translate("errors", QT_TRANSLATE_NOOP("errors", "公示日期 is before 检查日期.")),
                )
            rows.append((item, result, on, case_id, published))
        if check.errors:
            raise ImportRefused(check.errors, sheet.file)
        changes = []
        for item, result, on, case_id, published in rows:
            assert item is not None
            fields = ("result", "result_on", "case_id", "published_on")
            before = audit.snapshot(item, fields)
            item.result, item.result_on, item.case_id, item.published_on = result, on, case_id, published
            item.updated_by = actor.name
            after = audit.snapshot(item, fields)
            if before != after:
                changes.append(
                    audit.Change(
                        "update", "inspection_item", item.id, before, after, f"{name} {item.credit_code}"
                    )
                )
        session.flush()
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
    return ImportResult(len(changes), len(rows) - len(changes), warnings=unknown_column_warnings(sheet))

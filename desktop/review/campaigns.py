"""Review campaigns (评查活动): set up with its scope and quotas, drawn from the register with a
stored seed, reviewers assigned, the draw re-checked (``--verify``), listed."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.names import display_names, shown
from desktop.cases import terms
from desktop.core.clock import utc_iso
from desktop.core.errors import Conflict, NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, Role, require
from desktop.models import (
    Agency,
    Campaign,
    CampaignFile,
    Case,
    CaseDocument,
    Rubric,
    Scoring,
)
from desktop.models.db import Store
from desktop.review import draw as dr
from desktop.review.dto import CampaignRow, CampaignSpec, DrawCheck, DrawnItem, DrawResult
from desktop.review.reviewers import seats
from desktop.review.rubrics import load_rubric, rubric_label

NAME_MAX = 120


def check_spec(spec: CampaignSpec) -> None:
    """Refuse a campaign set up wrongly, naming the field."""
    if not spec.name.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give the campaign a name."), field="name")
    if len(spec.name.strip()) > NAME_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The name is longer than {n} characters."), field="name", n=NAME_MAX
        )
    if not spec.seed.strip() or len(spec.seed) > 100:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a seed of 1 to 100 characters."), field="seed"
        )
    if spec.closed_from > spec.closed_to:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The period ends before it starts."), field="closed_to"
        )
    bad = [c for c in spec.categories if c not in terms.CATEGORIES]
    if not spec.categories or bad:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Choose case categories among {allowed}."),
            field="categories",
            allowed="、".join(terms.CATEGORIES),
        )
    dr.check_quota(spec.per_agency, spec.percent)
    if spec.exclude_recent < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The number of campaigns to leave out cannot be negative."),
            field="exclude_recent",
        )
    if not spec.reviewers:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Name at least one reviewer."), field="reviewers")
    if spec.double and not (1 <= spec.first_weight <= 99):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The first score's weight must be 1 to 99 percent."),
            field="first_weight",
        )
    if not (0 <= spec.recheck_days <= 60):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The recheck window must be 0 to 60 working days."),
            field="recheck_days",
        )


def eligible_rows(
    session: Session,
    categories: Sequence[str],
    closed_from: date,
    closed_to: date,
    agency_ids: Sequence[int],
    excluded: set[int],
    require_dossier: bool,
) -> list[dr.Row]:
    """The files the scope admits: (case id, agency id, agency, 案号, has a dossier)."""
    names = dict(session.execute(select(Agency.id, Agency.name)).all())
    with_dossier = set(
        session.execute(select(CaseDocument.case_id).where(CaseDocument.kind == "dossier")).scalars()
    )
    q = select(Case.id, Case.agency_id, Case.case_no).where(
        Case.category.in_(list(categories)), Case.closed_on >= closed_from, Case.closed_on <= closed_to
    )
    if agency_ids:
        q = q.where(Case.agency_id.in_(list(agency_ids)))
    result = session.connection().execute(q)
    try:  # the DBAPI's own tuples: a draw may read every closed file of a large register
        fetched = result.cursor.fetchall()
    finally:
        result.close()
    rows = [
        (case_id, agency_id, names[agency_id], case_no, case_id in with_dossier)
        for case_id, agency_id, case_no in fetched
        if case_id not in excluded
    ]
    return [r for r in rows if r[4]] if require_dossier else rows


def recently_reviewed(session: Session, last: int, before: str | None = None) -> set[int]:
    """Case ids drawn by the last ``last`` campaigns not voided (drawn before ``before``, a UTC instant)."""
    if last <= 0:
        return set()
    q = select(Campaign.id).order_by(Campaign.drawn_at.desc(), Campaign.id.desc()).limit(last)
    if before is not None:  # as it stood then: a campaign voided later still counted
        q = q.where(
            Campaign.drawn_at < before, or_(Campaign.voided_at.is_(None), Campaign.voided_at >= before)
        )
    else:  # a voided campaign reviewed nothing
        q = q.where(Campaign.voided_at.is_(None))
    ids = list(session.execute(q).scalars())
    if not ids:
        return set()
    return set(
        session.execute(select(CampaignFile.case_id).where(CampaignFile.campaign_id.in_(ids))).scalars()
    )


@dataclass(frozen=True)
class Plan:
    """A draw computed and not stored: what ``create_campaign`` stores and ``preview_draw`` shows."""

    rubric_ids: dict[str, int]
    rows: list[dr.Row]
    drawn: list[dr.Drawn]
    counts: dict[str, int]
    population: str
    assigned: list[tuple[str, ...]]
    categories: dict[int, str]


def plan_draw(
    session: Session, spec: CampaignSpec, as_of: date, progress: Callable[[int, int], None] | None = None
) -> Plan:
    """Compute the draw of a (checked) spec on the register as of ``as_of``: the eligible files, the
    files drawn and their reviewers. Refused when no file is eligible or reviewers are too few."""
    rubric_ids = _rubrics_for(session, spec)
    chosen = seats(session, spec.reviewers)
    if progress:
        progress(0, 3)
    rows = eligible_rows(
        session,
        spec.categories,
        spec.closed_from,
        min(spec.closed_to, as_of),
        spec.agency_ids,
        recently_reviewed(session, spec.exclude_recent),
        spec.require_dossier,
    )
    if progress:
        progress(1, 3)
    drawn, counts, population = dr.draw(spec.seed, rows, spec.per_agency, spec.percent)
    if not drawn:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "No file is eligible: no case of these categories closed in this period."
            ),
            field="closed_from",
        )
    categories = dict(
        session.execute(
            select(Case.id, Case.category).where(Case.id.in_([d.file.case_id for d in drawn]))
        ).all()
    )
    assigned = dr.assign(spec.seed, drawn, chosen, 2 if spec.double else 1)
    if progress:
        progress(2, 3)
    return Plan(rubric_ids, rows, drawn, counts, population, assigned, categories)


def create_campaign(
    store: Store,
    actor: Actor,
    spec: CampaignSpec,
    as_of: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DrawResult:
    """Set up a campaign and draw its files: rank every eligible file by SHA-256 of the seed and its
    key, take the quota per agency, assign reviewers (never of the file's agency, load balanced),
    store the seed with the population's fingerprint; audited. One unit of work."""
    require(actor, Permission.MANAGE_REVIEWS)
    check_spec(spec)
    as_of = as_of or store.clock.today()
    with store.unit_of_work() as uow:
        session = uow.session
        name = spec.name.strip()
        if session.execute(select(Campaign.id).where(Campaign.name == name)).first():
            raise Conflict(QT_TRANSLATE_NOOP("errors", "A campaign named {name} already exists."), name=name)
        plan = plan_draw(session, spec, as_of, progress)
        rubric_ids, rows, drawn, counts = plan.rubric_ids, plan.rows, plan.drawn, plan.counts
        population, assigned, categories = plan.population, plan.assigned, plan.categories
        now = utc_iso(store.clock.now())
        campaign = Campaign(
            name=name,
            state="scoring",
            rubrics=json.dumps(dict(rubric_ids), ensure_ascii=False),
            agency_ids=json.dumps(list(spec.agency_ids)),
            categories="、".join(spec.categories),
            closed_from=spec.closed_from,
            closed_to=spec.closed_to,
            per_agency=spec.per_agency,
            percent=spec.percent,
            exclude_recent=spec.exclude_recent,
            require_dossier=spec.require_dossier,
            double=spec.double,
            first_weight=spec.first_weight if spec.double else 100,
            reviewers=json.dumps(list(spec.reviewers), ensure_ascii=False),
            seed=spec.seed,
            population_sha256=hashlib.sha256(population.encode()).hexdigest(),
            population_size=len(rows),
            population=zlib.compress(population.encode(), 1),
            recheck_days=spec.recheck_days,
            drawn_at=now,
            drawn_by=actor.name,
            drawn_on=as_of,
            updated_at=now,
            updated_by=actor.name,
        )
        session.add(campaign)
        session.flush()
        weights = (spec.first_weight, 100 - spec.first_weight) if spec.double else (100,)
        files = []
        for position, (d, reviewers) in enumerate(zip(drawn, assigned, strict=True)):
            f = CampaignFile(
                campaign_id=campaign.id,
                case_id=d.file.case_id,
                agency_id=d.file.agency_id,
                position=position,
                rank=d.rank,
                paper=not d.file.has_dossier,
                rubric_id=rubric_ids[categories[d.file.case_id]],
            )
            f.scorings = [
                Scoring(
                    slot=i + 1,
                    reviewer=r,
                    weight=weights[i],
                    state="open",
                    updated_at=now,
                    updated_by=actor.name,
                )
                for i, r in enumerate(reviewers)
            ]
            session.add(f)
            files.append(f)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "draw_campaign",
            "campaign",
            campaign.id,
            after={
                "name": name,
                "seed": spec.seed,
                "population_sha256": campaign.population_sha256,
                "population_size": len(rows),
                "files": [d.file.key for d in drawn],
                "reviewers": list(spec.reviewers),
                "double": spec.double,
            },
            summary=name,
        )
        items = tuple(
            DrawnItem(f.id, d.file.case_id, d.file.case_no, d.file.agency, r, f.paper, d.rank)
            for f, d, r in zip(files, drawn, assigned, strict=True)
        )
        result = DrawResult(campaign_row(session, campaign), items, tuple(sorted(counts.items())))
        uow.commit()
        if progress:
            progress(3, 3)
        return result


def verify_draw(store: Store, actor: Actor, name: str) -> DrawCheck:
    """Re-run a stored draw from its seed: the stored population ranked again must give exactly the
    stored files; and say whether the register still yields the same population."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        c = find_campaign(session, name)
        stored_keys = zlib.decompress(c.population).decode().split("\n") if c.population_size else []
        by_key = {k: k.split("|", 1) for k in stored_keys}
        rows = [(i, 0, a, n, True) for i, (a, n) in enumerate(by_key.values())]
        drawn, _, _ = dr.draw(c.seed, rows, c.per_agency, c.percent)
        rerun = {d.file.key for d in drawn}
        names = dict(session.execute(select(Agency.id, Agency.name)).all())
        cases = dict(
            session.execute(
                select(CampaignFile.case_id, Case.case_no).join(Case).where(CampaignFile.campaign_id == c.id)
            ).all()
        )
        stored = {dr.draw_key(names[f.agency_id], cases[f.case_id]) for f in c.files}
        now_rows = eligible_rows(
            session,
            c.categories.split("、"),
            c.closed_from,
            min(c.closed_to, c.drawn_on),
            json.loads(c.agency_ids),
            recently_reviewed(session, c.exclude_recent, c.drawn_at),
            c.require_dossier,
        )
        now_keys = {dr.draw_key(r[2], r[3]) for r in now_rows}
        before = set(stored_keys)
        return DrawCheck(
            c.name,
            c.seed,
            rerun == stored and dr.population_fingerprint(stored_keys) == c.population_sha256,
            dr.population_fingerprint(now_keys) == c.population_sha256,
            tuple(sorted(now_keys - before)),
            tuple(sorted(before - now_keys)),
            tuple(sorted(rerun - stored)),
            tuple(sorted(stored - rerun)),
            c.population_sha256,
            c.population_size,
        )


def population_keys(store: Store, actor: Actor, campaign_id: int) -> tuple[str, ...]:
    """The stored population of a draw (every eligible file's key, sorted), for anyone checking it."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        c = campaign_by_id(session, campaign_id)
        return tuple(zlib.decompress(c.population).decode().split("\n")) if c.population_size else ()


def list_campaigns(store: Store, actor: Actor) -> tuple[CampaignRow, ...]:
    """Every campaign, newest first (reviewers and agency users see those they take part in)."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        q = select(Campaign).order_by(Campaign.drawn_at.desc())
        if actor.role == Role.REVIEWER:
            q = q.where(
                Campaign.id.in_(
                    select(CampaignFile.campaign_id).join(Scoring).where(Scoring.reviewer == actor.name)
                )
            )
        elif actor.scope_agency_id is not None:
            q = q.where(
                Campaign.id.in_(
                    select(CampaignFile.campaign_id).where(CampaignFile.agency_id == actor.scope_agency_id)
                )
            )
        found = list(session.execute(q).scalars())
        names = display_names(
            session, (n for c in found for n in (*json.loads(c.reviewers), c.drawn_by, c.voided_by))
        )
        return tuple(campaign_row(session, c, names) for c in found)


def get_campaign(store: Store, actor: Actor, campaign_id: int) -> CampaignRow:
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        return campaign_row(session, campaign_by_id(session, campaign_id))


def find_campaign(session: Session, name: str) -> Campaign:
    c = session.execute(select(Campaign).where(Campaign.name == name.strip())).scalar_one_or_none()
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No campaign named {name}."), name=name)
    return c


def campaign_by_id(session: Session, campaign_id: int) -> Campaign:
    c = session.get(Campaign, campaign_id)
    if c is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such campaign (id {id})."), id=campaign_id)
    return c


def campaign_row(session: Session, c: Campaign, names: Mapping[str, str] | None = None) -> CampaignRow:
    """A campaign as the window and the command line show it (``names``: the people's display
    names, read for the whole list; read here when not given)."""
    reviewers = tuple(json.loads(c.reviewers))
    if names is None:
        names = display_names(session, (*reviewers, c.drawn_by, c.voided_by))
    rubric_ids = json.loads(c.rubrics)
    rubrics = {
        r.id: r for r in session.execute(select(Rubric).where(Rubric.id.in_(rubric_ids.values()))).scalars()
    }
    agency_ids = json.loads(c.agency_ids)
    agencies = (
        tuple(
            session.execute(
                select(Agency.name).where(Agency.id.in_(agency_ids)).order_by(Agency.name)
            ).scalars()
        )
        if agency_ids
        else ()
    )
    files = session.execute(
        select(func.count()).select_from(CampaignFile).where(CampaignFile.campaign_id == c.id)
    ).scalar_one()
    open_files = session.execute(
        select(func.count(func.distinct(Scoring.file_id)))
        .join(CampaignFile)
        .where(CampaignFile.campaign_id == c.id, Scoring.state != "submitted")
    ).scalar_one()
    return CampaignRow(
        c.id,
        c.name,
        c.state,
        c.seed,
        tuple(c.categories.split("、")),
        agencies,
        c.closed_from,
        c.closed_to,
        c.per_agency,
        c.percent,
        c.exclude_recent,
        c.require_dossier,
        c.double,
        c.first_weight,
        reviewers,
        tuple((cat, rid, rubric_label(rubrics[rid])) for cat, rid in rubric_ids.items() if rid in rubrics),
        c.population_size,
        c.population_sha256,
        c.drawn_at,
        c.drawn_by,
        c.drawn_on,
        c.recheck_days,
        files,
        files - open_files,
        c.version,
        c.voided_at,
        c.voided_by,
        c.void_reason,
        tuple(shown(names, n) for n in reviewers),
        shown(names, c.drawn_by),
        shown(names, c.voided_by),
    )


def _rubrics_for(session: Session, spec: CampaignSpec) -> dict[str, int]:
    chosen = dict(spec.rubrics)
    out: dict[str, int] = {}
    for category in spec.categories:
        rid = chosen.get(category)
        if rid is not None:
            row = session.get(Rubric, rid)
            if row is None or category not in load_rubric(row).applies_to:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Standard {id} does not apply to {category}."),
                    field="rubrics",
                    id=rid,
                    category=category,
                )
        else:
            rows = (
                session.execute(
                    select(Rubric)
                    .where(Rubric.applies_to.contains(category))
                    .order_by(Rubric.imported_at.desc(), Rubric.version.desc())
                )
                .scalars()
                .all()
            )
            if not rows:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors", "No review standard applies to {category}: import one first."
                    ),
                    field="rubrics",
                    category=category,
                )
            rid = rows[0].id
        out[category] = rid
    return out

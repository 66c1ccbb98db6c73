"""Rechecks (复核): within the window after feedback an agency user asks for a recheck of named
deductions, each with a reason; a supervisor assigns a recheck reviewer other than the original
ones; they uphold or change each disputed entry with a reason. Scores follow the rulings; nothing
the original reviewer wrote is changed or lost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.names import display_names, shown
from desktop.accounts.service import find_user
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, PermissionDenied, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import ROLE_PERMISSIONS, Actor, Permission, Role, require, require_agency
from desktop.core.versioning import check_version
from desktop.models import (
    Agency,
    Campaign,
    CampaignFile,
    Case,
    Feedback,
    Recheck,
    RecheckItem,
    Rubric,
    ScoreEntry,
    Scoring,
)
from desktop.models.db import Store
from desktop.review.dto import RecheckItemRow, RecheckRow
from desktop.review.files import ruled
from desktop.review.rubric import Rubric as RubricDoc
from desktop.review.rubrics import load_rubric
from desktop.review.scoring import Taken, check_taken, format_points

DECISIONS = ("upheld", "changed")


@dataclass(frozen=True)
class Dispute:
    """A disputed entry of a score sheet and the agency's reason."""

    entry_id: int
    reason: str


@dataclass(frozen=True)
class Ruling:
    """The recheck reviewer's ruling on one disputed entry: ``upheld``, or ``changed`` to a new count
    or points (count 0 withdraws the deduction or veto)."""

    item_id: int
    decision: str
    reason: str
    new_count: int | None = None
    new_points: Decimal | None = None


def request_recheck(
    store: Store, actor: Actor, file_id: int, disputes: Sequence[Dispute], as_of: date | None = None
) -> RecheckRow:
    """An agency asks for a recheck of named entries of a file, within the window after feedback."""
    require(actor, Permission.REQUEST_RECHECK)
    as_of = as_of or store.clock.today()
    if not disputes:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Name at least one deduction to recheck."), field="items"
        )
    if any(not d.reason.strip() for d in disputes):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Give a reason for every disputed deduction."), field="reason"
        )
    with store.unit_of_work() as uow:
        session = uow.session
        f = _file(session, file_id)
        require_agency(actor, f.agency_id)
        feedback = session.execute(
            select(Feedback).where(Feedback.campaign_id == f.campaign_id, Feedback.agency_id == f.agency_id)
        ).scalar_one_or_none()
        if feedback is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "No feedback was sent for this file yet."), field="file"
            )
        if as_of > feedback.recheck_until:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The recheck window closed on {day}."),
                field="file",
                day=feedback.recheck_until.isoformat(),
            )
        if session.get_one(Campaign, f.campaign_id).state == "closed":
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The campaign is closed: its grades are fixed."), field="file"
            )
        if session.execute(select(Recheck.id).where(Recheck.file_id == file_id)).first():
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "A recheck of this file was already requested."), field="file"
            )
        entries = {
            e.id: e
            for e in session.execute(
                select(ScoreEntry).join(Scoring).where(Scoring.file_id == file_id)
            ).scalars()
        }
        if len({d.entry_id for d in disputes}) != len(disputes):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "A deduction is named twice."), field="items")
        for d in disputes:
            if d.entry_id not in entries:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Entry {id} is not a deduction of this file."),
                    field="items",
                    id=d.entry_id,
                )
        now = utc_iso(store.clock.now())
        r = Recheck(
            file_id=file_id,
            state="requested",
            requested_by=actor.name,
            requested_at=now,
            updated_at=now,
            updated_by=actor.name,
        )
        r.items = [RecheckItem(entry_id=d.entry_id, reason=d.reason.strip()) for d in disputes]
        session.add(r)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "request_recheck",
            "recheck",
            r.id,
            after={
                "file": file_id,
                "items": [
                    {"entry": d.entry_id, "code": entries[d.entry_id].code, "reason": d.reason.strip()}
                    for d in disputes
                ],
            },
        )
        row = recheck_row(session, r)
        uow.commit()
        return row


def assign_recheck(store: Store, actor: Actor, recheck_id: int, version: int, reviewer: str) -> RecheckRow:
    """A supervisor names the recheck reviewer (on the recheck as shown, ``version``): not one of the
    file's original reviewers, not of its agency."""
    require(actor, Permission.MANAGE_REVIEWS)
    with store.unit_of_work() as uow:
        session = uow.session
        r = _recheck(session, recheck_id)
        check_version(r, version)
        if r.state == "decided":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This recheck is decided."), field="state")
        f = session.get_one(CampaignFile, r.file_id)
        user = find_user(session, reviewer)  # in any case, as at login
        if user is None or not user.active or Permission.SCORE_FILES not in ROLE_PERMISSIONS[Role(user.role)]:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{name} is not a reviewer."), field="reviewer", name=reviewer
            )
        reviewer = user.name
        originals = {s.reviewer for s in f.scorings}
        if reviewer in originals:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{name} scored this file: a recheck needs another reviewer."),
                field="reviewer",
                name=reviewer,
            )
        if user.agency_id is not None and user.agency_id == f.agency_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{name} belongs to the file's agency."),
                field="reviewer",
                name=reviewer,
            )
        before = {"reviewer": r.reviewer, "state": r.state}
        r.reviewer, r.assigned_by, r.assigned_at = reviewer, actor.name, utc_iso(store.clock.now())
        r.state = "assigned"
        r.updated_at, r.updated_by = r.assigned_at, actor.name
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "assign_recheck",
            "recheck",
            r.id,
            before=before,
            after={"reviewer": reviewer, "state": "assigned"},
        )
        row = recheck_row(session, r)
        uow.commit()
        return row


def decide_recheck(
    store: Store, actor: Actor, recheck_id: int, version: int, rulings: Sequence[Ruling]
) -> RecheckRow:
    """The recheck reviewer rules on every disputed entry of the recheck as shown (``version``),
    each with a reason; audited."""
    require(actor, Permission.SCORE_FILES)
    with store.unit_of_work() as uow:
        session = uow.session
        r = _recheck(session, recheck_id)
        check_version(r, version)
        if r.reviewer != actor.name:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "This recheck is assigned to {name}."), name=r.reviewer or "—"
            )
        if r.state == "decided":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This recheck is decided."), field="state")
        items = {i.id: i for i in r.items}
        given = {g.item_id: g for g in rulings}
        if set(given) != set(items):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Rule on every disputed deduction."), field="items"
            )
        f = session.get_one(CampaignFile, r.file_id)
        rubric = load_rubric(session.get_one(Rubric, f.rubric_id))
        for g in rulings:
            if g.decision not in DECISIONS:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Uphold or change each deduction."), field="decision"
                )
            if not g.reason.strip():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Give a reason for every ruling."), field="reason"
                )
            entry = session.get_one(ScoreEntry, items[g.item_id].entry_id)
            if g.decision == "changed" and ((g.new_count or 0) > 0 or g.new_points is not None):
                check_taken(rubric, Taken(entry.code, g.new_count or 1, g.new_points))
        decided = []
        for g in rulings:
            item = items[g.item_id]
            item.decision, item.decision_reason = g.decision, g.reason.strip()
            item.new_count = g.new_count if g.decision == "changed" else None
            item.new_points = g.new_points if g.decision == "changed" else None
            decided.append(
                {
                    "item": item.id,
                    "entry": item.entry_id,
                    "decision": g.decision,
                    "new_count": item.new_count,
                    "new_points": None if item.new_points is None else str(item.new_points),
                    "reason": item.decision_reason,
                }
            )
        r.state, r.decided_at = "decided", utc_iso(store.clock.now())
        r.updated_at, r.updated_by = r.decided_at, actor.name
        session.flush()
        audit.record(
            session, store, actor.name, "decide_recheck", "recheck", r.id, after={"rulings": decided}
        )
        row = recheck_row(session, r)
        uow.commit()
        return row


def list_rechecks(store: Store, actor: Actor, campaign_id: int | None = None) -> tuple[RecheckRow, ...]:
    """Rechecks the actor may see: supervisors all, a recheck reviewer theirs, an agency its own."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        q = select(Recheck).join(CampaignFile, CampaignFile.id == Recheck.file_id).order_by(Recheck.id)
        if campaign_id is not None:
            q = q.where(CampaignFile.campaign_id == campaign_id)
        if actor.role == Role.REVIEWER:
            q = q.where(Recheck.reviewer == actor.name)
        elif actor.scope_agency_id is not None:
            q = q.where(CampaignFile.agency_id == actor.scope_agency_id)
        found = list(session.execute(q).scalars())
        names = display_names(session, people_of(session, found))
        return tuple(recheck_row(session, r, names) for r in found)


def people_of(session: Session, rechecks: Sequence[Recheck]) -> set[str]:
    """Everyone the rechecks name: who asked, who assigned, who rechecks, who scored."""
    people = {n for r in rechecks for n in (r.requested_by, r.reviewer, r.assigned_by) if n}
    entry_ids = [i.entry_id for r in rechecks for i in r.items]
    if entry_ids:
        people |= set(
            session.execute(
                select(Scoring.reviewer)
                .join(ScoreEntry, ScoreEntry.scoring_id == Scoring.id)
                .where(ScoreEntry.id.in_(entry_ids))
            ).scalars()
        )
    return people


def recheck_row(session: Session, r: Recheck, names: Mapping[str, str] | None = None) -> RecheckRow:
    """A recheck as the lists show it (``names``: the display names, read for the whole list; read
    here for one recheck when not given)."""
    if names is None:
        names = display_names(session, people_of(session, [r]))
    f = session.get_one(CampaignFile, r.file_id)
    case_no = session.execute(select(Case.case_no).where(Case.id == f.case_id)).scalar_one()
    agency = session.execute(select(Agency.name).where(Agency.id == f.agency_id)).scalar_one()
    campaign = session.execute(select(Campaign.name).where(Campaign.id == f.campaign_id)).scalar_one()
    rubric = load_rubric(session.get_one(Rubric, f.rubric_id))
    items = []
    for i in r.items:
        e = session.get_one(ScoreEntry, i.entry_id)
        reviewer = session.get_one(Scoring, e.scoring_id).reviewer
        items.append(
            RecheckItemRow(
                i.id,
                e.id,
                e.code,
                entry_text(rubric, e.code),
                reviewer,
                taken_text(rubric, e.code, e.count, e.points),
                e.note,
                i.reason,
                i.decision,
                i.new_count,
                i.new_points,
                i.decision_reason,
                ruled_text(rubric, e, i) if i.decision == "changed" else None,
                shown(names, reviewer),
            )
        )
    return RecheckRow(
        r.id,
        r.file_id,
        campaign,
        case_no,
        f.agency_id,
        agency,
        r.state,
        r.requested_by,
        r.requested_at,
        r.reviewer,
        r.assigned_by,
        r.decided_at,
        tuple(items),
        r.version,
        r.assigned_at,
        shown(names, r.requested_by),
        shown(names, r.reviewer),
        shown(names, r.assigned_by),
    )


def entry_text(rubric: RubricDoc, code: str) -> str:
    """What a deduction or veto code says."""
    found = rubric.deduction(code)
    if found:
        return f"{found[0].title}：{found[1].text}"
    veto = rubric.veto(code)
    return veto.text if veto else code


def ruled_text(rubric: RubricDoc, entry: ScoreEntry, ruling: RecheckItem) -> str:
    """An entry as a ruling changed it ("−1 × 2"), or 撤销 when withdrawn."""
    taken = ruled(entry, ruling)
    return "撤销" if taken is None else taken_text(rubric, taken.code, taken.count, taken.points)


def taken_text(rubric: RubricDoc, code: str, count: int, points: Decimal | None) -> str:
    """A deduction as taken: "−2", "−1 × 3", "−4 (range)", "否决" for a veto."""
    found = rubric.deduction(code)
    if found is None:
        return "否决" if count > 0 else "撤销"
    item, d = found
    if count <= 0:
        return "0"
    if d.kind == "per_occurrence":
        return f"−{format_points(d.points)} × {count}"
    if d.kind == "range":
        return f"−{format_points(points or Decimal(0))}"
    if d.kind == "full":
        return f"−{format_points(item.points)}"
    return f"−{format_points(d.points)}"


def _file(session: Session, file_id: int) -> CampaignFile:
    f = session.get(CampaignFile, file_id)
    if f is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such file (id {id})."), id=file_id)
    return f


def _recheck(session: Session, recheck_id: int) -> Recheck:
    r = session.get(Recheck, recheck_id)
    if r is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such recheck (id {id})."), id=recheck_id)
    return r

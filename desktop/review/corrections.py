"""Correcting a campaign, each with a reason and audited: voiding it (作废) before scoring starts, and
giving a reviewer's sheets to another reviewer (更换评查员: illness, a conflict found late).

作废: allowed while no file has a score saved (no sheet submitted and none with a deduction, a mark
or a note). The campaign stays on record in the state ``voided`` with who, when and why; it is left
out of results and of the files later draws leave out; its draw stays verifiable.

更换评查员: the new reviewer must hold the reviewer role, may not be of the file's agency and may not
already hold the file's other sheet (the draw's own rule). A submitted sheet is refused: its score is
its reviewer's (a supervisor reopens it first when it must be scored again). An open sheet with work
saved on it is kept and moved as it is — deductions, marks and note — so the new reviewer continues
it and answers for it on submitting; the audit names how much was on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.core.versioning import check_version
from desktop.models import Campaign, CampaignFile, Case, ScoreEntry, ScoreMark, Scoring
from desktop.models.db import Store
from desktop.review import draw as dr
from desktop.review.campaigns import campaign_by_id, campaign_row
from desktop.review.dto import CampaignRow, Reassignment
from desktop.review.reviewers import may_take, reviewer_account

REASON_MAX = 500
EXAMPLES = 3


def check_reason(reason: str) -> str:
    """The reason given, trimmed; refused when empty or too long."""
    text = reason.strip()
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Give a reason."), field="reason")
    if len(text) > REASON_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The reason is longer than {n} characters."),
            field="reason",
            n=REASON_MAX,
        )
    return text


def scored_files(session: Session, campaign_id: int) -> int:
    """Files of the campaign with a score saved: a sheet submitted, or a deduction, a mark or a note."""
    in_campaign = select(CampaignFile.id).where(CampaignFile.campaign_id == campaign_id)
    with_entry = select(ScoreEntry.scoring_id)
    with_mark = select(ScoreMark.scoring_id)
    return session.execute(
        select(func.count(func.distinct(Scoring.file_id))).where(
            Scoring.file_id.in_(in_campaign),
            (Scoring.state == "submitted")
            | (Scoring.note != "")
            | Scoring.id.in_(with_entry)
            | Scoring.id.in_(with_mark),
        )
    ).scalar_one()


def check_scoring(c: Campaign) -> None:
    """Refuse a change to a campaign announced (通报) or voided (作废)."""
    if c.state == "closed":
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The campaign is closed: its grades are fixed."), field="state"
        )
    if c.state == "voided":
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The campaign is voided."), field="state")


def void_campaign(store: Store, actor: Actor, campaign_id: int, version: int, reason: str) -> CampaignRow:
    """作废 the campaign as shown (``version``), with a reason: refused once any file has a score
    saved (the message says how many). Kept on record; audited. One unit of work."""
    require(actor, Permission.MANAGE_REVIEWS)
    text = check_reason(reason)
    with store.unit_of_work() as uow:
        session = uow.session
        c = campaign_by_id(session, campaign_id)
        check_version(c, version)
        check_scoring(c)
        scored = scored_files(session, c.id)
        if scored:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{n} of the {total} files already have a score saved: a campaign can be voided only "
                    "before scoring starts.",
                ),
                field="state",
                n=scored,
                total=len(c.files),
            )
        now = utc_iso(store.clock.now())
        c.state = "voided"
        c.voided_at, c.voided_by, c.void_reason = now, actor.name, text
        c.updated_at, c.updated_by = now, actor.name
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "void_campaign",
            "campaign",
            c.id,
            before={"state": "scoring"},
            after={"state": "voided", "reason": text, "files": len(c.files)},
            summary=c.name,
        )
        row = campaign_row(session, c)
        uow.commit()
        return row


def reassign_reviewer(
    store: Store,
    actor: Actor,
    campaign_id: int,
    old_reviewer: str,
    new_reviewer: str,
    reason: str,
    file_ids: Sequence[int] = (),
) -> Reassignment:
    """Give ``old_reviewer``'s open sheets of the campaign (of ``file_ids`` only, when given) to
    ``new_reviewer``, with a reason; one audit record per sheet. One unit of work. The rules are in
    the module's docstring."""
    require(actor, Permission.MANAGE_REVIEWS)
    text = check_reason(reason)
    with store.unit_of_work() as uow:
        session = uow.session
        c = campaign_by_id(session, campaign_id)
        check_scoring(c)
        new = reviewer_account(session, new_reviewer, field="reviewer")
        found = _sheets_of(session, c.id, old_reviewer, file_ids)
        old = found[0][0].reviewer
        if new.name == old:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{name} already holds these sheets."), field="reviewer", name=old
            )
        submitted = [case_no for s, _f, case_no in found if s.state == "submitted"]
        if submitted:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{n} of these sheets are submitted ({examples}): a submitted score stays its reviewer's. "
                    "Reopen it first if it must be scored again.",
                ),
                field="files",
                n=len(submitted),
                examples="、".join(submitted[:EXAMPLES]),
            )
        seat = dr.Seat(new.name, new.agency_id)
        for s, f, case_no in found:
            if not may_take(seat, f.agency_id, [o.reviewer for o in f.scorings if o.id != s.id]):
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{name} may not score {case_no}: it is a file of their own agency, or they "
                        "already score it.",
                    ),
                    field="reviewer",
                    name=new.name,
                    case_no=case_no,
                )
        now = utc_iso(store.clock.now())
        changes = []
        with_work = 0
        for s, _f, case_no in found:
            work = {"entries": len(s.entries), "marks": len(s.marks), "note": bool(s.note)}
            with_work += bool(s.entries or s.marks or s.note)
            s.reviewer = new.name
            s.updated_at, s.updated_by = now, actor.name
            flag_modified(s, "updated_at")
            changes.append(
                audit.Change(
                    "reassign_reviewer",
                    "scoring",
                    s.id,
                    before={"reviewer": old},
                    after={"reviewer": new.name, "reason": text, **work},
                    summary=f"{c.name} {case_no}: {old} → {new.name}",
                )
            )
        session.flush()
        audit.record_many(session, store, actor.name, changes)
        result = Reassignment(c.id, old, new.name, tuple(case_no for _s, _f, case_no in found), with_work)
        uow.commit()
        return result


def _sheets_of(
    session: Session, campaign_id: int, reviewer: str, file_ids: Sequence[int]
) -> list[tuple[Scoring, CampaignFile, str]]:
    """The reviewer's sheets in the campaign (of ``file_ids`` when given), in the draw's order, with
    their file and 案号; the reviewer named in any case. Refused when a file has none of theirs."""
    q = (
        select(Scoring, CampaignFile, Case.case_no)
        .join(CampaignFile, CampaignFile.id == Scoring.file_id)
        .join(Case, Case.id == CampaignFile.case_id)
        .where(
            CampaignFile.campaign_id == campaign_id, func.lower(Scoring.reviewer) == reviewer.strip().lower()
        )
        .order_by(CampaignFile.position)
    )
    if file_ids:
        q = q.where(CampaignFile.id.in_(list(file_ids)))
    found = [(s, f, n) for s, f, n in session.execute(q).all()]
    names = {s.reviewer for s, _f, _n in found}
    if len(names) > 1:  # two accounts differing only in case: the exact one
        found = [row for row in found if row[0].reviewer == reviewer.strip()]
    missing = set(file_ids) - {f.id for _s, f, _n in found}
    if not found and not file_ids:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} holds no score sheet in this campaign."),
            field="files",
            name=reviewer,
        )
    if missing:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} holds no score sheet of {count} of these files."),
            field="files",
            name=reviewer,
            count=len(missing),
        )
    return found

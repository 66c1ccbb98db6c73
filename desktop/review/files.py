"""Drawn files as the lists show them: their sheets, each sheet's score with recheck rulings applied,
the final (weighted) score once every sheet is submitted, and who may see what.

Visibility: a reviewer sees the scores of their own sheets, and the other sheet of a double scoring
only once both are submitted; an agency user sees their agency's files once feedback was sent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.accounts.names import display_names, shown
from desktop.core.security import Actor, Role
from desktop.models import (
    Agency,
    Campaign,
    CampaignFile,
    Case,
    CaseDocument,
    Feedback,
    Recheck,
    RecheckItem,
    ScoreEntry,
    Scoring,
)
from desktop.review.dto import FileRow, SheetState
from desktop.review.rubric import Rubric as RubricDoc
from desktop.review.rubrics import rubrics_by_id
from desktop.review.scoring import SheetScore, Taken, combine, score_sheet

MANAGERS = frozenset({Role.ADMIN, Role.SUPERVISOR})


def rulings(session: Session, entry_ids: Iterable[int]) -> dict[int, RecheckItem]:
    """The recheck rulings that changed entries (decided ``changed``), by entry id."""
    ids = list(entry_ids)
    out: dict[int, RecheckItem] = {}
    for start in range(0, len(ids), 5000):
        for item in session.execute(
            select(RecheckItem).where(
                RecheckItem.entry_id.in_(ids[start : start + 5000]), RecheckItem.decision == "changed"
            )
        ).scalars():
            out[item.entry_id] = item
    return out


def taken_of(entries: Sequence[ScoreEntry], changed: dict[int, RecheckItem]) -> list[Taken]:
    """The entries of a sheet as they count: a recheck ruling replaces what it changed (count 0
    withdraws an entry); the reviewer's own entry stays stored as written."""
    out = []
    for e in entries:
        r = changed.get(e.id)
        taken = Taken(e.code, e.count, e.points) if r is None else ruled(e, r)
        if taken is not None:
            out.append(taken)
    return out


def ruled(entry: ScoreEntry, ruling: RecheckItem) -> Taken | None:
    """How an entry counts after a ruling that changed it; None when the ruling withdrew it (count 0)."""
    if not ((ruling.new_count or 0) > 0 or ruling.new_points):
        return None
    return Taken(
        entry.code,
        ruling.new_count or entry.count,
        ruling.new_points if ruling.new_points is not None else entry.points,
    )


def sheet_score(rubric: RubricDoc, scoring: Scoring, changed: dict[int, RecheckItem]) -> SheetScore:
    return score_sheet(rubric, taken_of(scoring.entries, changed))


def may_see(actor: Actor, scoring: Scoring, sheets: Sequence[Scoring]) -> bool:
    """Whether the actor may see this sheet's score (double scoring stays blind until both submit)."""
    if actor.role in MANAGERS or scoring.reviewer == actor.name:
        return True
    return all(s.state == "submitted" for s in sheets)


def file_query(actor: Actor, *conditions: Any) -> Any:
    """Drawn files (with their case, agency and campaign) the actor may see."""
    q = (
        select(CampaignFile, Case, Agency.name, Campaign.name)
        .join(Case, Case.id == CampaignFile.case_id)
        .join(Agency, Agency.id == CampaignFile.agency_id)
        .join(Campaign, Campaign.id == CampaignFile.campaign_id)
        .options(selectinload(CampaignFile.scorings).selectinload(Scoring.entries))
        .where(*conditions)
        .order_by(CampaignFile.campaign_id, CampaignFile.position)
    )
    if actor.role == Role.REVIEWER:
        q = q.where(CampaignFile.id.in_(select(Scoring.file_id).where(Scoring.reviewer == actor.name)))
    elif actor.role == Role.AGENCY or actor.scope_agency_id is not None:
        q = q.where(
            CampaignFile.agency_id == actor.scope_agency_id,
            select(Feedback.id)
            .where(
                Feedback.campaign_id == CampaignFile.campaign_id, Feedback.agency_id == CampaignFile.agency_id
            )
            .exists(),
        )
    return q


def file_rows(session: Session, actor: Actor, *conditions: Any) -> list[FileRow]:
    """The files the conditions keep, with sheets and final scores, as the actor may see them."""
    found = session.execute(file_query(actor, *conditions)).unique().all()
    files = [f for f, *_ in found]
    rubrics = rubrics_by_id(session, (f.rubric_id for f in files))
    changed = rulings(session, [e.id for f in files for s in f.scorings for e in s.entries])
    dossiers = dossier_paths(session, [f.case_id for f in files])
    rechecks = recheck_states(session, [f.id for f in files])
    names = display_names(session, (s.reviewer for f in files for s in f.scorings))
    out = []
    for f, case, agency, campaign in found:
        out.append(
            build_row(
                actor,
                f,
                case,
                agency,
                campaign,
                rubrics[f.rubric_id],
                changed,
                dossiers.get(f.case_id),
                rechecks.get(f.id),
                names,
            )
        )
    return out


def build_row(
    actor: Actor,
    f: CampaignFile,
    case: Case,
    agency: str,
    campaign: str,
    rubric: RubricDoc,
    changed: dict[int, RecheckItem],
    dossier: str | None,
    recheck: str | None,
    names: Mapping[str, str] | None = None,
) -> FileRow:
    """A file as the lists show it (``names``: the reviewers' display names, read for the whole page)."""
    sheets = []
    scores = []
    for s in f.scorings:
        score = sheet_score(rubric, s, changed)
        scores.append((score, s.weight))
        visible = may_see(actor, s, f.scorings)
        sheets.append(
            SheetState(
                s.id,
                s.slot,
                s.reviewer,
                s.weight,
                s.state,
                score.total if visible else None,
                score.grade if visible else None,
                s.version,
                shown(names or {}, s.reviewer),
            )
        )
    done = bool(f.scorings) and all(s.state == "submitted" for s in f.scorings)
    final = combine(rubric, scores) if done else None
    return FileRow(
        f.id,
        f.campaign_id,
        campaign,
        case.id,
        case.case_no,
        f.agency_id,
        agency,
        case.category,
        case.cause,
        case.party,
        case.closed_on,
        f.paper,
        dossier,
        f.rubric_id,
        tuple(sheets),
        final,
        recheck,
    )


def dossier_paths(session: Session, case_ids: Sequence[int]) -> dict[int, str]:
    """The dossier PDF of each case that has one."""
    out: dict[int, str] = {}
    ids = list(case_ids)
    for start in range(0, len(ids), 5000):
        out.update(
            session.execute(
                select(CaseDocument.case_id, CaseDocument.path).where(
                    CaseDocument.case_id.in_(ids[start : start + 5000]), CaseDocument.kind == "dossier"
                )
            ).all()
        )
    return out


def recheck_states(session: Session, file_ids: Sequence[int]) -> dict[int, str]:
    """The state of each file's latest recheck."""
    out: dict[int, str] = {}
    ids = list(file_ids)
    for start in range(0, len(ids), 5000):
        for file_id, state in session.execute(
            select(Recheck.file_id, Recheck.state)
            .where(Recheck.file_id.in_(ids[start : start + 5000]))
            .order_by(Recheck.id)
        ):
            out[file_id] = state
    return out


def group_by(rows: Iterable[Any], key: Any) -> dict[Any, list[Any]]:
    out: dict[Any, list[Any]] = defaultdict(list)
    for r in rows:
        out[key(r)].append(r)
    return out

"""What a drawn file's score sheets took, read only, for those who may see it: the agency once its
feedback was sent (to choose what to dispute in a recheck), the supervisors, and the reviewer assigned
to recheck it. Also the file's score as the reviewers gave it and after a decided recheck, and the
reviewers a supervisor may name to recheck it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts.names import display_names, shown
from desktop.core.errors import NotFound, PermissionDenied
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, Role, require, require_agency
from desktop.models import (
    Agency,
    Campaign,
    CampaignFile,
    Case,
    Feedback,
    Recheck,
    Rubric,
    ScoreEntry,
    Scoring,
)
from desktop.models.db import Store
from desktop.review.files import MANAGERS, rulings, sheet_score
from desktop.review.rechecks import entry_text, taken_text
from desktop.review.reviewers import list_reviewers
from desktop.review.rubric import Rubric as RubricDoc
from desktop.review.rubrics import load_rubric, rubric_label
from desktop.review.scoring import FinalScore, combine

NOT_SENT = QT_TRANSLATE_NOOP("errors", "The results of this file were not sent to your agency yet.")
NOT_ASSIGNED = QT_TRANSLATE_NOOP(
    "errors", "Only the reviewer assigned to recheck this file may read its deductions."
)


@dataclass(frozen=True)
class FileEntry:
    """A deduction or veto taken on one sheet of the file, as its reviewer wrote it."""

    id: int
    scoring_id: int
    slot: int
    reviewer: str
    code: str
    kind: str
    """The deduction's kind (``fixed``, ``per_occurrence``, ``range``, ``full``) or ``veto``."""
    text: str
    """What the standard says: "item：deduction", or the veto's text."""
    taken: str
    """As taken: "−2", "−1 × 3", "否决"."""
    count: int
    points: Decimal | None
    note: str
    reviewer_name: str = ""
    """The reviewer's display name (``reviewer`` is the login name)."""


@dataclass(frozen=True)
class FileEntries:
    """A file, its entries in sheet order, and its score before and after a recheck."""

    file_id: int
    campaign_id: int
    campaign: str
    case_no: str
    agency_id: int
    agency: str
    rubric_id: int
    rubric_label: str
    reviewers: tuple[str, ...]
    entries: tuple[FileEntry, ...]
    before: FinalScore | None
    """As the reviewers scored it (None while a sheet is open)."""
    after: FinalScore | None
    """With the rulings of a decided recheck (None when no recheck is decided)."""
    recheck_until: date | None
    """The last day the agency may ask for a recheck (None before feedback)."""


@dataclass(frozen=True)
class ReviewerChoice:
    """An active user who may score files, and whether they may recheck this one."""

    name: str
    display_name: str
    agency: str | None
    scored_file: bool
    """One of the file's original reviewers."""
    same_agency: bool
    """Belongs to the file's agency."""

    @property
    def eligible(self) -> bool:
        """Whether ``assign_recheck`` would take them for this file."""
        return not (self.scored_file or self.same_agency)


def file_entries(store: Store, actor: Actor, file_id: int) -> FileEntries:
    """The entries of every sheet of a file with the original notes, and its score before and after
    a recheck (read only)."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        f = _file(session, file_id)
        feedback = session.execute(
            select(Feedback).where(Feedback.campaign_id == f.campaign_id, Feedback.agency_id == f.agency_id)
        ).scalar_one_or_none()
        _check_reader(session, actor, f, feedback is not None)
        rubric_row = session.get_one(Rubric, f.rubric_id)
        rubric = load_rubric(rubric_row)
        names = display_names(session, (s.reviewer for s in f.scorings))
        entries = tuple(_entry(rubric, s, e, names) for s in f.scorings for e in s.entries)
        decided = (
            session.execute(
                select(Recheck.id).where(Recheck.file_id == file_id, Recheck.state == "decided")
            ).first()
            is not None
        )
        case_no = session.execute(select(Case.case_no).where(Case.id == f.case_id)).scalar_one()
        return FileEntries(
            f.id,
            f.campaign_id,
            session.get_one(Campaign, f.campaign_id).name,
            case_no,
            f.agency_id,
            session.get_one(Agency, f.agency_id).name,
            f.rubric_id,
            rubric_label(rubric_row),
            tuple(s.reviewer for s in f.scorings),
            entries,
            _final(session, rubric, f, with_rulings=False),
            _final(session, rubric, f, with_rulings=True) if decided else None,
            feedback.recheck_until if feedback is not None else None,
        )


def recheck_reviewers(store: Store, actor: Actor, file_id: int) -> tuple[ReviewerChoice, ...]:
    """Every active user who may score files, marked when they scored this file or belong to its
    agency (``assign_recheck`` refuses those)."""
    reviewers = list_reviewers(store, actor)
    with store.reading() as session:
        f = _file(session, file_id)
        originals = {s.reviewer for s in f.scorings}
        return tuple(
            ReviewerChoice(
                r.name,
                r.display_name,
                r.agency,
                r.name in originals,
                r.agency_id is not None and r.agency_id == f.agency_id,
            )
            for r in reviewers
        )


def _check_reader(session: Session, actor: Actor, f: CampaignFile, feedback_sent: bool) -> None:
    """An agency user: their agency's file after feedback; a reviewer: the file they recheck."""
    if actor.role == Role.AGENCY or actor.scope_agency_id is not None:
        require_agency(actor, f.agency_id)
        if not feedback_sent:
            raise PermissionDenied(NOT_SENT)
    elif actor.role not in MANAGERS:
        assigned = session.execute(
            select(Recheck.id).where(Recheck.file_id == f.id, Recheck.reviewer == actor.name)
        ).first()
        if assigned is None:
            raise PermissionDenied(NOT_ASSIGNED)


def _entry(rubric: RubricDoc, scoring: Scoring, e: ScoreEntry, names: Mapping[str, str]) -> FileEntry:
    found = rubric.deduction(e.code)
    return FileEntry(
        e.id,
        scoring.id,
        scoring.slot,
        scoring.reviewer,
        e.code,
        found[1].kind if found else "veto",
        entry_text(rubric, e.code),
        taken_text(rubric, e.code, e.count, e.points),
        e.count,
        e.points,
        e.note,
        shown(names, scoring.reviewer),
    )


def _final(session: Session, rubric: RubricDoc, f: CampaignFile, *, with_rulings: bool) -> FinalScore | None:
    if not f.scorings or any(s.state != "submitted" for s in f.scorings):
        return None
    changed = rulings(session, [e.id for s in f.scorings for e in s.entries]) if with_rulings else {}
    return combine(rubric, [(sheet_score(rubric, s, changed), s.weight) for s in f.scorings])


def _file(session: Session, file_id: int) -> CampaignFile:
    f = session.get(CampaignFile, file_id)
    if f is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such file (id {id})."), id=file_id)
    return f

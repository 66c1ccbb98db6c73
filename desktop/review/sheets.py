"""The reviewer's score sheet (评分表): deductions and vetoes taken by click or key, marks on the
dossier pages attached to them, a note — each change saved and audited as it is made, so closing
the window or a crash loses nothing. Submitting locks the sheet; only a supervisor reopens it."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop.accounts import audit
from desktop.accounts.names import display_names, shown
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, PermissionDenied, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.core.versioning import check_version
from desktop.models import Agency, Campaign, CampaignFile, Case, Rubric, ScoreEntry, ScoreMark, Scoring
from desktop.models.base import table_of
from desktop.models.db import Store
from desktop.review.dto import EntryRow, MarkRow, Sheet, Task
from desktop.review.files import MANAGERS, build_row, dossier_paths, recheck_states, rulings, sheet_score
from desktop.review.rubric import Rubric as RubricDoc
from desktop.review.rubrics import load_rubric, rubric_label, rubrics_by_id
from desktop.review.scoring import Taken, check_taken, deduction_points

MARK_KINDS = ("rect", "text")


def my_tasks(store: Store, actor: Actor, state: str | None = None) -> tuple[Task, ...]:
    """The actor's score sheets (open first), with their running totals."""
    require(actor, Permission.SCORE_FILES)
    with store.reading() as session:
        q = (
            select(Scoring, CampaignFile, Case, Agency.name, Campaign)
            .join(CampaignFile, CampaignFile.id == Scoring.file_id)
            .join(Case, Case.id == CampaignFile.case_id)
            .join(Agency, Agency.id == CampaignFile.agency_id)
            .join(Campaign, Campaign.id == CampaignFile.campaign_id)
            .where(Scoring.reviewer == actor.name, Campaign.state != "voided")
            .order_by(Campaign.drawn_at.desc(), CampaignFile.position)
        )
        if state:
            q = q.where(Scoring.state == state)
        found = session.execute(q).all()
        rubrics = rubrics_by_id(session, (f.rubric_id for _, f, *_ in found))
        changed = rulings(session, [e.id for s, *_ in found for e in s.entries])
        tasks = []
        for s, f, case, agency, campaign in found:
            score = sheet_score(rubrics[f.rubric_id], s, changed)
            scored = s.state == "submitted" or bool(s.entries)
            tasks.append(
                Task(
                    s.id,
                    f.id,
                    campaign.name,
                    case.case_no,
                    agency,
                    case.cause,
                    f.paper,
                    s.state,
                    score.total if scored else None,
                    score.grade if scored else None,
                    campaign.double,
                )
            )
        tasks.sort(key=lambda t: t.state == "submitted")
        return tuple(tasks)


def open_sheet(store: Store, actor: Actor, scoring_id: int) -> Sheet:
    """A sheet with everything the workspace shows: the reviewer's own, or any for a supervisor."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        scoring = _scoring(session, scoring_id)
        if scoring.reviewer != actor.name and actor.role not in MANAGERS:
            raise PermissionDenied(
                QT_TRANSLATE_NOOP("errors", "This score sheet is {reviewer}'s."), reviewer=scoring.reviewer
            )
        return sheet_of(session, actor, scoring)


def take(
    store: Store,
    actor: Actor,
    scoring_id: int,
    version: int,
    code: str,
    count: int = 1,
    points: Decimal | None = None,
    note: str | None = None,
) -> Sheet:
    """Take a deduction or a veto (or change its count, points or note); audited.

    ``version``, here and in every change below: the sheet's version the change was made on
    (``Sheet.version``); a sheet changed meanwhile elsewhere is a ``Conflict``."""
    with store.unit_of_work() as uow:
        session = uow.session
        scoring, rubric = _editable(session, actor, scoring_id, version)
        taken = Taken(code, count, points)
        check_taken(rubric, taken)
        entry = _entry(session, scoring_id, code)
        before = None if entry is None else _entry_state(entry)
        if entry is None:
            entry = ScoreEntry(
                scoring_id=scoring_id, code=code, created_at=utc_iso(store.clock.now()), note=""
            )
            session.add(entry)
        entry.count = count
        found = rubric.deduction(code)
        entry.points = points if found is not None and found[1].kind == "range" else None
        if note is not None:
            entry.note = note.strip()
        _touch(store, actor, scoring)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "take_deduction",
            "scoring",
            scoring_id,
            before=before,
            after=_entry_state(entry),
            summary=code,
        )
        sheet = sheet_of(session, actor, scoring)
        uow.commit()
        return sheet


def drop(store: Store, actor: Actor, scoring_id: int, version: int, code: str) -> Sheet:
    """Withdraw a deduction or veto before submitting; its marks stay, detached; audited."""
    with store.unit_of_work() as uow:
        session = uow.session
        scoring, _ = _editable(session, actor, scoring_id, version)
        entry = _entry(session, scoring_id, code)
        if entry is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "{code} was not taken on this sheet."), code=code)
        before = _entry_state(entry)
        for m in scoring.marks:
            if m.code == code:
                m.code = None
        session.delete(entry)
        _touch(store, actor, scoring)
        session.flush()
        audit.record(
            session, store, actor.name, "drop_deduction", "scoring", scoring_id, before=before, summary=code
        )
        sheet = sheet_of(session, actor, scoring)
        uow.commit()
        return sheet


def add_mark(
    store: Store,
    actor: Actor,
    scoring_id: int,
    version: int,
    page: int,
    rect: tuple[float, float, float, float],
    kind: str = "rect",
    text: str = "",
    code: str | None = None,
) -> tuple[Sheet, int]:
    """A mark on a dossier page (PDF points of the unrotated page), attached to a deduction or loose."""
    if kind not in MARK_KINDS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown mark kind {kind}."), field="kind", kind=kind
        )
    x0, y0, x1, y1 = (float(v) for v in rect)
    if page < 0 or x1 <= x0 or y1 <= y0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "A mark needs a page and a rectangle."), field="rect"
        )
    with store.unit_of_work() as uow:
        session = uow.session
        scoring, rubric = _editable(session, actor, scoring_id, version)
        _check_code(rubric, code)
        mark = ScoreMark(
            scoring_id=scoring_id,
            page=page,
            x0=x0,
            y0=y0,
            x1=x1,
            y1=y1,
            kind=kind,
            text=text[:2000],
            code=code,
            created_at=utc_iso(store.clock.now()),
        )
        session.add(mark)
        _touch(store, actor, scoring)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "add_mark",
            "scoring",
            scoring_id,
            after={"mark": mark.id, "page": page, "rect": [x0, y0, x1, y1], "kind": kind, "code": code},
            summary=f"p{page + 1}",
        )
        sheet = sheet_of(session, actor, scoring)
        uow.commit()
        return sheet, mark.id


def attach_mark(store: Store, actor: Actor, mark_id: int, version: int, code: str | None) -> Sheet:
    """Attach a mark to a deduction (or detach it with None); audited."""
    with store.unit_of_work() as uow:
        session = uow.session
        mark = _mark(session, mark_id)
        scoring, rubric = _editable(session, actor, mark.scoring_id, version)
        _check_code(rubric, code)
        before = mark.code
        mark.code = code
        _touch(store, actor, scoring)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "attach_mark",
            "scoring",
            scoring.id,
            before={"mark": mark_id, "code": before},
            after={"mark": mark_id, "code": code},
        )
        sheet = sheet_of(session, actor, scoring)
        uow.commit()
        return sheet


def delete_mark(store: Store, actor: Actor, mark_id: int, version: int) -> Sheet:
    """Delete a mark from the dossier pages; audited."""
    with store.unit_of_work() as uow:
        session = uow.session
        mark = _mark(session, mark_id)
        scoring, _ = _editable(session, actor, mark.scoring_id, version)
        before = {
            "mark": mark_id,
            "page": mark.page,
            "rect": [mark.x0, mark.y0, mark.x1, mark.y1],
            "code": mark.code,
        }
        session.delete(mark)
        _touch(store, actor, scoring)
        session.flush()
        audit.record(session, store, actor.name, "delete_mark", "scoring", scoring.id, before=before)
        sheet = sheet_of(session, actor, scoring)
        uow.commit()
        return sheet


def set_note(store: Store, actor: Actor, scoring_id: int, version: int, note: str) -> Sheet:
    """The sheet's overall note (评查意见); audited."""
    with store.unit_of_work() as uow:
        session = uow.session
        scoring, _ = _editable(session, actor, scoring_id, version)
        before = scoring.note
        scoring.note = note.strip()[:5000]
        if before == scoring.note:
            return sheet_of(session, actor, scoring)
        _touch(store, actor, scoring)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "sheet_note",
            "scoring",
            scoring_id,
            before={"note": before},
            after={"note": scoring.note},
        )
        sheet = sheet_of(session, actor, scoring)
        uow.commit()
        return sheet


def remember_page(store: Store, actor: Actor, scoring_id: int, page: int) -> None:
    """Where the reviewer was in the dossier, to open there next time (not audited: not a score)."""
    with store.unit_of_work() as uow:
        scoring = _scoring(uow.session, scoring_id)
        if scoring.reviewer == actor.name and scoring.last_page != page:
            uow.session.execute(  # Core: no new version (not a change of the score)
                update(table_of(Scoring)).where(Scoring.id == scoring_id).values(last_page=page)
            )
            uow.commit()


def submit(store: Store, actor: Actor, scoring_id: int, version: int) -> Sheet:
    """Lock the sheet (提交) as it was shown (``version``); audited with the score."""
    with store.unit_of_work() as uow:
        session = uow.session
        scoring, _ = _editable(session, actor, scoring_id, version)
        scoring.state = "submitted"
        scoring.submitted_at = utc_iso(store.clock.now())
        _touch(store, actor, scoring)
        session.flush()
        sheet = sheet_of(session, actor, scoring)
        audit.record(
            session,
            store,
            actor.name,
            "submit_score",
            "scoring",
            scoring_id,
            after={
                "total": str(sheet.score.total),
                "grade": sheet.score.grade,
                "entries": [e.code for e in sheet.entries],
            },
            summary=sheet.file.case_no,
        )
        uow.commit()
        return sheet


def reopen(store: Store, actor: Actor, scoring_id: int, version: int, reason: str) -> Sheet:
    """A supervisor reopens a submitted sheet as shown (``version``), with a reason; audited."""
    require(actor, Permission.MANAGE_REVIEWS)
    if not reason.strip():
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Say why the score is reopened."), field="reason")
    with store.unit_of_work() as uow:
        session = uow.session
        scoring = _scoring(session, scoring_id)
        _check_campaign_open(session, scoring)
        if scoring.state != "submitted":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "This sheet is not submitted."), field="state")
        check_version(scoring, version)
        scoring.state = "open"
        scoring.reopened += 1
        _touch(store, actor, scoring)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "reopen_score",
            "scoring",
            scoring_id,
            before={"state": "submitted", "submitted_at": scoring.submitted_at},
            after={"state": "open", "reason": reason.strip()},
        )
        sheet = sheet_of(session, actor, scoring)
        uow.commit()
        return sheet


# ---------------------------------------------------------------------------- helpers


def sheet_of(session: Session, actor: Actor, scoring: Scoring) -> Sheet:
    """Everything the workspace shows of one sheet."""
    f = session.get_one(CampaignFile, scoring.file_id)
    case = session.get_one(Case, f.case_id)
    agency = session.get_one(Agency, f.agency_id)
    campaign = session.get_one(Campaign, f.campaign_id)
    row = session.get_one(Rubric, f.rubric_id)
    rubric = load_rubric(row)
    session.refresh(scoring, ["entries", "marks"])
    changed = rulings(session, [e.id for s in f.scorings for e in s.entries])
    names = display_names(session, (s.reviewer for s in f.scorings))
    file_row = build_row(
        actor,
        f,
        case,
        agency.name,
        campaign.name,
        rubric,
        changed,
        dossier_paths(session, [case.id]).get(case.id),
        recheck_states(session, [f.id]).get(f.id),
        names,
    )
    entries = []
    for e in scoring.entries:
        found = rubric.deduction(e.code)
        raw = deduction_points(found[0], found[1], Taken(e.code, e.count, e.points)) if found else Decimal(0)
        entries.append(EntryRow(e.id, e.code, found is None, e.count, e.points, e.note, raw))
    marks = tuple(
        MarkRow(m.id, m.code, m.page, (m.x0, m.y0, m.x1, m.y1), m.kind, m.text) for m in scoring.marks
    )
    editable = (
        scoring.state == "open"
        and scoring.reviewer == actor.name
        and campaign.state not in ("closed", "voided")
        and actor.can(Permission.SCORE_FILES)
    )
    return Sheet(
        scoring.id,
        scoring.version,
        file_row,
        rubric,
        rubric_label(row),
        scoring.reviewer,
        scoring.slot,
        scoring.state,
        scoring.note,
        scoring.last_page,
        tuple(entries),
        marks,
        sheet_score(rubric, scoring, changed),
        editable,
        scoring.submitted_at,
        scoring.updated_by,
        scoring.updated_at,
        scoring.reopened,
        shown(names, scoring.reviewer),
    )


def _scoring(session: Session, scoring_id: int) -> Scoring:
    s = session.get(Scoring, scoring_id)
    if s is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such score sheet (id {id})."), id=scoring_id)
    return s


def _mark(session: Session, mark_id: int) -> ScoreMark:
    m = session.get(ScoreMark, mark_id)
    if m is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No such mark (id {id})."), id=mark_id)
    return m


def _editable(session: Session, actor: Actor, scoring_id: int, version: int) -> tuple[Scoring, RubricDoc]:
    """The sheet for a change: the actor's own, still open, in a campaign not closed, and at
    ``version`` (else a ``Conflict``: it was changed elsewhere since it was shown)."""
    require(actor, Permission.SCORE_FILES)
    scoring = _scoring(session, scoring_id)
    if scoring.reviewer != actor.name:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("errors", "This score sheet is {reviewer}'s."), reviewer=scoring.reviewer
        )
    if scoring.state == "submitted":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "errors", "This score was submitted and is locked; a supervisor can reopen it."
            ),
            field="state",
        )
    _check_campaign_open(session, scoring)
    check_version(scoring, version)
    f = session.get_one(CampaignFile, scoring.file_id)
    return scoring, load_rubric(session.get_one(Rubric, f.rubric_id))


def _check_campaign_open(session: Session, scoring: Scoring) -> None:
    f = session.get_one(CampaignFile, scoring.file_id)
    state = session.get_one(Campaign, f.campaign_id).state
    if state == "closed":
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The campaign is closed: its grades are fixed."), field="state"
        )
    if state == "voided":
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The campaign is voided."), field="state")


def _check_code(rubric: RubricDoc, code: str | None) -> None:
    if code is not None and rubric.deduction(code) is None and rubric.veto(code) is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{code} is not an item of this standard."), field="code", code=code
        )


def _entry(session: Session, scoring_id: int, code: str) -> ScoreEntry | None:
    return session.execute(
        select(ScoreEntry).where(ScoreEntry.scoring_id == scoring_id, ScoreEntry.code == code)
    ).scalar_one_or_none()


def _entry_state(e: ScoreEntry) -> dict[str, object]:
    return {
        "code": e.code,
        "count": e.count,
        "points": None if e.points is None else str(e.points),
        "note": e.note,
    }


def _touch(store: Store, actor: Actor, scoring: Scoring) -> None:
    """Bump the sheet's version: another workstation holding it sees it changed."""
    scoring.updated_at = utc_iso(store.clock.now())
    scoring.updated_by = actor.name
    flag_modified(scoring, "updated_at")  # an UPDATE (and a new version) even when the clock stood still

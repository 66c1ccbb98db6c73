"""Feedback (反馈) to an agency: its scored dossiers with the reviewers' marks as PDF annotations and
a score sheet page, its results workbook and a rectification notice (整改通知书) with a deadline;
the recheck window opens. The original dossiers are never changed (SHA-256 checked). And closing a
campaign (通报): grades fixed."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop.accounts import audit
from desktop.accounts.names import display_names, shown
from desktop.accounts.service import check_version
from desktop.cases.supervision_settings import load_calendar
from desktop.core.clock import utc_iso
from desktop.core.errors import Cancelled, NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission, require
from desktop.models import Agency, Campaign, CampaignFile, Feedback, Recheck, Rubric, Scoring, StoreSetting
from desktop.models.db import Store
from desktop.review.campaigns import campaign_by_id, campaign_row
from desktop.review.documents import feedback_pdf as out
from desktop.review.documents.model import MarkOut, NoticeOut, ScoreSheetOut, SheetLine
from desktop.review.dto import CampaignRow, FeedbackRow, FileRow
from desktop.review.exchange import export_results
from desktop.review.files import file_rows, ruled, rulings
from desktop.review.rechecks import entry_text, ruled_text, taken_text
from desktop.review.results import agency_results, band_names_of, deduction_counts
from desktop.review.rubrics import load_rubric, rubric_label, rubrics_by_id
from desktop.review.scoring import format_points

DEFAULT_BUREAU = "县司法局"
RECTIFY_DAYS = 30


def bureau_name(session: Session) -> str:
    """The bureau's name on notices (store setting ``bureau.name``)."""
    value = session.execute(
        select(StoreSetting.value).where(StoreSetting.key == "bureau.name")
    ).scalar_one_or_none()
    return value or DEFAULT_BUREAU


def notice_issuer(store: Store, actor: Actor) -> str:
    """The bureau named on rectification notices (the last one used, shared by every workstation)."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        return bureau_name(session)


def _keep_bureau_name(session: Session, store: Store, actor: Actor, name: str) -> None:
    """Store the issuing bureau's name for the next notices (audited when it changes)."""
    row = session.get(StoreSetting, "bureau.name")
    if row is not None and row.value == name:
        return
    before = None if row is None else {"value": row.value}
    if row is None:
        row = StoreSetting(key="bureau.name")
        session.add(row)
    row.value, row.updated_by, row.updated_at = name, actor.name, utc_iso(store.clock.now())
    audit.record(
        session,
        store,
        actor.name,
        "update",
        "setting",
        "bureau.name",
        before=before,
        after={"value": name},
        summary="bureau.name",
    )


def safe_name(text: str) -> str:
    """A file name every system accepts."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_.") or "file"


def send_feedback(
    store: Store,
    actor: Actor,
    campaign_id: int,
    agency_id: int,
    version: int | None,
    folder: Path,
    *,
    issued_on: date | None = None,
    rectify_by: date | None = None,
    bureau: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FeedbackRow:
    """Write the agency's feedback package into ``folder`` and record it (the recheck window opens:
    the campaign's working days after ``issued_on``); audited. Every file of the agency must be scored.
    ``bureau``: the issuer named on the notice (kept for next time); default the one used last.
    ``version``: the agency's feedback as shown (``FeedbackRow.version``), None when shown unsent;
    feedback sent meanwhile from another workstation is a ``Conflict`` (checked before writing)."""
    require(actor, Permission.MANAGE_REVIEWS)
    issued_on = issued_on or store.clock.today()
    rectify_by = rectify_by or issued_on + timedelta(days=RECTIFY_DAYS)
    if bureau is not None and not (0 < len(bureau.strip()) <= 60):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Name the bureau that issues the notice (at most 60 characters)."),
            field="bureau",
        )
    if rectify_by <= issued_on:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "The rectification deadline must be after the notice."),
            field="rectify_by",
        )
    with store.reading() as session:
        campaign = campaign_by_id(session, campaign_id)
        if campaign.state == "voided":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The campaign is voided."), field="state")
        agency = session.get(Agency, agency_id)
        if agency is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such agency (id {id})."), id=agency_id)
        files = file_rows(
            session, actor, CampaignFile.campaign_id == campaign_id, CampaignFile.agency_id == agency_id
        )
        if not files:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The campaign drew no file of {agency}."),
                field="agency",
                agency=agency.name,
            )
        unscored = [f.case_no for f in files if f.final is None]
        if unscored:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Not every file of {agency} is scored yet: {files}."),
                field="agency",
                agency=agency.name,
                files="、".join(unscored[:5]) + ("…" if len(unscored) > 5 else ""),
            )
        _check_feedback_version(session, campaign_id, agency_id, version)
        recheck_until = load_calendar(session).add_working_days(issued_on, campaign.recheck_days)
        row = campaign_row(session, campaign)
        bureau = bureau.strip() if bureau is not None else bureau_name(session)
        sheets = {f.id: _sheet_out(session, row, f, issued_on) for f in files}
        marks = {f.id: _marks_out(session, f) for f in files}
        notice_no = _notice_no(session, campaign, issued_on)
        rubrics = rubrics_by_id(session, (f.rubric_id for f in files))
        summary = agency_results(files, band_names_of(rubrics))[0]
        common = tuple((d.text, d.times) for d in deduction_counts(session, files, rubrics)[:10])
        campaign_name, agency_name = campaign.name, agency.name
    target = Path(folder) / safe_name(f"{campaign_name}_{agency_name}_反馈")
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = len(files) + 2
    for n, f in enumerate(files):
        if cancelled and cancelled():
            raise Cancelled()
        if f.paper or not f.dossier or not Path(f.dossier).is_file():
            path = target / safe_name(f"{f.case_no}_评分表.pdf")
            out.write_score_sheet(path, sheets[f.id])
        else:
            path = target / safe_name(f"{f.case_no}_评查.pdf")
            out.annotate_dossier(Path(f.dossier), path, marks[f.id], sheets[f.id])
        written.append(path)
        if progress:
            progress(n + 1, total)
    workbook = target / safe_name(f"{agency_name}_评查结果.xlsx")
    export_results(store, actor, campaign_id, workbook, agency_id=agency_id)
    written.append(workbook)
    notice = NoticeOut(
        bureau=bureau,
        agency=agency_name,
        campaign=campaign_name,
        notice_no=notice_no,
        issued_on=issued_on,
        rectify_by=rectify_by,
        recheck_until=recheck_until,
        files=tuple((f.case_no, format_points(f.final.total), f.final.grade) for f in files if f.final),
        common_problems=common,
        summary={
            "count": str(summary.scored),
            "average": format_points(summary.average),
            "pass_rate": f"{summary.pass_rate}%",
            "excellent_rate": f"{summary.excellent_rate}%",
        },
    )
    notice_path = target / "整改通知书.pdf"
    out.write_rectification_notice(notice_path, notice)
    written.append(notice_path)
    if progress:
        progress(total, total)
    with store.unit_of_work() as uow:
        session = uow.session
        fb = _check_feedback_version(session, campaign_id, agency_id, version)
        before = (
            None if fb is None else {"sent_on": fb.sent_on, "rectify_by": fb.rectify_by, "folder": fb.folder}
        )
        if fb is None:
            fb = Feedback(campaign_id=campaign_id, agency_id=agency_id)
            session.add(fb)
        fb.sent_on, fb.rectify_by, fb.recheck_until = issued_on, rectify_by, recheck_until
        fb.sent_by, fb.folder = actor.name, str(target)
        fb.updated_at, fb.updated_by = utc_iso(store.clock.now()), actor.name
        flag_modified(fb, "updated_at")  # a new version even when sent again with the same dates
        _keep_bureau_name(session, store, actor, bureau)
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "send_feedback",
            "campaign",
            campaign_id,
            before=before,
            after={
                "agency": agency_name,
                "sent_on": issued_on,
                "rectify_by": rectify_by,
                "recheck_until": recheck_until,
                "files": [p.name for p in written],
            },
            summary=f"{campaign_name} {agency_name}",
        )
        uow.commit()
        sent_version = fb.version
    return FeedbackRow(
        campaign_name,
        agency_id,
        agency_name,
        issued_on,
        rectify_by,
        recheck_until,
        actor.name,
        str(target),
        sent_version,
        tuple(str(p) for p in written),
        actor.display_name or actor.name,
    )


def _check_feedback_version(
    session: Session, campaign_id: int, agency_id: int, version: int | None
) -> Feedback | None:
    """The agency's feedback as stored, if the caller saw it as it is (else a ``Conflict``)."""
    fb = session.execute(
        select(Feedback).where(Feedback.campaign_id == campaign_id, Feedback.agency_id == agency_id)
    ).scalar_one_or_none()
    if fb is not None:  # shown unsent (None): any feedback is newer than what was seen
        check_version(fb, 0 if version is None else version)
    return fb


def list_feedback(store: Store, actor: Actor, campaign_id: int) -> tuple[FeedbackRow, ...]:
    """The feedback sent for a campaign (an agency user: their own)."""
    require(actor, Permission.VIEW_REVIEWS)
    with store.reading() as session:
        q = (
            select(Feedback, Agency.name, Campaign.name)
            .join(Agency, Agency.id == Feedback.agency_id)
            .join(Campaign, Campaign.id == Feedback.campaign_id)
            .where(Feedback.campaign_id == campaign_id)
            .order_by(Agency.name)
        )
        if actor.scope_agency_id is not None:
            q = q.where(Feedback.agency_id == actor.scope_agency_id)
        found = session.execute(q).all()
        names = display_names(session, (f.sent_by for f, _a, _c in found))
        return tuple(
            FeedbackRow(
                c,
                f.agency_id,
                a,
                f.sent_on,
                f.rectify_by,
                f.recheck_until,
                f.sent_by,
                f.folder,
                f.version,
                sent_by_name=shown(names, f.sent_by),
            )
            for f, a, c in found
        )


def close_campaign(store: Store, actor: Actor, campaign_id: int, version: int) -> CampaignRow:
    """通报: fix the grades of the campaign as shown (``version``). Every file scored, feedback sent
    to every agency, no recheck pending."""
    require(actor, Permission.MANAGE_REVIEWS)
    with store.unit_of_work() as uow:
        session = uow.session
        c = campaign_by_id(session, campaign_id)
        check_version(c, version)
        if c.state == "closed":
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "The campaign is closed: its grades are fixed."), field="state"
            )
        if c.state == "voided":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "The campaign is voided."), field="state")
        open_sheets = session.execute(
            select(func.count())
            .select_from(Scoring)
            .join(CampaignFile)
            .where(CampaignFile.campaign_id == campaign_id, Scoring.state != "submitted")
        ).scalar_one()
        if open_sheets:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{n} score sheets are not submitted yet."),
                field="state",
                n=open_sheets,
            )
        pending = session.execute(
            select(func.count())
            .select_from(Recheck)
            .join(CampaignFile)
            .where(CampaignFile.campaign_id == campaign_id, Recheck.state != "decided")
        ).scalar_one()
        if pending:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "{n} rechecks are not decided yet."), field="state", n=pending
            )
        agencies = set(
            session.execute(
                select(CampaignFile.agency_id).where(CampaignFile.campaign_id == campaign_id)
            ).scalars()
        )
        sent = set(
            session.execute(select(Feedback.agency_id).where(Feedback.campaign_id == campaign_id)).scalars()
        )
        if agencies - sent:
            names = session.execute(select(Agency.name).where(Agency.id.in_(agencies - sent))).scalars().all()
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "No feedback was sent yet to {agencies}."),
                field="state",
                agencies="、".join(sorted(names)),
            )
        c.state = "closed"
        c.updated_by = actor.name
        session.flush()
        audit.record(
            session,
            store,
            actor.name,
            "close_campaign",
            "campaign",
            campaign_id,
            before={"state": "scoring"},
            after={"state": "closed"},
            summary=c.name,
        )
        row = campaign_row(session, c)
        uow.commit()
        return row


# ---------------------------------------------------------------------------- documents


def _sheet_out(session: Session, campaign: CampaignRow, f: FileRow, day: date) -> ScoreSheetOut:
    rubric_row = session.get_one(Rubric, f.rubric_id)
    rubric = load_rubric(rubric_row)
    scorings = (
        session.execute(select(Scoring).where(Scoring.file_id == f.id).order_by(Scoring.slot)).scalars().all()
    )
    changed = rulings(session, [e.id for s in scorings for e in s.entries])
    lines, vetoes = [], []
    for s in scorings:
        for e in s.entries:
            found = rubric.deduction(e.code)
            ruling = changed.get(e.id)
            remark = ""
            if ruling is not None:
                remark = f"复核：改为 {ruled_text(rubric, e, ruling)}（{ruling.decision_reason}）"
            if found is None:
                veto = rubric.veto(e.code)
                if veto is not None and (ruling is None or ruled(e, ruling) is not None):
                    vetoes.append((e.code, veto.text))
                continue
            item, d = found
            section = next(sec.title for sec in rubric.sections if item in sec.items)
            lines.append(
                SheetLine(
                    e.code,
                    section,
                    item.title,
                    d.text,
                    taken_text(rubric, e.code, e.count, e.points),
                    e.note,
                    s.reviewer,
                    remark,
                )
            )
    weights = " / ".join(f"{s.weight}%" for s in scorings) if len(scorings) > 1 else ""
    final = f.final
    return ScoreSheetOut(
        campaign=campaign.name,
        agency=f.agency,
        case_no=f.case_no,
        cause=f.cause,
        party=f.party,
        rubric=rubric_label(rubric_row),
        reviewers=tuple(s.reviewer for s in scorings),
        weights=weights,
        lines=tuple(lines),
        vetoes=tuple(dict.fromkeys(vetoes)),
        total=format_points(final.total) if final else "",
        grade=final.grade if final else "",
        paper=f.paper,
        scored_on=day.isoformat(),
    )


def _marks_out(session: Session, f: FileRow) -> list[MarkOut]:
    from desktop.models import ScoreMark

    rubric = load_rubric(session.get_one(Rubric, f.rubric_id))
    found = session.execute(
        select(ScoreMark, Scoring.reviewer)
        .join(Scoring)
        .where(Scoring.file_id == f.id)
        .order_by(ScoreMark.id)
    ).all()
    notes = {
        (e.scoring_id, e.code): e
        for s in session.execute(select(Scoring).where(Scoring.file_id == f.id)).scalars()
        for e in s.entries
    }
    marks = []
    for m, reviewer in found:
        entry = None if m.code is None else notes.get((m.scoring_id, m.code))
        label = "批注" if m.code is None else f"{m.code} {entry_text(rubric, m.code)}"
        if entry is not None:
            label += (
                f" {taken_text(rubric, entry.code, entry.count, entry.points)}分"
                if rubric.deduction(entry.code)
                else " 否决"
            )
        kind: Literal["rect", "text"] = "text" if m.kind == "text" else "rect"
        marks.append(
            MarkOut(
                m.page, (m.x0, m.y0, m.x1, m.y1), kind, m.text, label, entry.note if entry else "", reviewer
            )
        )
    return marks


def _notice_no(session: Session, campaign: Campaign, day: date) -> str:
    sent = session.execute(
        select(func.count()).select_from(Feedback).where(Feedback.campaign_id == campaign.id)
    ).scalar_one()
    return f"评查整改〔{day.year}〕{campaign.id}-{sent + 1}号"

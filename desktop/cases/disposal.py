"""What a 处置 (disposition) of a warning holds beyond its note, and what follows from it: the
dispositions as read for the warning list (``Handling``), the follow-up warning raised when a
处置's follow-up date has passed (``disposal_follow_up_due``), the attachment kept in the store
with its SHA-256, and reopening a 处置 (audited; the warning is open again, the handling is kept
on the row and in the audit as its history)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.names import display_names, shown
from desktop.accounts.service import check_version
from desktop.cases import repository as repo
from desktop.cases.calendar import WorkCalendar
from desktop.cases.dto import AttachmentFile, AttachmentUpload, WarningRow
from desktop.cases.officer_warnings import reopen_officer_warning
from desktop.cases.rules import (
    ALL_WARNING_CODES,
    CODE_LEVELS,
    FOLLOW_UP_DUE,
    WARNING_TITLES,
    CaseFacts,
    Finding,
    Limits,
    findings,
)
from desktop.cases.supervision_settings import load_calendar, load_limits
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import Case, Officer, WarningAttachment, WarningDisposition
from desktop.models.db import Store

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
"""The largest file a 处置 may carry (10 MB: a scanned 约谈笔录 or 整改通知书)."""

_FOLLOW_UP = QT_TRANSLATE_NOOP("warnings", "The follow-up of the handling of {warnings} was due on {due}.")


@dataclass(frozen=True)
class Handling:
    """A 处置 as the warning list reads it: the disposition's columns and its attachment's name
    and SHA-256 (never its bytes)."""

    case_id: int
    code: str
    note: str
    kind: str | None
    handled_by: str
    handled_at: str
    handled_on: date | None
    follow_up_on: date | None
    attachment_id: int | None
    attachment_name: str | None
    attachment_sha256: str | None
    reopened_by: str | None
    reopened_at: str | None
    reopen_reason: str | None
    version: int

    @property
    def active(self) -> bool:
        """Whether it still handles its warning (not reopened)."""
        return self.reopened_at is None

    @property
    def day(self) -> date:
        """The date it was made as of (its UTC day for dispositions made before that was kept)."""
        return self.handled_on or date.fromisoformat(self.handled_at[:10])

    def handles(self, f: Finding) -> bool:
        """Whether it handles ``f``: active and, for a follow-up, made on or after its due date
        (a later follow-up passing raises the warning again)."""
        if not self.active:
            return False
        return f.code != FOLLOW_UP_DUE or f.due is None or self.day >= f.due

    @classmethod
    def of(cls, row: WarningDisposition, attachment: WarningAttachment | None = None) -> Handling:
        """From the ORM row and its attachment."""
        return cls(
            row.case_id or 0,
            row.code,
            row.note,
            row.kind,
            row.handled_by,
            row.handled_at,
            row.handled_on,
            row.follow_up_on,
            row.attachment_id,
            attachment.name if attachment else None,
            attachment.sha256 if attachment else None,
            row.reopened_by,
            row.reopened_at,
            row.reopen_reason,
            row.version,
        )


def load_handlings(session: Session, conditions: Sequence[Any]) -> dict[tuple[int, str], Handling]:
    """The 处置 (active and reopened) of the warnings of the cases ``conditions`` keep."""
    rows = session.execute(
        select(WarningDisposition, WarningAttachment.name, WarningAttachment.sha256)
        .join(Case, Case.id == WarningDisposition.case_id)
        .outerjoin(WarningAttachment, WarningAttachment.id == WarningDisposition.attachment_id)
        .where(*conditions)
    ).all()
    out = {}
    for d, name, sha in rows:
        h = Handling.of(d)
        if name is not None:
            h = Handling(**{**h.__dict__, "attachment_name": name, "attachment_sha256": sha})
        out[(h.case_id, d.code)] = h
    return out


def by_case(handlings: Mapping[tuple[int, str], Handling]) -> dict[int, list[Handling]]:
    """The 处置 grouped by case."""
    out: dict[int, list[Handling]] = {}
    for h in handlings.values():
        out.setdefault(h.case_id, []).append(h)
    return out


def follow_up_finding(
    facts: CaseFacts, found: Sequence[Finding], mine: Sequence[Handling], as_of: date
) -> Finding | None:
    """The case's ``disposal_follow_up_due`` as of ``as_of``: raised when an active 处置 of a
    warning the case still has set a follow-up date before ``as_of``; due on the latest such date
    (a 处置 of the follow-up itself may set a later one)."""
    codes = {f.code for f in found}
    passed = [h for h in mine if h.active and h.follow_up_on is not None and h.follow_up_on < as_of]
    sources = [h for h in passed if h.code in codes]
    if not sources:
        return None
    due = max(h.follow_up_on for h in passed if h.follow_up_on is not None)
    order = sorted(sources, key=lambda h: ALL_WARNING_CODES.index(h.code))
    titles = "、".join(translate("warnings", WARNING_TITLES[h.code]) for h in order)
    return Finding(
        facts.id,
        facts.case_no,
        facts.agency_id,
        facts.agency,
        FOLLOW_UP_DUE,
        CODE_LEVELS[FOLLOW_UP_DUE],
        due,
        _FOLLOW_UP,
        (("warnings", titles), ("due", due.isoformat())),
    )


def case_findings(
    facts: CaseFacts, as_of: date, limits: Limits, cal: WorkCalendar, mine: Sequence[Handling]
) -> list[Finding]:
    """Every warning of one case: the rules' and the follow-up of its 处置 (``mine``)."""
    found = findings(facts, as_of, limits, cal)
    follow_up = follow_up_finding(facts, found, mine, as_of)
    return [*found, follow_up] if follow_up is not None else found


def warning_row(
    f: Finding, facts: CaseFacts, h: Handling | None, names: Mapping[str, str] | None = None
) -> WarningRow:
    """A warning as the window and the command line show it, with its 处置 when there is one
    (a reopened one: not handled, its last handling kept for the history); ``names``: the
    display names of who handled and reopened them, read once for all the rows."""
    names = names or {}
    return WarningRow(
        f.case_id,
        f.case_no,
        f.agency_id,
        f.agency,
        f.code,
        f.title(),
        f.level,
        f.due,
        f.message(),
        facts.filed_on,
        h is not None and h.handles(f),
        h.note if h else None,
        h.handled_by if h else None,
        h.handled_at if h else None,
        h.version if h else None,
        h.kind if h else None,
        h.follow_up_on if h else None,
        h.attachment_id if h else None,
        h.attachment_name if h else None,
        h.attachment_sha256 if h else None,
        h.reopened_by if h else None,
        h.reopened_at if h else None,
        h.reopen_reason if h else None,
        shown(names, h.handled_by) if h else None,
        shown(names, h.reopened_by) if h and h.reopened_by else None,
    )


# ------------------------------------------------------------------------------ attachments


def store_attachment(
    session: Session, store: Store, actor: Actor, upload: AttachmentUpload
) -> WarningAttachment:
    """Keep a 处置's file in the store (the same name and bytes are kept once); refuse an empty or
    too large one."""
    name = PurePath((upload.name or "").replace("\\", "/")).name.strip()
    if not name:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "The attachment has no name."), field="attachment")
    size = len(upload.content)
    if size == 0:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{name} is empty."), field="attachment", name=name)
    if size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "{name} is larger than {limit} MB."),
            field="attachment",
            name=name,
            limit=ATTACHMENT_MAX_BYTES // (1024 * 1024),
        )
    sha = hashlib.sha256(upload.content).hexdigest()
    kept = (
        session.execute(
            select(WarningAttachment).where(
                WarningAttachment.sha256 == sha, WarningAttachment.name == name[:200]
            )
        )
        .scalars()
        .first()
    )
    if kept is not None:
        return kept
    row = WarningAttachment(
        name=name[:200],
        sha256=sha,
        size=size,
        content=upload.content,
        added_at=utc_iso(store.clock.now()),
        added_by=actor.name,
    )
    session.add(row)
    session.flush()
    return row


def disposal_attachment(store: Store, actor: Actor, attachment_id: int) -> AttachmentFile:
    """A 处置's attachment with its bytes, checked against its SHA-256 (an altered file is
    refused). A user limited to one agency reads only its cases' attachments."""
    require(actor, Permission.VIEW_CASES)
    with store.reading() as session:
        row = session.get(WarningAttachment, attachment_id)
        agencies = list(
            session.execute(
                select(Case.agency_id)
                .join(WarningDisposition, WarningDisposition.case_id == Case.id)
                .where(WarningDisposition.attachment_id == attachment_id)
            )
            .scalars()
            .all()
        )
        agencies += (
            session.execute(
                select(Officer.agency_id)
                .join(WarningDisposition, WarningDisposition.officer_id == Officer.id)
                .where(WarningDisposition.attachment_id == attachment_id)
            )
            .scalars()
            .all()
        )
        if row is None or not agencies:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such attachment (id {id})."), id=attachment_id)
        if actor.scope_agency_id is not None and actor.scope_agency_id not in agencies:
            require_agency(actor, agencies[0])
        content = bytes(row.content)
        if hashlib.sha256(content).hexdigest() != row.sha256:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "{name} no longer matches its SHA-256: it was altered in the store."
                ),
                name=row.name,
            )
        return AttachmentFile(row.id, row.name, row.sha256, row.size, content)


# ------------------------------------------------------------------------------ reopening


def reopen_warning(
    store: Store,
    actor: Actor,
    case_id: int,
    code: str,
    version: int,
    reason: str,
    as_of: date | None = None,
    *,
    subject: str = "",
) -> WarningRow:
    """Undo a 处置: the warning is open again (audited, with the reason). Supervisors only
    (``HANDLE_WARNINGS``); ``version`` as shown (a stale one is a ``Conflict``). What was done
    stays on the disposition, shown as the reopened handling, until the warning is handled again.
    A personnel warning (``case_id`` 0) is named by its ``subject``."""
    require(actor, Permission.HANDLE_WARNINGS)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Say why the handling is reopened."), field="reason"
        )
    as_of = as_of or store.clock.today()
    if subject:
        return reopen_officer_warning(store, actor, subject, code, version, reason, as_of)
    with store.unit_of_work() as uow:
        session = uow.session
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such case (id {id})."), id=case_id)
        require_agency(actor, case.agency_id)
        row = session.execute(
            select(WarningDisposition).where(
                WarningDisposition.case_id == case_id, WarningDisposition.code == code
            )
        ).scalar_one_or_none()
        if row is None or row.reopened_at is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Warning {code} of case {case_no} is not handled."),
                case_no=case.case_no,
                code=code,
            )
        check_version(row, version)
        before = {
            "code": code,
            "kind": row.kind,
            "note": row.note,
            "follow_up_on": row.follow_up_on,
            "handled_by": row.handled_by,
            "handled_at": row.handled_at,
        }
        row.reopened_at, row.reopened_by, row.reopen_reason = utc_iso(store.clock.now()), actor.name, reason
        audit.record(
            session,
            store,
            actor.name,
            "reopen_warning",
            "case",
            case_id,
            before=before,
            after={"code": code, "reason": reason},
            summary=f"{case.case_no} {code}",
        )
        session.flush()
        facts = repo.load_facts(session, [Case.id == case_id])[0]
        mine = list(load_handlings(session, [Case.id == case_id]).values())
        found = [
            f
            for f in case_findings(facts, as_of, load_limits(session), load_calendar(session), mine)
            if f.code == code
        ]
        if not found:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "Case {case_no} has no warning {code}."),
                case_no=case.case_no,
                code=code,
            )
        handling = next(h for h in mine if h.code == code)
        names = display_names(session, [handling.handled_by, handling.reopened_by])
        uow.commit()
        return warning_row(found[0], facts, handling, names)

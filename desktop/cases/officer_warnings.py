"""The personnel warnings in the warning centre (``cert_expiring``, ``cert_review_due``,
``cert_invalid_on_open_case``, ``training_short``): computed by the personnel area, listed with the
register's warnings with their 处置 (kept in ``warning_dispositions`` by officer and subject instead
of case), the follow-up of a 处置 whose date passed, and the writing and reopening of those 处置.

A warning's *subject* says which occurrence it is, so that a later one is a new warning: a
certificate's expiry (``cert:<number>``), one annual review (``cert:<number>:<due>``), an officer on
one case (``officer:<id>:<case_no>``), one year's training (``officer:<id>:<year>``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.accounts.names import display_names, shown
from desktop.accounts.service import check_version
from desktop.cases.dto import WarningKey, WarningRow
from desktop.cases.rules import ALL_WARNING_CODES, CODE_LEVELS, FOLLOW_UP_DUE, WARNING_TITLES
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP, current_language, translate
from desktop.core.paging import ListQuery
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import Officer, WarningAttachment, WarningDisposition
from desktop.models.db import Store
from desktop.personnel import cert_warnings
from desktop.personnel.cert_warnings import PERSONNEL_WARNING_CODES, PersonnelWarning, personnel_warnings

OFFICER_WARNING_CODES = PERSONNEL_WARNING_CODES
"""The personnel area's codes, listed after the register's."""

CENTRE_CODES = (*ALL_WARNING_CODES, *OFFICER_WARNING_CODES)
"""Every code the warning centre lists, in its order: the register's, then the personnel area's."""

CENTRE_TITLES = {**WARNING_TITLES, **cert_warnings.WARNING_TITLES}
"""Every code's name (context ``warnings``)."""

CENTRE_LEVELS = {
    **CODE_LEVELS,
    "cert_expiring": "yellow",
    "cert_review_due": "yellow",
    "cert_invalid_on_open_case": "red",
    "training_short": "yellow",
}
"""The level a code is usually raised at (an expired certificate or a missed review is red)."""

OFFICER_WARNINGS_DEPEND_ON = frozenset({"officers", "training", "settings", "warnings", "agencies", "cases"})
"""What they are computed from: certificates, training, the settings, the 处置, names, open cases."""

_MEMO_KEY = "officer_warnings"
_KEPT_SECONDS = 20.0
_CASE_FILTERS = frozenset({"category", "procedure", "stage", "filed_from", "filed_to"})

_FOLLOW_UP = QT_TRANSLATE_NOOP(
    "warnings", "The follow-up of the handling of {warning} ({officer}) was due on {due}."
)


def subject_of(w: PersonnelWarning) -> str:
    """Which occurrence of its code a personnel warning is (see the module docstring)."""
    if w.code == "cert_expiring":
        return f"cert:{w.number}"
    if w.code == "cert_review_due":
        return f"cert:{w.number}:{w.due.isoformat() if w.due else ''}"
    if w.code == "cert_invalid_on_open_case":
        return f"officer:{w.officer_id}:{w.case_no}"
    return f"officer:{w.officer_id}:{w.due.year if w.due else ''}"


@dataclass(frozen=True)
class _Found:
    """A personnel warning as found now: its row's facts and its subject."""

    warning: PersonnelWarning
    subject: str
    code: str
    due: date | None
    message: str
    level: str


def _found(
    as_of: date, warnings: Sequence[PersonnelWarning], handled: Mapping[tuple[str, str], Any]
) -> list[_Found]:
    out = []
    for w in warnings:
        subject = subject_of(w)
        out.append(_Found(w, subject, w.code, w.due, w.message, w.level))
        h = handled.get((subject, w.code))
        if h is not None and h.reopened_at is None and h.follow_up_on is not None and h.follow_up_on < as_of:
            title = translate("warnings", CENTRE_TITLES.get(w.code, w.code))
            message = translate("warnings", _FOLLOW_UP).format(
                warning=title, officer=w.officer, due=h.follow_up_on.isoformat()
            )
            out.append(_Found(w, subject, FOLLOW_UP_DUE, h.follow_up_on, message, "red"))
    return out


@lru_cache(maxsize=64)
def _title(language: str, code: str) -> str:
    """A code's name in ``language`` (looked up once per language and code)."""
    return translate("warnings", CENTRE_TITLES.get(code, code))


def _handles(d: WarningDisposition | None, f: _Found) -> bool:
    if d is None or d.reopened_at is not None:
        return False
    if f.code != FOLLOW_UP_DUE or f.due is None:
        return True
    return (d.handled_on or date.fromisoformat(d.handled_at[:10])) >= f.due


def _row(
    f: _Found, as_of: date, d: WarningDisposition | None, att: tuple | None, names: Mapping[str, str]
) -> WarningRow:
    w = f.warning
    return WarningRow(
        0,
        w.case_no,
        w.agency_id,
        w.agency,
        f.code,
        _title(current_language(), f.code),
        f.level,
        f.due,
        f.message,
        f.due or as_of,
        _handles(d, f),
        d.note if d else None,
        d.handled_by if d else None,
        d.handled_at if d else None,
        d.version if d else None,
        d.kind if d else None,
        d.follow_up_on if d else None,
        d.attachment_id if d else None,
        att[0] if att else None,
        att[1] if att else None,
        d.reopened_by if d else None,
        d.reopened_at if d else None,
        d.reopen_reason if d else None,
        shown(names, d.handled_by) if d else None,
        shown(names, d.reopened_by) if d and d.reopened_by else None,
        w.officer_id,
        w.officer,
        w.number,
        f.subject,
    )


def _dispositions(session: Session, officer_ids: set[int] | None) -> dict[tuple[str, str], tuple]:
    stmt = (
        select(WarningDisposition, WarningAttachment.name, WarningAttachment.sha256)
        .outerjoin(WarningAttachment, WarningAttachment.id == WarningDisposition.attachment_id)
        .where(WarningDisposition.subject.is_not(None))
    )
    out = {}
    for d, name, sha in session.execute(stmt):
        if officer_ids is None or d.officer_id in officer_ids:
            out[(d.subject or "", d.code)] = (d, (name, sha) if name else None)
    return out


def officer_warning_rows(store: Store, actor: Actor, query: ListQuery, as_of: date) -> tuple[WarningRow, ...]:
    """The personnel warnings with their 处置, for the warning list: none for a role that may not
    see officers, or when the query searches or filters the register by what only cases have."""
    if not actor.can(Permission.VIEW_OFFICERS) or query.search.strip():
        return ()
    if any(k in _CASE_FILTERS and v not in (None, "") for k, v in query.filters):
        return ()
    agency = query.filter("agency_id") or actor.scope_agency_id
    key = (_MEMO_KEY, actor.scope_agency_id, agency, as_of)
    kept = store.memo.get(key)
    if kept is not None:
        return kept
    rows = tuple(_rows_now(store, actor, as_of, agency))
    store.memo.put(key, rows, kinds=OFFICER_WARNINGS_DEPEND_ON, keep=8, ttl=_KEPT_SECONDS)
    return rows


def _rows_now(store: Store, actor: Actor, as_of: date, agency: int | None) -> list[WarningRow]:
    warnings = personnel_warnings(store, actor, as_of, agency_id=agency)
    with store.reading() as session:
        handled = _dispositions(session, None)
        found = _found(as_of, warnings, {k: v[0] for k, v in handled.items()})
        names = display_names(
            session, (n for d, _a in handled.values() for n in (d.handled_by, d.reopened_by))
        )
        out = []
        for f in found:
            d, att = handled.get((f.subject, f.code), (None, None))
            out.append(_row(f, as_of, d, att, names))
        return out


def forget_officer_warnings(store: Store) -> None:
    """Compute the personnel warnings afresh next time."""
    store.memo.drop((_MEMO_KEY,))


def current_officer_warnings(store: Store, actor: Actor, as_of: date) -> dict[tuple[str, str], _Found]:
    """The personnel warnings as of ``as_of`` by (subject, code), follow-ups included (read before
    a 处置 is written: what the user handles must exist)."""
    warnings = personnel_warnings(store, actor, as_of)
    with store.reading() as session:
        handled = {k: v[0] for k, v in _dispositions(session, None).items()}
        return {(f.subject, f.code): f for f in _found(as_of, warnings, handled)}


@dataclass(frozen=True)
class OfficerDisposal:
    """What a 处置 of personnel warnings writes (the note, kind and follow-up already checked)."""

    note: str
    kind: str | None
    follow_up_on: date | None
    attachment: Any | None
    keep_attachment: bool
    as_of: date


def write_officer_dispositions(
    session: Session,
    store: Store,
    actor: Actor,
    keys: Sequence[WarningKey],
    found: Mapping[tuple[str, str], _Found],
    disposal: OfficerDisposal,
) -> list[tuple[WarningKey, WarningDisposition, _Found]]:
    """Write the 处置 of personnel warnings in the caller's unit of work (each must exist and be
    in the actor's scope; a disposition written meanwhile is a ``Conflict``), one audit record each."""
    now = utc_iso(store.clock.now())
    existing = {
        (d.subject, d.code): d
        for d in session.execute(
            select(WarningDisposition).where(WarningDisposition.subject.in_({k.subject for k in keys}))
        ).scalars()
    }
    written, changes = [], []
    for k in keys:
        f = found.get((k.subject, k.code))
        if f is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "There is no warning {code} of {subject} any more."),
                code=k.code,
                subject=k.subject,
            )
        require_agency(actor, f.warning.agency_id)
        row = existing.get((k.subject, k.code))
        if row is not None:
            check_version(row, 0 if k.version is None else k.version)
        before = None if row is None else {"note": row.note, "handled_by": row.handled_by, "kind": row.kind}
        if row is None:
            row = WarningDisposition(
                case_id=None, officer_id=f.warning.officer_id, subject=k.subject, code=k.code
            )
            session.add(row)
        row.note, row.kind, row.follow_up_on = disposal.note, disposal.kind, disposal.follow_up_on
        row.handled_by, row.handled_at, row.handled_on = actor.name, now, disposal.as_of
        if disposal.attachment is not None or not disposal.keep_attachment:
            row.attachment_id = disposal.attachment.id if disposal.attachment is not None else None
        row.reopened_at = row.reopened_by = row.reopen_reason = None
        after: dict[str, Any] = {"code": k.code, "subject": k.subject, "note": disposal.note}
        if disposal.kind is not None:
            after["kind"] = disposal.kind
        if disposal.follow_up_on is not None:
            after["follow_up_on"] = disposal.follow_up_on
        if disposal.attachment is not None:
            after["attachment"] = {"name": disposal.attachment.name, "sha256": disposal.attachment.sha256}
        changes.append(
            audit.Change(
                "handle_warning",
                "officer",
                f.warning.officer_id,
                before=before,
                after=after,
                summary=f"{f.warning.officer} {k.code} {k.subject}",
            )
        )
        written.append((k, row, f))
    session.flush()
    audit.record_many(session, store, actor.name, changes)
    return written


def officer_rows_written(
    session: Session, written: Sequence[tuple[WarningKey, WarningDisposition, _Found]], as_of: date
) -> list[WarningRow]:
    """The rows of personnel warnings just handled."""
    names = display_names(session, [n for _k, d, _f in written for n in (d.handled_by, d.reopened_by)])
    out = []
    for _k, d, f in written:
        att = None
        if d.attachment_id is not None:
            a = session.get(WarningAttachment, d.attachment_id)
            att = (a.name, a.sha256) if a is not None else None
        out.append(_row(f, as_of, d, att, names))
    return out


def reopen_officer_warning(
    store: Store, actor: Actor, subject: str, code: str, version: int, reason: str, as_of: date
) -> WarningRow:
    """Undo the 处置 of a personnel warning (see ``desktop.cases.disposal.reopen_warning``)."""
    require(actor, Permission.HANDLE_WARNINGS)
    found = current_officer_warnings(store, actor, as_of)
    with store.unit_of_work() as uow:
        session = uow.session
        row = session.execute(
            select(WarningDisposition).where(
                WarningDisposition.subject == subject, WarningDisposition.code == code
            )
        ).scalar_one_or_none()
        if row is None or row.reopened_at is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Warning {code} of {subject} is not handled."),
                code=code,
                subject=subject,
            )
        officer = session.get(Officer, row.officer_id) if row.officer_id is not None else None
        if officer is not None:
            require_agency(actor, officer.agency_id)
        check_version(row, version)
        before = {
            "code": code,
            "subject": subject,
            "kind": row.kind,
            "note": row.note,
            "handled_by": row.handled_by,
        }
        row.reopened_at, row.reopened_by, row.reopen_reason = utc_iso(store.clock.now()), actor.name, reason
        audit.record(
            session,
            store,
            actor.name,
            "reopen_warning",
            "officer",
            row.officer_id or 0,
            before=before,
            after={"code": code, "subject": subject, "reason": reason},
            summary=f"{subject} {code}",
        )
        session.flush()
        f = found.get((subject, code))
        if f is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("errors", "There is no warning {code} of {subject} any more."),
                code=code,
                subject=subject,
            )
        rows = officer_rows_written(session, [(WarningKey(0, code, version, subject), row, f)], as_of)
        uow.commit()
        return rows[0]

"""Use cases of the 执法证 register: the certificates with their state on a date, one with its
history, and a dated event (暂停, 恢复, 年审, 换发, 补发, 注销, 吊销 …) recorded and audited.

Reading follows the officers' scope (an agency user sees their agency's certificates); events
need ``MANAGE_CERTIFICATES`` (trainers, supervisors, administrators).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import mask_resident_id
from desktop.core.paging import Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.models import Agency, Certificate, Officer
from desktop.models.db import Store
from desktop.personnel import certificate_history as history
from desktop.personnel import certificate_store as cstore
from desktop.personnel.certificate_history import Event
from desktop.personnel.dto import CertificateDetail, CertificateEventRow, CertificateRow
from desktop.personnel.qualification_settings import QualificationSettings, expiry_for, load_settings
from desktop.personnel.repository import find_agency

CERT_AUDITED = ("number", "issued_on", "expires_on", "status", "current")

NEW_NUMBER_EVENTS = frozenset({"renew", "replace"})
"""Events that close this number and issue the officer a new one."""


def list_certificates(
    store: Store,
    actor: Actor,
    *,
    agency: str | int | None = None,
    state: str | None = None,
    as_of: date | None = None,
    search: str = "",
    current_only: bool = False,
    review_due_by: date | None = None,
    expires_by: date | None = None,
    reveal_ids: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> Page[CertificateRow]:
    """Certificates with their state on ``as_of`` (default today), by agency and number; a
    scoped user sees their agency's only. ``review_due_by``: only those whose 年审 is due by then;
    ``expires_by``: only those expiring on or before then."""
    require(actor, Permission.VIEW_OFFICERS)
    as_of = as_of or store.clock.today()
    if state is not None and state not in history.STATES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "Unknown certificate state: {state}."), field="state", state=state
        )
    with store.reading() as session:
        settings = load_settings(session)
        stmt = _certificates_select()
        if agency not in (None, ""):
            agency_id = _agency_id(session, agency)
            require_agency(actor, agency_id)
            stmt = stmt.where(Officer.agency_id == agency_id)
        if actor.scope_agency_id is not None:
            stmt = stmt.where(Officer.agency_id == actor.scope_agency_id)
        if current_only:
            stmt = stmt.where(Certificate.current.is_(True))
        text = search.strip()
        if text:
            stmt = stmt.where((Officer.name.contains(text)) | (Certificate.number.contains(text)))
        reveal = reveal_ids and actor.can(Permission.VIEW_ID_NUMBERS)
        rows = [_row(c, o, a, as_of, settings, reveal) for c, o, a in session.execute(stmt)]
    if state:
        rows = [r for r in rows if r.state == state]
    if expires_by is not None:
        rows = [r for r in rows if r.expires <= expires_by]
    if review_due_by is not None:
        rows = [
            r
            for r in rows
            if r.state in ("valid", "suspended")
            and r.next_review is not None
            and r.next_review <= review_due_by
        ]
    end = None if limit is None else offset + limit
    return Page(tuple(rows[offset:end]), len(rows))


def get_certificate(
    store: Store, actor: Actor, number: str, *, as_of: date | None = None, reveal_ids: bool = False
) -> CertificateDetail:
    """One certificate with its whole history."""
    require(actor, Permission.VIEW_OFFICERS)
    as_of = as_of or store.clock.today()
    with store.reading() as session:
        cert = find_certificate(session, number)
        require_agency(actor, cert.officer.agency_id)
        return _detail(session, cert, as_of, reveal_ids and actor.can(Permission.VIEW_ID_NUMBERS))


def record_event(
    store: Store,
    actor: Actor,
    number: str,
    kind: str,
    on: date | None = None,
    reason: str = "",
    *,
    result: str | None = None,
    document_no: str | None = None,
    decided_by: str | None = None,
) -> CertificateDetail:
    """Record one dated event of a certificate; refused, naming the certificate's state on that
    date, when the history does not allow it. 换发 and 补发 close this number and issue the
    officer the next number of the pattern, valid for the configured years from ``on``."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    today = store.clock.today()
    on = on or today
    event = Event(kind, on, (reason or "").strip(), result, document_no, decided_by or actor.label)
    with store.unit_of_work() as uow:
        session = uow.session
        cert = find_certificate(session, number)
        officer = cert.officer
        require_agency(actor, officer.agency_id)
        before = _snapshot(cert)
        now = utc_iso(store.clock.now())
        cstore.append(cert, event, actor.name, now, today)
        successor = None
        if kind in NEW_NUMBER_EVENTS:
            successor = _issue_successor(session, cert, event, load_settings(session), actor.name, now)
        changes = [audit.Change("update", "certificate", cert.id, before, _snapshot(cert), cert.number)]
        if successor is not None:
            changes.append(
                audit.Change(
                    "create", "certificate", successor.id, None, _snapshot(successor), successor.number
                )
            )
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
        return _detail(session, cert, today, False)


def review_many(
    store: Store,
    actor: Actor,
    results: Iterable[tuple[str, str, str]],
    on: date | None = None,
    *,
    suspend_failures: bool = False,
) -> int:
    """Record a batch of 年审 results (number, ``pass``/``fail``, reason) in one unit of work, all
    or none; with ``suspend_failures`` every failed certificate is also suspended (暂停) that day."""
    require(actor, Permission.MANAGE_CERTIFICATES)
    today = store.clock.today()
    on = on or today
    with store.unit_of_work() as uow:
        session = uow.session
        now = utc_iso(store.clock.now())
        changes = []
        for number, result, reason in results:
            cert = find_certificate(session, number)
            require_agency(actor, cert.officer.agency_id)
            before = _snapshot(cert)
            cstore.append(
                cert, Event("review", on, reason, result, None, actor.label), actor.name, now, today
            )
            if suspend_failures and result == "fail":
                why = f"{_REVIEW_FAILED}：{reason}" if reason else _REVIEW_FAILED
                cstore.append(
                    cert, Event("suspend", on, why, None, None, actor.label), actor.name, now, today
                )
            changes.append(
                audit.Change("update", "certificate", cert.id, before, _snapshot(cert), cert.number)
            )
        audit.record_many(session, store, actor.name, changes)
        uow.commit()
        return len(changes)


_REVIEW_FAILED = "年审不合格"


def _issue_successor(
    session: Session,
    cert: Certificate,
    event: Event,
    settings: QualificationSettings,
    by: str,
    at: str,
) -> Certificate:
    number = cstore.next_number(session, settings, event.on.year)
    new = Certificate(
        number=number,
        issued_on=event.on,
        expires_on=expiry_for(event.on, settings.validity_years),
        status="active",
        current=True,
    )
    cert.current = False
    cert.officer.certificates.append(new)
    reason = f"{history.EVENT_TITLES[event.kind]}: {cert.number}"
    cstore.append(
        new, Event("issue", event.on, reason, None, event.document_no, event.decided_by), by, at, event.on
    )
    session.flush()
    return new


def _snapshot(cert: Certificate) -> dict:
    snap = audit.snapshot(cert, CERT_AUDITED)
    snap["events"] = [
        {
            "on": e.on.isoformat(),
            "kind": e.kind,
            "result": e.result,
            "reason": e.reason,
            "document_no": e.document_no,
        }
        for e in cert.events
    ]
    return snap


def _certificates_select() -> Select:
    return (
        select(Certificate, Officer, Agency)
        .join(Officer, Officer.id == Certificate.officer_id)
        .join(Agency, Agency.id == Officer.agency_id)
        .order_by(Agency.name, Certificate.number)
    )


def _agency_id(session: Session, agency: str | int) -> int:
    return find_agency(session, agency).id


def find_certificate(session: Session, number: str) -> Certificate:
    """A certificate by its number (NotFound names it)."""
    cert = session.execute(
        select(Certificate).where(Certificate.number == (number or "").strip())
    ).scalar_one_or_none()
    if cert is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No certificate numbered {number}."), number=number)
    return cert


def _row(
    cert: Certificate,
    officer: Officer,
    agency: Agency,
    as_of: date,
    settings: QualificationSettings,
    reveal: bool,
) -> CertificateRow:
    events = cstore.events_of(cert)
    return CertificateRow(
        cert.id,
        cert.number,
        officer.id,
        officer.name,
        officer.id_number if reveal else mask_resident_id(officer.id_number),
        agency.id,
        agency.name,
        history.state_on(events, as_of, cert.expires_on),
        cert.issued_on,
        cert.expires_on,
        cstore.next_review(events, settings),
        cert.current,
    )


def _detail(session: Session, cert: Certificate, as_of: date, reveal: bool) -> CertificateDetail:
    settings = load_settings(session)
    officer = cert.officer
    row = _row(cert, officer, officer.agency, as_of, settings, reveal)
    successor = None
    if history.last_state(cstore.events_of(cert)) == "superseded":
        later = [c for c in officer.certificates if c.issued_on >= cert.events[-1].on and c.id != cert.id]
        successor = later[-1].number if later else None
    events = tuple(
        CertificateEventRow(
            e.seq, e.on, e.kind, e.result, e.reason, e.document_no, e.decided_by, e.recorded_by
        )
        for e in cert.events
    )
    return CertificateDetail(row, events, successor)

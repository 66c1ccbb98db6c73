"""A certificate's history in the store: its events as ``Event`` values, a new event appended
(checked against the transition table), the status and validity intervals rewritten from the
events, the next 证号 of a year, and the history an officer's form or workbook starts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.models import Certificate, CertificateEvent, CertificateValidity, Officer
from desktop.personnel import certificate_history as history
from desktop.personnel.certificate_history import Event
from desktop.personnel.qualification_settings import (
    QualificationSettings,
    add_months,
    format_number,
    number_prefix,
)

FORM_EVENT = {"suspended": "suspend", "cancelled": "cancel", "revoked": "revoke", "active": "restore"}
"""The event an officer's form or workbook records when it sets a certificate's status."""


def states_on_date(session: Session, day: date, *, agency_id: int | None = None) -> dict[int, str]:
    """Every certificate's state on ``day`` (an agency's: ``agency_id``), from one query of the
    certificates and their events ordered by certificate, decided in one pass."""
    stmt = (
        select(
            Certificate.id,
            Certificate.expires_on,
            CertificateEvent.kind,
            CertificateEvent.on,
            CertificateEvent.result,
        )
        .outerjoin(CertificateEvent, CertificateEvent.certificate_id == Certificate.id)
        .order_by(Certificate.id, CertificateEvent.seq)
    )
    if agency_id is not None:
        stmt = stmt.join(Officer, Officer.id == Certificate.officer_id).where(Officer.agency_id == agency_id)
    return history.states_on(session.connection().execute(stmt), day)


def events_of(cert: Certificate) -> list[Event]:
    """The certificate's history, oldest first."""
    return [Event(e.kind, e.on, e.reason, e.result, e.document_no, e.decided_by) for e in cert.events]


def append(cert: Certificate, event: Event, recorded_by: str, recorded_at: str, today: date) -> None:
    """Append ``event`` after checking it (not after ``today``, possible on its date), then
    rewrite the status and validity."""
    if event.on > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An event cannot be dated after today ({date})."),
            field="date",
            date=event.on.isoformat(),
        )
    events = events_of(cert)
    history.check_event(events, event, cert.expires_on)
    _add(cert, event, recorded_by, recorded_at)
    refresh(cert)


def _add(cert: Certificate, event: Event, recorded_by: str, recorded_at: str) -> None:
    seq = (cert.events[-1].seq if cert.events else 0) + 1
    cert.events.append(
        CertificateEvent(
            seq=seq,
            kind=event.kind,
            on=event.on,
            result=event.result,
            reason=(event.reason or "").strip()[:200],
            document_no=event.document_no or None,
            decided_by=event.decided_by or None,
            recorded_by=recorded_by,
            recorded_at=recorded_at,
        )
    )


def refresh(cert: Certificate) -> None:
    """The status and the validity intervals from the events."""
    events = events_of(cert)
    cert.status = history.stored_status(events)
    wanted = history.valid_periods(events, cert.expires_on)
    have = [(p.valid_from, p.valid_to) for p in cert.periods]
    if have == wanted:
        return
    cert.periods.clear()
    for start, end in wanted:
        cert.periods.append(CertificateValidity(officer=cert.officer, valid_from=start, valid_to=end))


def next_review(events: list[Event], settings: QualificationSettings) -> date | None:
    """The date the next 年审 is due: the issue (or last passed review) plus the review interval;
    None for a certificate not in force."""
    if history.last_state(events) not in ("valid", "suspended"):
        return None
    base = None
    for e in events:
        if e.kind in ("issue", "record") or (e.kind == "review" and e.result == "pass"):
            base = e.on
    return add_months(base, settings.review_months) if base else None


def next_number(session: Session, settings: QualificationSettings, year: int) -> str:
    """The next free 证号 of ``year`` from the pattern (unique county-wide)."""
    prefix = number_prefix(settings.number_template, settings.region, year)
    taken = set(
        session.execute(select(Certificate.number).where(Certificate.number.like(prefix + "%"))).scalars()
    )
    seq = len(taken) + 1
    while True:
        number = format_number(settings.number_template, settings.region, year, seq)
        if number not in taken:
            return number
        seq += 1


def start_or_follow_form(
    cert: Certificate, status: str, today: date, recorded_by: str, recorded_at: str, reason: str
) -> None:
    """Keep the history in step with what an officer's form or workbook set.

    A certificate without history starts with 发证 on its issue date (and, when the form gives
    another status, that status on the same date: the date of a state entered that way is not
    known, so the certificate is taken as not valid on any date, as before histories). A changed
    issue date moves the 发证 event; a changed status is recorded as an event dated ``today``.
    """
    if not cert.events:
        _add(cert, Event("issue", cert.issued_on), recorded_by, recorded_at)
        if status in ("suspended", "cancelled", "revoked"):
            _add(cert, Event(FORM_EVENT[status], cert.issued_on, reason), recorded_by, recorded_at)
        refresh(cert)
        return
    first = cert.events[0]
    if first.kind in ("issue", "record") and first.on != cert.issued_on:
        later = cert.events[1].on if len(cert.events) > 1 else None
        if later is not None and cert.issued_on > later:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "The issue date {date} would come after the certificate's event of {later}."
                ),
                field="cert_issued_on",
                date=cert.issued_on.isoformat(),
                later=later.isoformat(),
            )
        first.on = cert.issued_on
    current = history.stored_status(events_of(cert))
    if status != current and status in FORM_EVENT:
        on = max(today, cert.events[-1].on)
        append(cert, Event(FORM_EVENT[status], on, reason), recorded_by, recorded_at, max(today, on))
    else:
        refresh(cert)

"""The personnel warnings of the warning centre (CLI.md's codes, the same shape as the case
warnings, ``case_no`` empty where no case applies): ``cert_expiring``, ``cert_review_due``,
``cert_invalid_on_open_case`` and ``training_short``, computed as of a date from the
certificates' histories and the training ledger (never stored)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import Select, Subquery, and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.core import i18n
from desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop.core.security import Actor, Permission, require
from desktop.models import (
    Agency,
    Case,
    CaseOfficer,
    Certificate,
    CertificateEvent,
    CertificateValidity,
    Officer,
    TrainingRecord,
)
from desktop.models.db import Store
from desktop.personnel import certificate_history as history
from desktop.personnel import certificate_store as cstore
from desktop.personnel.bulk_reads import as_date, collector_paused, day_memo, driver_rows
from desktop.personnel.certificate_history import PERSONNEL_WARNING_CODES, Event
from desktop.personnel.qualification_settings import QualificationSettings, add_months, load_settings

__all__ = ["PERSONNEL_WARNING_CODES", "PersonnelWarning", "personnel_warnings"]

WARNING_TITLES = {
    "cert_expiring": QT_TRANSLATE_NOOP("warnings", "Certificate expiring or expired"),
    "cert_review_due": QT_TRANSLATE_NOOP("warnings", "Annual review due"),
    "cert_invalid_on_open_case": QT_TRANSLATE_NOOP(
        "warnings", "Officer on an open case without a valid certificate"
    ),
    "training_short": QT_TRANSLATE_NOOP("warnings", "Training hours below the target"),
}


@dataclass(frozen=True)
class PersonnelWarning:
    """One personnel warning: the officer, their certificate number, the case where one applies."""

    code: str
    level: str
    agency_id: int
    agency: str
    officer_id: int
    officer: str
    number: str | None
    due: date | None
    message: str
    case_no: str = ""

    @property
    def title(self) -> str:
        """The warning's name in the current language."""
        return translate("warnings", WARNING_TITLES[self.code])


def personnel_warnings(
    store: Store, actor: Actor, as_of: date | None = None, *, agency_id: int | None = None
) -> tuple[PersonnelWarning, ...]:
    """Every personnel warning as of ``as_of`` (a scoped user: their agency's)."""
    require(actor, Permission.VIEW_OFFICERS)
    as_of = as_of or store.clock.today()
    scope = actor.scope_agency_id if actor.scope_agency_id is not None else agency_id
    with store.reading() as session, collector_paused():
        settings = load_settings(session)
        out = _certificate_warnings(session, as_of, settings, scope)
        out += _training_warnings(session, as_of, settings, scope)
    return tuple(out)


def _certificate_warnings(
    session: Session, as_of: date, settings: QualificationSettings, scope: int | None
) -> list[PersonnelWarning]:
    """The certificate warnings from one query: each current certificate that may warn (expiring
    within the lead time, its review base old enough, an event after ``as_of``, or its holder on an
    open case — the rest are left in the store) with its review base and the date comparisons the
    rules make (done by the database). A certificate whose events all lie on or before ``as_of`` is
    in the state its row's status names (the status is ``stored_status`` of the same events); the
    rare one with later events is decided from its events.

    The rows are the driver's own tuples (SQLAlchemy's per-row processing cost more than the
    database): a date is what the driver gives (ISO text on SQLite, ``date`` on PostgreSQL),
    turned into a ``date`` once per distinct value."""
    lead_expiry = as_of + timedelta(days=settings.expiry_lead_days)
    lead_review = as_of + timedelta(days=settings.review_lead_days)
    base_limit = add_months(lead_review, -settings.review_months) + timedelta(days=3)
    on_open = _open_case_officers(as_of, scope)
    ev = _event_summary()
    stmt = (
        select(
            Certificate.id,
            Certificate.number,
            Certificate.expires_on,
            Certificate.status,
            Officer.id,
            Officer.name,
            Officer.agency_id,
            ev.c.base,
            ev.c.last_on.is_(None),  # no events: state "none"
            ev.c.last_on > as_of,  # events after as_of: decided from the events
            Certificate.expires_on <= lead_expiry,
            Certificate.expires_on < as_of,
        )
        .select_from(Certificate)
        # "+ 0": SQLite then reads the certificates in order and finds each officer by id instead
        # of walking the officers by name and looking up each one's certificates (twice as slow)
        .join(Officer, Officer.id == Certificate.officer_id + 0)
        .join(Agency, Agency.id == Officer.agency_id)
        .outerjoin(ev, ev.c.cid == Certificate.id)
        .where(
            Certificate.current.is_(True),
            or_(
                Certificate.expires_on <= lead_expiry,
                ev.c.base <= base_limit,
                ev.c.last_on > as_of,
                ev.c.last_on.is_(None),
                Officer.id.in_(on_open),
            ),
        )
    )
    if scope is not None:
        stmt = stmt.where(Officer.agency_id == scope)
    agencies = dict(session.execute(select(Agency.id, Agency.name)).all())
    certs = driver_rows(session, stmt.order_by(Agency.name, Officer.name, Certificate.number))
    events = _later_events(session, [c[0] for c in certs if c[9]])
    open_cases = _open_cases(session, as_of, scope)
    on_cases = {c[1] for c in open_cases}
    day = day_memo()
    review_of = _review_memo(settings.review_months, as_of, lead_review)
    reviews: dict[date | str, tuple[date, str, str | None]] = {}
    expiring, expired, review = (_positional(t) for t in (_EXPIRING, _EXPIRED, _REVIEW))
    new, put = _new, _set
    out: list[PersonnelWarning] = []
    add = out.append
    states: dict[int, tuple[str | None, str]] = {}
    valid_officers: set[int] = set()
    # the warnings are built in place (not through _make): most certificates raise one
    for row in certs:
        cert_id, number, expires_raw, status, officer_id, officer, agency_id, base = row[:8]
        no_events, later, expiring_soon, past_expiry = row[8:]
        shown = number or ""
        if later:
            evs = events[cert_id]
            state = history.state_on(evs, as_of, day(expires_raw)[0])
            next_due = cstore.next_review(evs, settings)
            due = None if next_due is None else review_of(next_due, True)
        else:
            if no_events:
                state = "none"
            else:
                state = _STATE_OF_STATUS.get(status, status)
                if state == "valid" and past_expiry:
                    state = "expired"
            due = None
            if base is not None and (status == "active" or status == "suspended"):
                due = reviews.get(base)
                if due is None:
                    due = reviews[base] = review_of(base, False)
        if officer_id in on_cases:
            states[officer_id] = (number, state)
            if state == "valid":
                valid_officers.add(officer_id)
        if (state == "valid" and expiring_soon) or state == "expired":
            expires_on, iso = day(expires_raw)
            w = new(PersonnelWarning)
            put(
                w,
                "__dict__",
                {
                    "code": "cert_expiring",
                    "level": "yellow" if state == "valid" else "red",
                    "agency_id": agency_id,
                    "agency": agencies[agency_id],
                    "officer_id": officer_id,
                    "officer": officer,
                    "number": number,
                    "due": expires_on,
                    "message": (expiring if state == "valid" else expired)(officer, shown, iso),
                    "case_no": "",
                },
            )
            add(w)
        if due is not None and due[2] is not None and (state == "valid" or state == "suspended"):
            w = new(PersonnelWarning)
            put(
                w,
                "__dict__",
                {
                    "code": "cert_review_due",
                    "level": due[2],
                    "agency_id": agency_id,
                    "agency": agencies[agency_id],
                    "officer_id": officer_id,
                    "officer": officer,
                    "number": number,
                    "due": due[0],
                    "message": review(officer, shown, due[1]),
                    "case_no": "",
                },
            )
            add(w)
    if not open_cases:
        return out
    valid_officers |= set(
        session.execute(
            select(CertificateValidity.officer_id).where(
                CertificateValidity.valid_from <= as_of,
                CertificateValidity.valid_to >= as_of,
                CertificateValidity.officer_id.in_(on_open),
            )
        ).scalars()
    )
    for case_no, officer_id, officer, agency_id, agency in open_cases:
        if officer_id in valid_officers:
            continue
        cert_number, state = states.get(officer_id, (None, "none"))
        case_base: tuple = (agency_id, agency, officer_id, officer, cert_number)
        out.append(
            _w(
                "cert_invalid_on_open_case",
                "red",
                case_base,
                None,
                _translated(_INVALID),
                case_no=case_no,
                names=officer,
                state=translate("certs", history.STATE_TITLES[state]),
            )
        )
    return out


def _event_summary() -> Subquery:
    """Per certificate: its last event's date (``last_on``) and its review base (``base``: the
    last 发证, 备案 or passed 年审)."""
    review_kind = or_(
        CertificateEvent.kind.in_(("issue", "record")),
        and_(CertificateEvent.kind == "review", CertificateEvent.result == "pass"),
    )
    return (
        select(
            CertificateEvent.certificate_id.label("cid"),
            func.max(CertificateEvent.on).label("last_on"),
            func.max(case((review_kind, CertificateEvent.on))).label("base"),
        )
        .group_by(CertificateEvent.certificate_id)
        .subquery()
    )


def _later_events(session: Session, cert_ids: list[int]) -> dict[int, list[Event]]:
    """The histories of the certificates ``cert_ids`` (those with an event after the day asked)."""
    events: dict[int, list[Event]] = defaultdict(list)
    for start in range(0, len(cert_ids), 900):
        for cert_id, kind, on, result in session.execute(
            select(
                CertificateEvent.certificate_id,
                CertificateEvent.kind,
                CertificateEvent.on,
                CertificateEvent.result,
            )
            .where(CertificateEvent.certificate_id.in_(cert_ids[start : start + 900]))
            .order_by(CertificateEvent.certificate_id, CertificateEvent.seq)
        ):
            events[cert_id].append(Event(kind, on, "", result))
    return events


def _positional(template: str) -> Callable[[str, str, str], str]:
    """A message template of ``{officer}``, ``{number}`` and ``{date}`` in the current language as
    a function of the three, formatted by position (twice as fast as by keyword); by keyword when
    the translation holds anything else."""
    text = _translated(template)
    fast = text.replace("{officer}", "{0}").replace("{number}", "{1}").replace("{date}", "{2}")
    probe = ("\x01", "\x02", "\x03")
    try:
        same = fast.format(*probe) == text.format(officer=probe[0], number=probe[1], date=probe[2])
    except (IndexError, KeyError, ValueError):
        same = False
    if same:
        return fast.format
    return lambda officer, number, day: text.format(officer=officer, number=number, date=day)


def _review_memo(
    months: int, as_of: date, lead_review: date
) -> Callable[[date | str, bool], tuple[date, str, str | None]]:
    """The annual review due after a review base (``is_due``: the base's date is the due date
    itself): (due date, ISO text, the warning's level — None when not yet within the lead time),
    remembered per distinct value (many certificates share a base)."""
    memo: dict[tuple[date | str, bool], tuple[date, str, str | None]] = {}

    def review(value: date | str, is_due: bool) -> tuple[date, str, str | None]:
        found = memo.get((value, is_due))
        if found is None:
            base = as_date(value)
            due = base if is_due else add_months(base, months)
            level = None if due > lead_review else "red" if due < as_of else "yellow"
            found = memo[(value, is_due)] = (due, due.isoformat(), level)
        return found

    return review


_STATE_OF_STATUS = {v: k for k, v in history.STORED_STATUS.items()}
"""The state a certificate row's status names (``active``: valid)."""


def _open_case_officers(as_of: date, scope: int | None) -> Select:
    """The officers on a case open on ``as_of`` (a subquery)."""
    stmt = (
        select(CaseOfficer.officer_id)
        .join(Case, Case.id == CaseOfficer.case_id)
        .where(Case.filed_on <= as_of, (Case.closed_on.is_(None)) | (Case.closed_on > as_of))
    )
    if scope is not None:
        stmt = stmt.where(Case.agency_id == scope)
    return stmt


def _open_cases(session: Session, as_of: date, scope: int | None) -> list[tuple]:
    stmt = (
        select(Case.case_no, Officer.id, Officer.name, Agency.id, Agency.name)
        .join(CaseOfficer, CaseOfficer.case_id == Case.id)
        .join(Officer, Officer.id == CaseOfficer.officer_id)
        .join(Agency, Agency.id == Case.agency_id)
        .where(Case.filed_on <= as_of, (Case.closed_on.is_(None)) | (Case.closed_on > as_of))
        .order_by(Case.case_no, CaseOfficer.position)
    )
    if scope is not None:
        stmt = stmt.where(Case.agency_id == scope)
    return [tuple(r) for r in session.execute(stmt)]


def _training_warnings(
    session: Session, as_of: date, settings: QualificationSettings, scope: int | None
) -> list[PersonnelWarning]:
    year = as_of.year
    month, day = (int(p) for p in settings.training_short_from.split("-"))
    if as_of < date(year, month, day):
        return []
    first, last = date(year, 1, 1), date(year, 12, 31)
    kept = session.execute(
        select(func.count())
        .select_from(TrainingRecord)
        .where(TrainingRecord.on >= first, TrainingRecord.on <= last)
    ).scalar_one()
    if not kept:  # no ledger kept this year: nothing to compare
        return []
    hours = (
        select(TrainingRecord.officer_id, func.sum(TrainingRecord.hours).label("h"))
        .where(TrainingRecord.on >= first, TrainingRecord.on <= min(as_of, last))
        .group_by(TrainingRecord.officer_id)
        .subquery()
    )
    stmt = (
        select(
            Officer.id, Officer.name, Agency.id, Agency.name, func.coalesce(hours.c.h, 0), Certificate.number
        )
        .join(Agency, Agency.id == Officer.agency_id)
        .outerjoin(hours, hours.c.officer_id == Officer.id)
        .outerjoin(Certificate, (Certificate.officer_id == Officer.id) & Certificate.current.is_(True))
        .order_by(Agency.name, Officer.name)
    )
    if scope is not None:
        stmt = stmt.where(Officer.agency_id == scope)
    out = []
    short = _translated(_SHORT)
    for officer_id, officer, agency_id, agency, total, number in session.execute(stmt):
        h = Decimal(str(total))
        if h < settings.training_target:
            base = (agency_id, agency, officer_id, officer, number)
            out.append(
                _w(
                    "training_short",
                    "yellow",
                    base,
                    last,
                    short,
                    hours=f"{h:g}",
                    target=settings.training_target,
                )
            )
    return out


_EXPIRING = QT_TRANSLATE_NOOP("warnings", "{officer}'s certificate {number} expires on {date}.")
_EXPIRED = QT_TRANSLATE_NOOP(
    "warnings", "{officer}'s certificate {number} expired on {date} and was not renewed."
)
_REVIEW = QT_TRANSLATE_NOOP(
    "warnings", "{officer}'s certificate {number} is due for its annual review on {date}."
)
_INVALID = QT_TRANSLATE_NOOP(
    "warnings", "{names} works on open case {case_no} but the certificate is {state}."
)
_SHORT = QT_TRANSLATE_NOOP(
    "warnings", "{officer} has {hours} training hours this year; the target is {target}."
)


@lru_cache(maxsize=64)
def _translated_in(language: str, template: str) -> str:
    return translate("warnings", template)


def _translated(template: str) -> str:
    """A message template in the current language (looked up once per language)."""
    return _translated_in(i18n.current_language(), template)


def _w(
    code: str,
    level: str,
    base: tuple,
    due: date | None,
    text: str,
    *,
    case_no: str = "",
    **params: object,
) -> PersonnelWarning:
    """A warning with its message (``text``: the translated template)."""
    agency_id, agency, officer_id, officer, number = base
    message = text.format(officer=officer, number=number or "", case_no=case_no, **params)
    return _make(code, level, agency_id, agency, officer_id, officer, number, due, message, case_no)


def _make(
    code: str,
    level: str,
    agency_id: int,
    agency: str,
    officer_id: int,
    officer: str,
    number: str | None,
    due: date | None,
    message: str,
    case_no: str = "",
) -> PersonnelWarning:
    """A warning from its fields: a frozen dataclass's __init__ sets each field through
    object.__setattr__; giving the instance its dict at once is the same object, made several
    times faster (100,000 warnings)."""
    w = _new(PersonnelWarning)
    _set(
        w,
        "__dict__",
        {
            "code": code,
            "level": level,
            "agency_id": agency_id,
            "agency": agency,
            "officer_id": officer_id,
            "officer": officer,
            "number": number,
            "due": due,
            "message": message,
            "case_no": case_no,
        },
    )
    return w


_new = object.__new__
_set = object.__setattr__
assert [f.name for f in fields(PersonnelWarning)] == [
    "code",
    "level",
    "agency_id",
    "agency",
    "officer_id",
    "officer",
    "number",
    "due",
    "message",
    "case_no",
], "_w fills every field"

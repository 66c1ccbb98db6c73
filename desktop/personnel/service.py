"""Use cases for agencies (执法主体) and officers (执法人员): list, add, change.

Each function checks the actor's permission and agency scope, opens one unit of work,
writes an audit record with the change, and returns frozen rows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop.accounts import audit
from desktop.core.clock import utc_iso
from desktop.core.errors import NotFound, ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.identifiers import mask_resident_id
from desktop.core.paging import ListQuery, Page
from desktop.core.security import Actor, Permission, require, require_agency
from desktop.core.validation import raise_first
from desktop.core.versioning import check_version
from desktop.models import Agency, Certificate, Officer, User
from desktop.models.db import Store
from desktop.personnel import repository as repo
from desktop.personnel.dto import AgencyInput, AgencyRow, OfficerInput, OfficerRow
from desktop.personnel.rules import clean_agency, clean_officer

AGENCY_FIELDS_AUDITED = ("name", "short_name", "credit_code", "field", "level")
OFFICER_FIELDS_AUDITED = ("name", "id_number", "gender", "agency_id", "position", "category", "region")
CERT_FIELDS_AUDITED = ("number", "issued_on", "expires_on", "status")


# ---------------------------------------------------------------------------- agencies


def list_agencies(store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None)) -> Page[AgencyRow]:
    """Agencies with officer counts, searched, filtered and sorted in SQL."""
    require(actor, Permission.VIEW_AGENCIES)
    with store.reading() as session:
        rows, total = repo.agencies_page(session, query)
        return Page(tuple(_agency_row(a, n) for a, n in rows), total)


def get_agency(store: Store, actor: Actor, agency_id: int) -> AgencyRow:
    """One agency."""
    require(actor, Permission.VIEW_AGENCIES)
    with store.reading() as session:
        agency = repo.find_agency(session, agency_id)
        return _agency_row(agency, _officer_count(session, agency.id))


def create_agency(store: Store, actor: Actor, data: AgencyInput) -> AgencyRow:
    """Add an agency after checking its fields and that its names are unique."""
    require(actor, Permission.EDIT_AGENCIES)
    data, problems = clean_agency(data)
    raise_first(problems)
    with store.unit_of_work() as uow:
        _check_agency_unique(uow.session, data, None)
        agency = Agency(**{f: getattr(data, f) for f in AGENCY_FIELDS_AUDITED})
        stamp(agency, store, actor)
        uow.session.add(agency)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "create",
            "agency",
            agency.id,
            after=audit.snapshot(agency, AGENCY_FIELDS_AUDITED),
            summary=agency.name,
        )
        uow.commit()
        return _agency_row(agency, 0)


def update_agency(store: Store, actor: Actor, agency_id: int, version: int, data: AgencyInput) -> AgencyRow:
    """Change an agency; refused when someone else changed it since ``version`` was read."""
    require(actor, Permission.EDIT_AGENCIES)
    data, problems = clean_agency(data)
    raise_first(problems)
    with store.unit_of_work() as uow:
        agency = repo.find_agency(uow.session, agency_id)
        check_version(agency, version)
        _check_agency_unique(uow.session, data, agency.id)
        before = audit.snapshot(agency, AGENCY_FIELDS_AUDITED)
        for f in AGENCY_FIELDS_AUDITED:
            setattr(agency, f, getattr(data, f))
        stamp(agency, store, actor)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "update",
            "agency",
            agency.id,
            before=before,
            after=audit.snapshot(agency, AGENCY_FIELDS_AUDITED),
            summary=agency.name,
        )
        uow.commit()
        return _agency_row(agency, _officer_count(uow.session, agency.id))


def delete_agency(store: Store, actor: Actor, agency_id: int, version: int) -> None:
    """Remove an agency that has no officers and no accounts."""
    require(actor, Permission.EDIT_AGENCIES)
    with store.unit_of_work() as uow:
        session = uow.session
        agency = repo.find_agency(session, agency_id)
        check_version(agency, version)
        users = session.execute(
            select(func.count()).select_from(User).where(User.agency_id == agency.id)
        ).scalar_one()
        if _officer_count(session, agency.id) or users:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "errors", "{agency} still has officers or accounts; move or remove them first."
                ),
                field="agency",
                agency=agency.name,
            )
        before = audit.snapshot(agency, AGENCY_FIELDS_AUDITED)
        session.delete(agency)
        audit.record(
            session, store, actor.name, "delete", "agency", agency_id, before=before, summary=agency.name
        )
        uow.commit()


def _check_agency_unique(session: Session, data: AgencyInput, own_id: int | None) -> None:
    """Names and short names share one namespace: neither may be another agency's name or short
    name (a row naming it would land in the wrong agency)."""
    for field, value in (("name", data.name), ("short_name", data.short_name)):
        if not value:
            continue
        if any(other != own_id for other, _name in repo.agencies_named(session, [value])):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Another agency is already called {name}."),
                field=field,
                name=value,
            )


def _officer_count(session: Session, agency_id: int) -> int:
    return session.execute(
        select(func.count()).select_from(Officer).where(Officer.agency_id == agency_id)
    ).scalar_one()


def _agency_row(agency: Agency, officers: int) -> AgencyRow:
    return AgencyRow(
        agency.id,
        agency.name,
        agency.short_name,
        agency.credit_code,
        agency.field,
        agency.level,
        officers,
        agency.version,
        agency.updated_at,
        agency.updated_by,
    )


# ---------------------------------------------------------------------------- officers


def list_officers(
    store: Store, actor: Actor, query: ListQuery = ListQuery(limit=None), *, reveal_ids: bool = False
) -> Page[OfficerRow]:
    """Officers with their current certificate; a scoped user sees only their agency (and is
    refused when the filter names another)."""
    require(actor, Permission.VIEW_OFFICERS)
    if query.filter("agency_id"):
        require_agency(actor, query.filter("agency_id"))
    reveal = reveal_ids and _may_reveal(actor)
    with store.reading() as session:
        rows, total = repo.officers_page(
            session, query, store.clock.today(), actor.scope_agency_id, by_id_number=_may_reveal(actor)
        )
        return Page(tuple(_officer_row(r, reveal) for r in rows), total)


def get_officer(store: Store, actor: Actor, officer_id: int, *, reveal_ids: bool = False) -> OfficerRow:
    """One officer (the whole ID number only for roles that need it)."""
    require(actor, Permission.VIEW_OFFICERS)
    with store.reading() as session:
        row = session.execute(
            repo.officers_select(store.clock.today()).where(Officer.id == officer_id)
        ).first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such officer (id {id})."), id=officer_id)
        require_agency(actor, row.agency_id)
        return _officer_row(row, reveal_ids and _may_reveal(actor))


def create_officer(store: Store, actor: Actor, data: OfficerInput) -> OfficerRow:
    """Add an officer and, when a 证号 is given, their certificate."""
    require(actor, Permission.EDIT_OFFICERS)
    data, problems = clean_officer(data, store.clock.today())
    raise_first(problems)
    with store.unit_of_work() as uow:
        agency = repo.find_agency(uow.session, data.agency)
        require_agency(actor, agency.id)
        _check_officer_unique(uow.session, data, None)
        officer = Officer(agency_id=agency.id)
        apply_officer(officer, data, agency)
        stamp(officer, store, actor)
        uow.session.add(officer)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "create",
            "officer",
            officer.id,
            after=officer_snapshot(officer),
            summary=officer.name,
        )
        uow.commit()
        officer_id = officer.id
    return get_officer(store, actor, officer_id, reveal_ids=True)


def update_officer(
    store: Store, actor: Actor, officer_id: int, version: int, data: OfficerInput
) -> OfficerRow:
    """Change an officer and their current certificate (optimistic lock on the officer)."""
    require(actor, Permission.EDIT_OFFICERS)
    with store.unit_of_work() as uow:
        officer = uow.session.get(Officer, officer_id)
        if officer is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No such officer (id {id})."), id=officer_id)
        require_agency(actor, officer.agency_id)
        if not _may_reveal(actor) and data.id_number == mask_resident_id(officer.id_number):
            data = replace(data, id_number=officer.id_number)  # shown masked: kept as stored
        data, problems = clean_officer(data, store.clock.today())
        raise_first(problems)
        check_version(officer, version)
        agency = repo.find_agency(uow.session, data.agency)
        require_agency(actor, agency.id)
        _check_officer_unique(uow.session, data, officer.id)
        before = officer_snapshot(officer)
        apply_officer(officer, data, agency)
        stamp(officer, store, actor)
        uow.session.flush()
        audit.record(
            uow.session,
            store,
            actor.name,
            "update",
            "officer",
            officer.id,
            before=before,
            after=officer_snapshot(officer),
            summary=officer.name,
        )
        uow.commit()
    return get_officer(store, actor, officer_id, reveal_ids=True)


def officer_snapshot(officer: Officer) -> dict:
    """An officer and their current certificate, for the audit record."""
    snap = audit.snapshot(officer, OFFICER_FIELDS_AUDITED)
    cert = officer.current_certificate()
    snap["certificate"] = audit.snapshot(cert, CERT_FIELDS_AUDITED) if cert else None
    return snap


def apply_officer(officer: Officer, data: OfficerInput, agency: Agency) -> None:
    """Copy an input onto an officer; a new 证号 supersedes the current certificate."""
    officer.name, officer.id_number, officer.gender = data.name, data.id_number, data.gender
    officer.agency_id, officer.position = agency.id, data.position
    officer.category, officer.region = data.category, data.region
    cert = officer.current_certificate()
    if not data.cert_number:
        if cert is not None:
            cert.current = False
        return
    if data.cert_issued_on is None or data.cert_expires_on is None:
        raise ValueError("a certificate without its dates (rules.clean_officer refuses those)")
    if cert is None or cert.number != data.cert_number:
        if cert is not None:
            cert.current = False
        cert = Certificate(number=data.cert_number, current=True)
        officer.certificates.append(cert)
    cert.issued_on, cert.expires_on, cert.status = (
        data.cert_issued_on,
        data.cert_expires_on,
        data.cert_status,
    )


def _check_officer_unique(session: Session, data: OfficerInput, own_id: int | None) -> None:
    other = session.execute(
        select(Officer.id).where(Officer.id_number == data.id_number)
    ).scalar_one_or_none()
    if other is not None and other != own_id:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "An officer with ID number {number} is already registered."),
            field="id_number",
            number=mask_resident_id(data.id_number),
        )
    if data.cert_number:
        holder = session.execute(
            select(Certificate.officer_id).where(Certificate.number == data.cert_number)
        ).scalar_one_or_none()
        if holder is not None and holder != own_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "Certificate number {number} belongs to another officer."),
                field="cert_number",
                number=data.cert_number,
            )


def _may_reveal(actor: Actor) -> bool:
    return actor.can(Permission.VIEW_ID_NUMBERS)


def _officer_row(row: Row[Any], reveal: bool) -> OfficerRow:
    return OfficerRow(
        row.id,
        row.name,
        row.id_number if reveal else mask_resident_id(row.id_number),
        row.gender,
        row.agency_id,
        row.agency_name,
        row.position,
        row.category,
        row.region,
        row.cert_number,
        row.cert_issued_on,
        row.cert_expires_on,
        row.cert_state,
        row.version,
        row.updated_at,
        row.updated_by,
    )


def stamp(row: Agency | Officer, store: Store, actor: Actor) -> None:
    """Mark who changed a row and when, and give it a new version even when only an officer's
    certificate changed (another workstation holding it then sees it changed)."""
    row.updated_at, row.updated_by = utc_iso(store.clock.now()), actor.name
    flag_modified(row, "updated_at")  # an UPDATE even when the clock stood still

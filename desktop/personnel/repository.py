"""Queries over agencies, officers and certificates: lookups and pages (sorted, searched in SQL)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import NotFound
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paging import ListQuery
from desktop.models import Agency, Certificate, Officer
from desktop.models.queries import dialect_of, fetch_page, has_latin_or_digits, search_clause

EXPIRY_WARNING_DAYS = 60
"""A certificate expiring within this many days is shown as approaching (configurable later)."""


def find_agency(session: Session, key: str | int) -> Agency:
    """An agency by id, full name or short name (a full name first: a store written before names
    and short names shared one namespace may hold one agency's short name as another's name)."""
    if isinstance(key, int):
        agency = session.get(Agency, key)
    else:
        text = str(key).strip()
        agency = session.execute(select(Agency).where(Agency.name == text)).scalar_one_or_none()
        if agency is None:
            agency = session.execute(select(Agency).where(Agency.short_name == text)).scalar_one_or_none()
    if agency is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Unknown agency: {agency}."), agency=key)
    return agency


def agency_names(session: Session) -> dict[str, int]:
    """Every agency's full and short name → id (for imports); a full name wins over another
    agency's equal short name, as in ``find_agency``."""
    rows = session.execute(select(Agency.id, Agency.name, Agency.short_name)).all()
    names: dict[str, int] = {short: agency_id for agency_id, _name, short in rows if short}
    names.update({name: agency_id for agency_id, name, _short in rows})
    return names


def agencies_named(session: Session, keys: list[str]) -> list[tuple[int, str]]:
    """The (id, name) of every agency whose full or short name is one of ``keys``."""
    if not keys:
        return []
    stmt = select(Agency.id, Agency.name).where(or_(Agency.name.in_(keys), Agency.short_name.in_(keys)))
    return [(agency_id, name) for agency_id, name in session.execute(stmt)]


def agencies_page(session: Session, query: ListQuery) -> tuple[list, int]:
    """A page of agencies with their officer counts."""
    counts = select(Officer.agency_id, func.count().label("n")).group_by(Officer.agency_id).subquery()
    stmt: Select = select(Agency, func.coalesce(counts.c.n, 0)).outerjoin(
        counts, counts.c.agency_id == Agency.id
    )
    clause = search_clause(
        query.search, [Agency.name, Agency.short_name, Agency.credit_code], dialect_of(session)
    )
    if clause is not None:
        stmt = stmt.where(clause)
    if query.filter("field"):
        stmt = stmt.where(Agency.field == query.filter("field"))
    sorts = {
        "name": Agency.name,
        "short_name": Agency.short_name,
        "field": Agency.field,
        "level": Agency.level,
        "officer_count": func.coalesce(counts.c.n, 0),
        "credit_code": Agency.credit_code,
    }
    return fetch_page(session, stmt, query, sorts, [Agency.name], Agency.id)


def cert_state_expr(today: date) -> ColumnElement[str]:
    """SQL for an officer's certificate state on ``today`` (see ``OfficerRow.cert_state``)."""
    soon = today + timedelta(days=EXPIRY_WARNING_DAYS)
    return case(
        (Certificate.id.is_(None), literal("none")),
        (Certificate.status != "active", Certificate.status),
        (Certificate.expires_on < today, literal("expired")),
        (Certificate.expires_on <= soon, literal("expiring")),
        else_=literal("valid"),
    )


def officers_select(today: date) -> Select:
    """Officers with their agency and current certificate, one row each (columns, not entities)."""
    return _with_certificate(
        select(
            Officer.id,
            Officer.name,
            Officer.id_number,
            Officer.gender,
            Officer.agency_id,
            Agency.name.label("agency_name"),
            Officer.position,
            Officer.category,
            Officer.region,
            Certificate.number.label("cert_number"),
            Certificate.issued_on.label("cert_issued_on"),
            Certificate.expires_on.label("cert_expires_on"),
            cert_state_expr(today).label("cert_state"),
            Officer.version,
            Officer.updated_at,
            Officer.updated_by,
        ).join(Agency, Agency.id == Officer.agency_id)
    )


def _with_certificate(stmt: Select) -> Select:
    return stmt.outerjoin(
        Certificate, and_(Certificate.officer_id == Officer.id, Certificate.current.is_(True))
    )


def officers_page(
    session: Session,
    query: ListQuery,
    today: date,
    scope_agency_id: int | None,
    *,
    by_id_number: bool = True,
) -> tuple[list, int]:
    """A page of officers: search (name, 身份证号, 证号), filters (agency, cert state), sort.

    Without ``by_id_number`` (a role that sees the 身份证号 masked) neither the search nor the
    order reads the number: searching or sorting by digits one cannot see would reveal them.
    """
    conditions = []
    columns = [Officer.name]
    if has_latin_or_digits(query.search):  # Chinese text can only be (part of) a name
        columns += [Officer.id_number, Certificate.number] if by_id_number else [Certificate.number]
    clause = search_clause(query.search, columns, dialect_of(session))
    if clause is not None:
        conditions.append(clause)
    agency_id = scope_agency_id if scope_agency_id is not None else query.filter("agency_id")
    if agency_id:
        conditions.append(Officer.agency_id == agency_id)
    if query.filter("cert_state"):
        conditions.append(cert_state_expr(today) == query.filter("cert_state"))
    stmt = officers_select(today).where(*conditions)
    # Every officer has one agency and at most one current certificate: the count joins the
    # certificates only when a condition reads them, and never the agencies.
    count_stmt = select(Officer.id).where(*conditions)
    if len(columns) > 1 or query.filter("cert_state"):
        count_stmt = _with_certificate(count_stmt)
    sorts = {
        "name": Officer.name,
        "agency_name": Agency.name,
        "gender": Officer.gender,
        "position": Officer.position,
        "category": Officer.category,
        "cert_number": Certificate.number,
        "cert_issued_on": Certificate.issued_on,
        "cert_expires_on": Certificate.expires_on,
        "updated_at": Officer.updated_at,
    }
    if by_id_number:
        sorts["id_number"] = Officer.id_number
    return fetch_page(session, stmt, query, sorts, [Officer.id], Officer.id, count_stmt)

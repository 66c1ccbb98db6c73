"""Queries over the case register: pages, the facts the warning rules read, lookups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, bindparam, exists, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.cases import terms
from desktop.cases.power_facts import (
    LENIENT,
    agencies_with_penalty_powers,
    filed_by,
    power_candidates,
    power_versions,
    prior_penalties,
    repeat_candidates,
)
from desktop.cases.rules import CaseFacts, Limits, Suspension
from desktop.core.paging import ListQuery
from desktop.models import (
    Agency,
    Case,
    CaseOfficer,
    CaseSuspension,
    Certificate,
    CertificateValidity,
    FootageFile,
    Officer,
    Power,
    bigrams,
)
from desktop.models.queries import dialect_of, fetch_page, indexed_search_clause, search_clause
from desktop.personnel import certificate_history as history
from desktop.personnel.certificate_history import Event

SEARCH_COLUMNS = (Case.case_no, Case.party, Case.cause)
"""What the register's search looks in, in the order of the index of pairs."""
CASE_SORTS = {
    "case_no": Case.case_no,
    "agency_name": Agency.name,
    "category": Case.category,
    "procedure": Case.procedure,
    "stage": Case.stage,
    "cause": Case.cause,
    "party": Case.party,
    "filed_on": Case.filed_on,
    "decided_on": Case.decided_on,
    "closed_on": Case.closed_on,
    "amount": Case.amount,
    "officer_count": Case.officer_count,
}


def date_plus(column: Any, days: Any, dialect: str) -> ColumnElement[Any]:
    """``column`` + ``days`` days in SQL (``days`` an int or an integer column)."""
    if dialect == "sqlite":
        return func.date(column, literal("+").concat(days).concat(literal(" days")))
    return column + days


def case_conditions(session: Session, query: ListQuery, scope_agency_id: int | None) -> list[Any]:
    """The WHERE conditions of the register's filters and search (all on indexed columns)."""
    conditions: list[Any] = []
    agency_id = scope_agency_id if scope_agency_id is not None else query.filter("agency_id")
    if agency_id:
        conditions.append(Case.agency_id == agency_id)
    for name, column in (("category", Case.category), ("procedure", Case.procedure), ("stage", Case.stage)):
        if query.filter(name):
            conditions.append(column == query.filter(name))
    if query.filter("filed_from"):
        conditions.append(Case.filed_on >= query.filter("filed_from"))
    if query.filter("filed_to"):
        conditions.append(Case.filed_on <= query.filter("filed_to"))
    clause = indexed_search_clause(session, query.search, SEARCH_COLUMNS, Case.id)
    if clause is not None:
        conditions.append(clause)
    return conditions


def cases_select() -> Select:
    """The register's columns, one row a case."""
    return select(
        Case.id,
        Case.case_no,
        Case.agency_id,
        Agency.name.label("agency_name"),
        Case.category,
        Case.procedure,
        Case.stage,
        Case.cause,
        Case.party,
        Case.filed_on,
        Case.decided_on,
        Case.closed_on,
        Case.amount,
        Case.officer_count,
        Case.major,
        Case.version,
    ).join(Agency, Agency.id == Case.agency_id)


WALK_FACTOR = 10
"""A row read in the order of ``filed_on``'s index costs about a tenth of a match fetched by id
and sorted: ``short_search_page`` walks the index when it reads fewer than ten times the matches."""


def short_search_page(
    session: Session, query: ListQuery, scope_agency_id: int | None, total: int | None = None
) -> tuple[list, int, bool] | None:
    """A window of a search of one or two characters with no filter, in the default order, its
    count and whether the count is exact; None for any other query (``cases_page`` serves it).

    The count comes from the index of pairs alone (``bigrams.count``; exact, see there), or is
    ``total`` when the caller counted this search a moment ago. With the query's ``count_cap``,
    PostgreSQL counts only to ``count_cap + 1`` (it visits a page per match it counts: 25,000
    matches ≈ 18,000 pages) and more matches answer ``count_cap + 1``, not exact; SQLite counts
    from its index alone, exactly, in a few milliseconds, cap or not.

    The rows are LIKE's, in the order of ``filed_on``'s index: walked from the newest case when
    the matches are dense enough to fill the window soon (鑫源: 1 case in 40), else fetched
    through the index of pairs and sorted (a rare name). Either way LIKE decides, as in
    ``cases_page``. Past a capped count the density is PostgreSQL's estimate (``bigrams.estimate``).
    """
    text = query.search.strip()
    if query.sort or not text or len(text) > bigrams.MAX_LENGTH:
        return None
    if case_conditions(session, replace(query, search=""), scope_agency_id):
        return None  # a filter or an agency's scope: the count needs the table
    if not (bigrams.counts_exactly(text) and bigrams.available(session)):
        return None
    exact, matches = True, total
    if total is None:
        cap = query.count_cap if query.limit is not None and dialect_of(session) != "sqlite" else None
        total = bigrams.count(session, text, None if cap is None else cap + 1)
        if total is None:
            return None
        matches = total
        if cap is not None and total > cap:
            exact, matches = False, max(total, bigrams.estimate(session, text) or 0)
    assert matches is not None
    window = query.offset + (query.limit if query.limit is not None else total)
    if exact and (total == 0 or query.offset >= total):
        return [], total, exact
    like = search_clause(text, SEARCH_COLUMNS, dialect_of(session))
    assert like is not None
    highest = session.execute(select(func.max(Case.id))).scalar_one() or 0
    dense = window * highest <= WALK_FACTOR * matches * matches
    conditions = [like] if dense else [bigrams.candidates(session, text, SEARCH_COLUMNS, Case.id), like]
    stmt = (
        cases_select().where(*conditions).order_by(Case.filed_on.desc(), Case.id.desc()).offset(query.offset)
    )
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return list(session.execute(stmt).all()), total, exact


def cases_page(session: Session, query: ListQuery, conditions: Sequence[Any]) -> tuple[list, int]:
    """A window of the register, counted without the agency join (up to ``count_cap + 1`` rows
    with the query's cap: ``fetch_page``)."""
    stmt = cases_select().where(*conditions)
    count_stmt = select(Case.id).where(*conditions)
    return fetch_page(session, stmt, query, CASE_SORTS, [Case.filed_on.desc()], Case.id.desc(), count_stmt)


def ids_in(column: Any, ids: Iterable[int]) -> ColumnElement[bool]:
    """``column IN (ids)`` with the ids written into the SQL (no limit on their number)."""
    return column.in_(bindparam("ids_" + column.key, list(ids), expanding=True, literal_execute=True))


# ------------------------------------------------------------------------------ facts

_FACT_COLUMNS = (
    Case.id,
    Case.case_no,
    Case.agency_id,
    Agency.name,
    Case.category,
    Case.procedure,
    Case.party_type,
    Case.party_id_number,
    Case.filed_on,
    Case.legal_review_on,
    Case.decided_on,
    Case.served_on,
    Case.published_on,
    Case.measures,
    Case.measure_on,
    Case.measure_released_on,
    Case.measure_extended,
    Case.decision_extension_days,
    Case.amount,
    Case.major,
    Case.officer_count,
    Case.power_code,
    Case.discretion_band,
    Case.penalty_kinds,
    Case.source,
    Case.discovered_on,
    Case.closed_on,
    select(func.count(FootageFile.id)).where(FootageFile.case_id == Case.id).scalar_subquery(),
)


def valid_certificate_on(day: Any) -> ColumnElement[bool]:
    """The case officer held a certificate valid on ``day`` (a date or a column): one of its
    validity intervals, derived from its dated history, covers the day."""
    return exists().where(
        CertificateValidity.officer_id == CaseOfficer.officer_id,
        CertificateValidity.valid_from <= day,
        CertificateValidity.valid_to >= day,
    )


def load_facts(session: Session, conditions: Sequence[Any]) -> list[CaseFacts]:
    """The facts of every case matching ``conditions``, with uncertified officers and suspensions.

    The conditions run once; the officers and suspensions are read by case id, in chunks.
    """
    rows = session.execute(
        select(*_FACT_COLUMNS).join(Agency, Agency.id == Case.agency_id).where(*conditions)
    ).all()
    if not rows:
        return []
    uncertified: dict[int, list[str]] = defaultdict(list)
    suspended: dict[int, list[Suspension]] = defaultdict(list)
    ids = [r[0] for r in rows]
    for start in range(0, len(ids), _ID_CHUNK):
        chunk = ids[start : start + _ID_CHUNK]
        stmt = (
            select(CaseOfficer.case_id, Officer.name)
            .join(Case, Case.id == CaseOfficer.case_id)
            .join(Officer, Officer.id == CaseOfficer.officer_id)
            .where(ids_in(CaseOfficer.case_id, chunk), ~valid_certificate_on(Case.filed_on))
            .order_by(CaseOfficer.case_id, CaseOfficer.position)
        )
        for case_id, name in session.execute(stmt):
            uncertified[case_id].append(name)
        periods = select(
            CaseSuspension.case_id, CaseSuspension.kind, CaseSuspension.start_on, CaseSuspension.end_on
        ).where(ids_in(CaseSuspension.case_id, chunk))
        for case_id, kind, start_on, end_on in session.execute(periods):
            suspended[case_id].append(Suspension(kind, start_on, end_on))
    versions = power_versions(session, (r[21] for r in rows))
    with_powers = agencies_with_penalty_powers(session)
    lenient = [
        r[0] for r in rows if r[22] in LENIENT and r[7] and r[10] is not None and r[4] == terms.PENALTY
    ]
    priors = prior_penalties(session, [ids_in(Case.id, lenient)]) if lenient else {}
    out = []
    for r in rows:
        out.append(
            CaseFacts(
                id=r[0],
                case_no=r[1],
                agency_id=r[2],
                agency=r[3],
                category=r[4],
                procedure=r[5],
                party_type=r[6],
                party_id_number=r[7],
                filed_on=r[8],
                legal_review_on=r[9],
                decided_on=r[10],
                served_on=r[11],
                published_on=r[12],
                measures=terms.split_multi(r[13]),
                measure_on=r[14],
                measure_released_on=r[15],
                measure_extended=bool(r[16]),
                decision_extension_days=r[17] or 0,
                amount=r[18],
                major=bool(r[19]),
                officer_count=r[20],
                uncertified=tuple(uncertified.get(r[0], ())),
                suspensions=tuple(suspended.get(r[0], ())),
                power_code=r[21],
                discretion_band=r[22],
                penalty_kinds=terms.split_multi(r[23]),
                power_versions=versions.get(r[21], ()) if r[21] else (),
                agency_has_powers=r[2] in with_powers,
                prior_penalties=priors.get(r[0], 0),
                source=r[24],
                discovered_on=r[25],
                closed_on=r[26],
                footage=r[27] or 0,
            )
        )
    return out


_ID_CHUNK = 5000


def warning_candidates(session: Session, as_of: date, limits: Limits) -> ColumnElement[bool]:
    """Cases that may have a warning as of ``as_of``: a superset the rules then decide exactly.

    Every bound is one a deadline can only extend (rolling past rest days, suspensions and
    approved extensions all make a due date later), so no warned case is left out.
    """
    dialect = dialect_of(session)
    decided = and_(Case.decided_on.is_not(None), Case.decided_on <= as_of)
    ordinary_penalty = and_(Case.category == terms.PENALTY, Case.procedure == terms.ORDINARY)
    decision_cutoff = as_of - timedelta(days=limits.decision_days - limits.decision_lead_days)
    uncertified = (
        select(CaseOfficer.case_id)
        .join(Case, Case.id == CaseOfficer.case_id)
        .where(Case.filed_on <= as_of, ~valid_certificate_on(Case.filed_on))
    )
    penalty_powers = select(Power.agency_id).where(Power.category == terms.PENALTY)
    return and_(
        filed_by(as_of, dialect),
        or_(
            Case.officer_count < 2,
            power_candidates(as_of, dialect),
            repeat_candidates(session, as_of),
            and_(
                decided,
                Case.power_code.is_(None),
                Case.category == terms.PENALTY,
                Case.decided_on >= date(limits.power_required_year, 1, 1),
                Case.agency_id.in_(penalty_powers),
            ),
            and_(
                ordinary_penalty,
                or_(
                    and_(
                        or_(Case.decided_on.is_(None), Case.decided_on > as_of),
                        Case.filed_on <= decision_cutoff,
                    ),
                    Case.decided_on > date_plus(Case.filed_on, limits.decision_days, dialect),
                    and_(
                        decided,
                        or_(
                            Case.published_on.is_(None),
                            Case.published_on
                            > date_plus(Case.decided_on, limits.publicity_working_days, dialect),
                        ),
                    ),
                ),
            ),
            and_(
                decided,
                or_(
                    Case.served_on.is_(None),
                    Case.served_on > date_plus(Case.decided_on, limits.service_days, dialect),
                ),
            ),
            and_(
                Case.measure_on <= as_of - timedelta(days=limits.seizure_days),
                or_(
                    Case.measure_released_on.is_(None),
                    Case.measure_released_on > as_of,
                    Case.measure_released_on > date_plus(Case.measure_on, limits.seizure_days, dialect),
                ),
            ),
            and_(
                Case.major.is_(True),
                decided,
                or_(Case.legal_review_on.is_(None), Case.legal_review_on > Case.decided_on),
            ),
            and_(
                Case.category == terms.PENALTY,
                Case.procedure == terms.SUMMARY,
                or_(
                    Case.amount > limits.summary_limit_organisation,
                    and_(
                        Case.amount > limits.summary_limit_person,
                        or_(Case.party_type.is_(None), Case.party_type == "自然人"),
                    ),
                ),
            ),
            Case.id.in_(uncertified),
            and_(
                ordinary_penalty,
                Case.source == terms.SOURCES[0],
                Case.closed_on <= as_of,
                func.coalesce(Case.discovered_on, Case.filed_on)
                <= as_of - timedelta(days=limits.footage_lead_days),
                ~exists().where(FootageFile.case_id == Case.id),
            ),
        ),
    )


def officers_of_case(session: Session, case_id: int, filed_on: date) -> list[tuple]:
    """Each officer of a case with the certificate that speaks for the 立案 date.

    The certificate valid on that date wins; else the one held then (expired or not active);
    else the current one (issued later, or none).
    """
    officers = session.execute(
        select(Officer.id, Officer.name)
        .join(CaseOfficer, CaseOfficer.officer_id == Officer.id)
        .where(CaseOfficer.case_id == case_id)
        .order_by(CaseOfficer.position)
    ).all()
    out = []
    for officer_id, name in officers:
        certs = (
            session.execute(
                select(Certificate)
                .where(Certificate.officer_id == officer_id)
                .order_by(Certificate.issued_on)
            )
            .scalars()
            .all()
        )
        out.append((officer_id, name, *_certificate_on(certs, filed_on)))
    return out


def _certificate_on(certs: Sequence[Certificate], day: date) -> tuple[str | None, date | None, str]:
    held = [c for c in certs if c.issued_on <= day]
    valid = [c for c in held if any(p.valid_from <= day <= p.valid_to for p in c.periods)]
    if valid:
        c = valid[-1]
        return c.number, c.expires_on, "valid"
    if held:
        c = held[-1]
        return c.number, c.expires_on, _held_state(c, day)
    if certs:
        return certs[-1].number, certs[-1].expires_on, "not_yet"
    return None, None, "none"


def _held_state(cert: Certificate, day: date) -> str:
    """Why a certificate held on ``day`` was not valid then (its history's state that day)."""
    events = [Event(e.kind, e.on, e.reason, e.result) for e in cert.events]
    return history.state_on(events, day, cert.expires_on)


def find_officer_keys(session: Session, agency_id: int) -> tuple[dict[str, int], dict[str, list[int]]]:
    """An agency's officers by 执法证号 (any certificate they held) and by name (names may repeat)."""
    by_cert: dict[str, int] = {}
    for number, officer_id in session.execute(
        select(Certificate.number, Certificate.officer_id).join(Officer).where(Officer.agency_id == agency_id)
    ):
        by_cert[number] = officer_id
    by_name: dict[str, list[int]] = defaultdict(list)
    for officer_id, name in session.execute(
        select(Officer.id, Officer.name).where(Officer.agency_id == agency_id).order_by(Officer.id)
    ):
        by_name[name].append(officer_id)
    return by_cert, dict(by_name)

"""The SQL half of the warning summary (``warning_summary``): which cases can carry a warning the
rules decide (``rule_candidates``), and the warnings whose rule is a test of a case's own columns
(``SQL_CODES``) counted per agency in the same pass over the register, with the officers without
a valid certificate found from the gaps in their certificates' validity and the 处置 that handle
them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.cases import repository as repo
from desktop.cases import terms
from desktop.cases.power_facts import LENIENT
from desktop.cases.rules import Limits
from desktop.models import (
    Case,
    CaseOfficer,
    CertificateValidity,
    FootageFile,
    Officer,
    Power,
    WarningDisposition,
)
from desktop.models.queries import dialect_of

SQL_CODES = ("single_officer", "uncertified_officer", "missing_legal_review", "footage_missing")
"""The codes counted in SQL: their rule reads the case's own columns, no calendar, no 处置."""


def sql_rows(
    session: Session, conditions: Sequence[Any], as_of: date, limits: Limits
) -> tuple[list[tuple[int, str, int, str, date]], list[int]]:
    """(case id, case number, agency id, code, filed on) of each warning of ``SQL_CODES`` among
    the cases ``conditions`` keep (their column rules tested in one pass over the cases), and the
    ids of the cases the rules must decide (``rule_candidates``)."""
    rules = sql_code_conditions(as_of, limits)
    column_codes = [c for c in SQL_CODES if c != "uncertified_officer"]
    flags = [case((rules[c], 1), else_=0) for c in column_codes]
    out: list[tuple[int, str, int, str, date]] = []
    for case_id, case_no, agency_id, filed_on, *hit in session.execute(
        select(Case.id, Case.case_no, Case.agency_id, Case.filed_on, *flags).where(
            *conditions, or_(*(rules[c] for c in column_codes))
        )
    ):
        out += [
            (case_id, case_no, agency_id, code, filed_on)
            for code, h in zip(column_codes, hit, strict=True)
            if h
        ]
    ids = list(
        session.execute(select(Case.id).where(*conditions, rule_candidates(session, as_of, limits))).scalars()
    )
    out += [
        (case_id, case_no, agency_id, "uncertified_officer", filed_on)
        for case_id, case_no, agency_id, filed_on in _uncertified(session, conditions, as_of)
    ]
    return out, ids


def rule_candidates(session: Session, as_of: date, limits: Limits) -> ColumnElement[bool]:
    """Cases that may carry a warning of a code not in ``SQL_CODES`` as of ``as_of``: a superset
    the rules then decide exactly (every bound is one a deadline can only extend: rolling past
    rest days, suspensions and approved extensions all make a due date later)."""
    dialect = dialect_of(session)
    decided = and_(Case.decided_on.is_not(None), Case.decided_on <= as_of)
    ordinary_penalty = and_(Case.category == terms.PENALTY, Case.procedure == terms.ORDINARY)
    decision_cutoff = as_of - timedelta(days=limits.decision_days - limits.decision_lead_days)
    penalty_powers = select(Power.agency_id).where(Power.category == terms.PENALTY)
    follow_ups = select(WarningDisposition.case_id).where(
        WarningDisposition.reopened_at.is_(None),
        WarningDisposition.follow_up_on.is_not(None),
        WarningDisposition.follow_up_on < as_of,
    )
    return or_(
        Case.power_code.is_not(None),
        and_(decided, Case.discretion_band.in_(LENIENT), Case.party_id_number.is_not(None)),
        and_(
            decided,
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
                Case.decided_on > repo.date_plus(Case.filed_on, limits.decision_days, dialect),
                and_(
                    decided,
                    or_(
                        Case.published_on.is_(None),
                        Case.published_on
                        > repo.date_plus(Case.decided_on, limits.publicity_working_days, dialect),
                    ),
                ),
            ),
        ),
        and_(
            decided,
            or_(
                Case.served_on.is_(None),
                Case.served_on > repo.date_plus(Case.decided_on, limits.service_days, dialect),
            ),
        ),
        and_(
            Case.measure_on <= as_of - timedelta(days=limits.seizure_days),
            or_(
                Case.measure_released_on.is_(None),
                Case.measure_released_on > as_of,
                Case.measure_released_on > repo.date_plus(Case.measure_on, limits.seizure_days, dialect),
            ),
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
        Case.id.in_(follow_ups),
    )


def sql_code_conditions(as_of: date, limits: Limits) -> dict[str, ColumnElement[bool]]:
    """Each of ``SQL_CODES``'s rule (``rules.findings``) as a condition on a case filed by
    ``as_of`` (its dates after ``as_of`` not yet happened)."""
    decided = and_(Case.decided_on.is_not(None), Case.decided_on <= as_of)
    return {
        "single_officer": Case.officer_count < 2,
        "uncertified_officer": exists().where(
            CaseOfficer.case_id == Case.id,
            ~repo.valid_certificate_on(Case.filed_on).correlate_except(CertificateValidity),
        ),
        "missing_legal_review": and_(
            Case.major.is_(True),
            decided,
            or_(Case.legal_review_on.is_(None), Case.legal_review_on > Case.decided_on),
        ),
        "footage_missing": and_(
            Case.category == terms.PENALTY,
            Case.procedure == terms.ORDINARY,
            Case.source == terms.SOURCES[0],
            Case.closed_on <= as_of,
            func.coalesce(Case.discovered_on, Case.filed_on)
            <= as_of - timedelta(days=limits.footage_lead_days),
            ~exists().where(FootageFile.case_id == Case.id),
        ),
    }


_COMPOUND = 200
"""Selects joined by UNION in one statement (SQLite allows 500)."""


def _uncertified(
    session: Session, conditions: Sequence[Any], as_of: date
) -> list[tuple[int, str, int, date]]:
    """(case id, case number, agency id, filed on) of each case with an officer who held no valid
    certificate on its filing date: the officers' gaps between validity intervals (since the
    first case filed) read once, then each gap's cases by the officer index."""
    first = session.execute(select(func.min(Case.filed_on)).where(*conditions)).scalar()
    if first is None:
        return []
    gaps = _validity_gaps(session, first, as_of)
    found: dict[int, tuple[int, str, int, date]] = {}
    for start in range(0, len(gaps), _COMPOUND):
        parts = [
            select(Case.id, Case.case_no, Case.agency_id, Case.filed_on)
            .join(CaseOfficer, CaseOfficer.case_id == Case.id)
            .where(*conditions, CaseOfficer.officer_id == officer_id, Case.filed_on.between(a, b))
            for officer_id, a, b in gaps[start : start + _COMPOUND]
        ]
        stmt = parts[0] if len(parts) == 1 else union_all(*parts)
        for row in session.execute(stmt):
            found[row[0]] = tuple(row)  # type: ignore[assignment]
    return list(found.values())


def _validity_gaps(session: Session, first: date, last: date) -> list[tuple[int, date, date]]:
    """(officer id, from, to): the days from ``first`` to ``last`` on which an officer who is on
    a case held no valid certificate."""
    valid: dict[int, list[tuple[date, date]]] = {}
    for officer_id, a, b in session.execute(
        select(CertificateValidity.officer_id, CertificateValidity.valid_from, CertificateValidity.valid_to)
        .where(CertificateValidity.valid_to >= first, CertificateValidity.valid_from <= last)
        .order_by(CertificateValidity.officer_id, CertificateValidity.valid_from)
    ):
        valid.setdefault(officer_id, []).append((a, b))
    out = []
    for (officer_id,) in session.execute(select(Officer.id)):
        day = first
        for a, b in valid.get(officer_id, ()):
            if a > day:
                out.append((officer_id, day, min(a - timedelta(days=1), last)))
            day = max(day, b + timedelta(days=1))
            if day > last:
                break
        if day <= last:
            out.append((officer_id, day, last))
    return [g for g in out if g[1] <= g[2]]

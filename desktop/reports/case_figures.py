"""The register's figures the assessment's case measures count, per agency, in SQL (one GROUP BY
over the cases decided in the period, read through the index on ``decided_on``, and one over the
cases closed in it), so that scoring fifty agencies reads no case row into Python. The rows
behind each figure are the measures' own (``measures``, a context with ``detailed``); the tests
hold the two equal on both databases."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from desktop.cases import terms
from desktop.models import Case
from desktop.models.devices import FootageFile
from desktop.reports.dto import Period


@dataclass(frozen=True)
class CaseFigures:
    """One agency's counts of the period's cases (each the length of a list a measure's rows
    show)."""

    penalties: int = 0
    """普通程序 行政处罚 decided in the period."""
    published: int = 0
    """… of them published (公示 date recorded)."""
    major: int = 0
    """重大执法决定 decided in the period."""
    major_reviewed: int = 0
    """… of them with a 法制审核 on or before the decision."""
    fined: int = 0
    """Decisions of the period with a fine or confiscation (an amount other than 0)."""
    fined_executed: int = 0
    """… of them executed (执行 date recorded)."""
    footage_needed: int = 0
    """普通程序 行政处罚 from 监督检查 closed in the period (they need body-camera footage)."""
    footage_linked: int = 0
    """… of them with a footage file linked."""


@dataclass(frozen=True)
class RegisterFigures:
    """The counts of every agency in scope, and the earliest filing date of a case decided in the
    period (None: none decided)."""

    by_agency: dict[int, CaseFigures]
    first_filed_of_decided: date | None


def _sum(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _ordinary_penalty() -> ColumnElement[bool]:
    return and_(Case.category == terms.PENALTY, Case.procedure == terms.ORDINARY)


def register_figures(session: Session, period: Period, scope: int | None) -> RegisterFigures:
    """The case measures' counts per agency (``scope``: that agency only)."""
    fined = and_(Case.amount.is_not(None), Case.amount != 0)
    decided = select(
        Case.agency_id,
        _sum(_ordinary_penalty()),
        _sum(and_(_ordinary_penalty(), Case.published_on.is_not(None))),
        _sum(Case.major.is_(True)),
        _sum(
            and_(
                Case.major.is_(True),
                Case.legal_review_on.is_not(None),
                Case.legal_review_on <= Case.decided_on,
            )
        ),
        _sum(fined),
        _sum(and_(fined, Case.executed_on.is_not(None))),
        func.min(Case.filed_on),
    ).where(Case.decided_on.between(period.start, period.end))
    linked = exists().where(FootageFile.case_id == Case.id)
    closed = select(Case.agency_id, func.count(), _sum(linked)).where(
        _ordinary_penalty(),
        Case.source == terms.SOURCES[0],
        Case.closed_on.between(period.start, period.end),
    )
    if scope is not None:
        decided = decided.where(Case.agency_id == scope)
        closed = closed.where(Case.agency_id == scope)
    counts: dict[int, dict[str, int]] = {}
    first: date | None = None
    for agency_id, pen, pub, major, reviewed, fin, executed, earliest in session.execute(
        decided.group_by(Case.agency_id)
    ):
        counts[agency_id] = {
            "penalties": int(pen),
            "published": int(pub),
            "major": int(major),
            "major_reviewed": int(reviewed),
            "fined": int(fin),
            "fined_executed": int(executed),
        }
        first = earliest if first is None else min(first, earliest)
    for agency_id, needed, with_files in session.execute(closed.group_by(Case.agency_id)):
        counts.setdefault(agency_id, {}).update(footage_needed=int(needed), footage_linked=int(with_files))
    return RegisterFigures({a: CaseFigures(**c) for a, c in counts.items()}, first)


@dataclass(frozen=True)
class LateFigures:
    """Of an agency's 普通程序 penalties decided in the period: how many carry a
    ``decision_overdue`` warning, and how many of the published ones a ``publicity_overdue``."""

    decided_late: int = 0
    published_late: int = 0


_CHUNK = 5000


def late_figures(
    session: Session, period: Period, decided_late: Collection[int], published_late: Collection[int]
) -> dict[int, LateFigures]:
    """Per agency, the period's decided 普通程序 penalties among the cases with a late decision
    (``decided_late``, case ids) and, published, among those published late (``published_late``)."""
    ids = sorted(set(decided_late) | set(published_late))
    late, unpublished = set(decided_late), set(published_late)
    counts: dict[int, list[int]] = {}
    for start in range(0, len(ids), _CHUNK):
        q = select(Case.id, Case.agency_id, Case.published_on).where(
            Case.id.in_(ids[start : start + _CHUNK]),
            _ordinary_penalty(),
            Case.decided_on.between(period.start, period.end),
        )
        for case_id, agency_id, published_on in session.execute(q):
            n = counts.setdefault(agency_id, [0, 0])
            n[0] += case_id in late
            n[1] += case_id in unpublished and published_on is not None
    return {a: LateFigures(d, p) for a, (d, p) in counts.items()}

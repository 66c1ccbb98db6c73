"""What the measures read from the later areas, one query each per computation: training hours
per officer in a period against the pro-rated yearly target (培训台账), graded exam papers
(资格考试) and the closed on-site penalty cases that need body-camera footage with the files
linked to them (执法记录仪). Each loader returns rows by agency id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.cases import terms
from desktop.models import Agency, Officer
from desktop.models.devices import FootageFile
from desktop.models.exam import Paper, Sitting
from desktop.models.personnel import TrainingRecord
from desktop.reports.dto import Period


def period_target(yearly: int, period: Period) -> Decimal:
    """The yearly training target pro-rated to the period's days (a whole year: the target;
    a half year: half of it), one decimal."""
    days = (period.end - period.start).days + 1
    year_days = (date(period.end.year, 12, 31) - date(period.end.year, 1, 1)).days + 1
    share = min(Decimal(days) / Decimal(year_days), Decimal(1))
    return (Decimal(yearly) * share).quantize(Decimal("0.1"), ROUND_HALF_UP)


def load_training(session: Session, period: Period, scope: int | None) -> dict[int, list[Any]]:
    """Every officer with the hours of their training records dated in the period."""
    hours = (
        select(TrainingRecord.officer_id, func.sum(TrainingRecord.hours).label("h"))
        .where(TrainingRecord.on.between(period.start, period.end))
        .group_by(TrainingRecord.officer_id)
        .subquery()
    )
    q = (
        select(Officer.id, Officer.name, Officer.agency_id, func.coalesce(hours.c.h, 0).label("hours"))
        .outerjoin(hours, hours.c.officer_id == Officer.id)
        .order_by(Officer.name, Officer.id)
    )
    if scope is not None:
        q = q.where(Officer.agency_id == scope)
    out: dict[int, list[Any]] = {}
    for r in session.execute(q):
        out.setdefault(r.agency_id, []).append(r)
    return out


def load_papers(session: Session, period: Period, scope: int | None) -> dict[int, list[Any]]:
    """Graded papers (score and pass known) graded in the period, by the agency of the candidate's
    officer, or of the agency named on the paper (full or short name) for a candidate with no
    officer record."""
    by_name: dict[str, int] = {}
    for a in session.execute(select(Agency.id, Agency.name, Agency.short_name)):
        by_name[a.name] = a.id
        if a.short_name:
            by_name.setdefault(a.short_name, a.id)
    q = (
        select(
            Paper.paper_no,
            Paper.name,
            Paper.agency,
            Paper.score,
            Paper.passed,
            Paper.graded_at,
            Sitting.name.label("sitting"),
            Sitting.id.label("sitting_id"),
            Officer.agency_id,
        )
        .join(Sitting, Sitting.id == Paper.sitting_id)
        .outerjoin(Officer, Officer.id == Paper.officer_id)
        .where(
            Paper.passed.is_not(None),
            Paper.graded_at >= period.start.isoformat(),
            Paper.graded_at < f"{period.end.isoformat()}~",
        )
        .order_by(Paper.paper_no)
    )
    out: dict[int, list[Any]] = {}
    for r in session.execute(q):
        agency_id = r.agency_id if r.agency_id is not None else by_name.get(r.agency or "")
        if agency_id is None or (scope is not None and agency_id != scope):
            continue
        out.setdefault(agency_id, []).append(r)
    return out


@dataclass(frozen=True)
class FootageCase:
    """A case that needs footage, with the number of footage files linked to it."""

    id: int
    case_no: str
    agency_id: int
    closed_on: date
    files: int


def needs_footage(c: Any, period: Period) -> bool:
    """The register's ``footage_missing`` rule's cases: 普通程序 行政处罚 found on an on-site
    inspection (来源 监督检查), closed in the period."""
    return (
        c.category == terms.PENALTY
        and c.procedure == terms.ORDINARY
        and c.source == terms.SOURCES[0]
        and c.closed_on in period
    )


_CHUNK = 5000


def footage_cases(session: Session, cases: Iterable[Any], period: Period) -> dict[int, list[FootageCase]]:
    """Of ``cases`` (rows of the period's cases, by case number), the ones that need footage
    (``needs_footage``), each with its linked files counted, by agency."""
    wanted = [c for c in cases if needs_footage(c, period)]
    ids = [c.id for c in wanted]
    files: dict[int, int] = {}
    for start in range(0, len(ids), _CHUNK):
        q = (
            select(FootageFile.case_id, func.count())
            .where(FootageFile.case_id.in_(ids[start : start + _CHUNK]))
            .group_by(FootageFile.case_id)
        )
        files.update({case_id: int(n) for case_id, n in session.execute(q) if case_id is not None})
    out: dict[int, list[FootageCase]] = {}
    for c in wanted:
        out.setdefault(c.agency_id, []).append(
            FootageCase(c.id, c.case_no, c.agency_id, c.closed_on, files.get(c.id, 0))
        )
    return out


def footage_by_agency(
    session: Session, period: Period, scope: int | None
) -> dict[int | None, tuple[int, int]]:
    """Footage files imported in the period (by their import time, UTC) by the files' agency
    (None: not attributed to one): how many, and how many of them are not linked to a case."""
    q = (
        select(FootageFile.agency_id, func.count(), func.count(FootageFile.case_id))
        .where(
            FootageFile.imported_at >= period.start.isoformat(),
            FootageFile.imported_at < f"{period.end.isoformat()}~",
        )
        .group_by(FootageFile.agency_id)
    )
    if scope is not None:
        q = q.where(FootageFile.agency_id == scope)
    return {a: (int(total), int(total) - int(linked)) for a, total, linked in session.execute(q)}

"""What the measures read from the later areas, one query each per computation: training hours
per officer in a period against the pro-rated yearly target (培训台账), graded exam papers
(资格考试) and the closed on-site penalty cases that need body-camera footage with the files
linked to them (执法记录仪). Each loader returns rows by agency id."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.cases import terms
from desktop.models import Agency, Case, Officer
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


def load_footage_cases(session: Session, period: Period, scope: int | None) -> dict[int, list[Any]]:
    """The cases that need footage (the register's ``footage_missing`` rule): 普通程序 行政处罚
    found on an on-site inspection (来源 监督检查), closed in the period, each with the number of
    footage files linked to it."""
    files = (
        select(FootageFile.case_id, func.count().label("n"))
        .where(FootageFile.case_id.is_not(None))
        .group_by(FootageFile.case_id)
        .subquery()
    )
    q = (
        select(
            Case.id, Case.case_no, Case.agency_id, Case.closed_on, func.coalesce(files.c.n, 0).label("files")
        )
        .outerjoin(files, files.c.case_id == Case.id)
        .where(
            Case.category == terms.PENALTY,
            Case.procedure == terms.ORDINARY,
            Case.source == terms.SOURCES[0],
            Case.closed_on.between(period.start, period.end),
        )
        .order_by(Case.case_no)
    )
    if scope is not None:
        q = q.where(Case.agency_id == scope)
    out: dict[int, list[Any]] = {}
    for r in session.execute(q):
        out.setdefault(r.agency_id, []).append(r)
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

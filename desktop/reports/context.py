"""What one computation of the reports reads, loaded once and shared by the measures
(``measures``): the register's cases of the period, the warnings, the campaigns' files, the
officers' certificates, training hours, graded exam papers, the cases that need footage; each
loader reads every agency in one query and the measures pick one agency's share.

A context that is not ``detailed`` (the assessment as the window and the benchmark compute it)
gives the case measures their counts from SQL (``case_figures``) and reads no case row; a
detailed one reads the rows behind every figure, for every agency or for ``only`` one (the rows
behind one figure, one click away in the window).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from desktop.cases.warning_summary import RuledWarning, WarningSummary, WarningTally, warning_summary
from desktop.core.security import Actor, Permission
from desktop.models import Case, Certificate, Officer
from desktop.models.db import Store
from desktop.personnel.qualification_settings import load_settings
from desktop.reports.area_figures import FootageCase, footage_cases, load_papers, load_training, period_target
from desktop.reports.case_figures import (
    CaseFigures,
    LateFigures,
    RegisterFigures,
    late_figures,
    register_figures,
)
from desktop.reports.dto import Period
from desktop.review.campaigns import list_campaigns
from desktop.review.results import campaign_results

CASE_COLUMNS = (
    Case.id,
    Case.case_no,
    Case.agency_id,
    Case.category,
    Case.procedure,
    Case.filed_on,
    Case.legal_review_on,
    Case.decided_on,
    Case.published_on,
    Case.executed_on,
    Case.closed_on,
    Case.penalty_kinds,
    Case.amount,
    Case.major,
    Case.measures,
    Case.measure_on,
    Case.source,
)


WARNINGS_LOOK_BACK_DAYS = 366
"""How long before a period the cases whose warnings may fall due in it were filed (a decision
is due 90 days after 立案 plus extensions; a 查封 60 days after it at most)."""


@dataclass
class Context:
    """What one computation reads, loaded once and shared by the measures."""

    session: Session
    store: Store
    actor: Actor
    period: Period
    as_of: date
    warnings_window: bool = True
    """Read the warnings of the cases filed from ``warnings_from()`` only (the dashboard's open
    warnings read every case filed by the period's end)."""
    detailed: bool = True
    """Read the rows behind the figures (False: the case measures count in SQL, no rows)."""
    only: int | None = None
    """Read this agency only (the rows behind one agency's figure)."""
    ruled_codes: tuple[str, ...] | None = None
    """The codes whose warnings ``ruled`` lists (None: every code; the dashboard's trend reads one)."""
    _cache: dict[str, Any] = field(default_factory=dict)

    def _once(self, key: str, load: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

    @property
    def scope(self) -> int | None:
        """The one agency read, or None for every agency."""
        return self.actor.scope_agency_id if self.actor.scope_agency_id is not None else self.only

    def figures(self, agency_id: int) -> CaseFigures:
        """The agency's counts of the period's cases (``case_figures``), every agency the actor
        may see read in one query."""
        return self._register().by_agency.get(agency_id, CaseFigures())

    def _register(self) -> RegisterFigures:
        scope = (
            self.actor.scope_agency_id
        )  # also when ``only``: the warnings' window is the whole computation's
        return self._once("figures", lambda: register_figures(self.session, self.period, scope))

    def late(self, agency_id: int) -> LateFigures:
        """The agency's period penalties decided late and published late (by the warnings)."""
        return self._once("late", self._load_late).get(agency_id, LateFigures())

    def _load_late(self) -> dict[int, LateFigures]:
        decided = {w.case_id for w in self.warnings().ruled if w.code == "decision_overdue"}
        published = {w.case_id for w in self.warnings().ruled if w.code == "publicity_overdue"}
        return late_figures(self.session, self.period, decided, published)

    def cases(self, agency_id: int) -> list[Any]:
        """Cases of the agency filed, decided or closed in the period."""
        every = self._once("cases", self._load_cases)
        return every.get(agency_id, [])

    def _load_cases(self) -> dict[int, list[Any]]:
        p = self.period
        q = select(*CASE_COLUMNS).where(
            or_(
                Case.filed_on.between(p.start, p.end),
                Case.decided_on.between(p.start, p.end),
                Case.closed_on.between(p.start, p.end),
                Case.measure_on.between(p.start, p.end),
            )
        )
        if self.scope is not None:
            q = q.where(Case.agency_id == self.scope)
        out: dict[int, list[Any]] = {}
        for r in self.session.execute(q.order_by(Case.case_no)):
            out.setdefault(r.agency_id, []).append(r)
        return out

    def warnings(self) -> WarningSummary:
        """The warnings (open and handled) of the cases filed by the period's end as of
        ``as_of``, counted per agency and code (``warning_summary``): the ones due in the
        period, or without a due date of a case filed in it, counted apart."""
        return self._once("warnings", self._load_warnings)

    def _load_warnings(self) -> WarningSummary:
        return warning_summary(
            self.store,
            self.actor,
            self.as_of,
            filed_from=self.warnings_from() if self.warnings_window else None,
            agency_id=self.only,
            filed_to=self.period.end,
            counted_from=self.period.start,
            counted_to=self.period.end,
            ruled_codes=self.ruled_codes,
        )

    def ruled(self, agency_id: int, code: str | None = None) -> tuple[RuledWarning, ...]:
        """The agency's warnings decided by the rules (deadlines, follow-ups, …), one by one."""
        every = self._once("ruled", self._ruled_index)
        return every.get((agency_id, code), ())

    def tallies(self, agency_id: int) -> tuple[WarningTally, ...]:
        """The agency's warnings per code."""
        return self.warnings().of_agency(agency_id)

    def warnings_from(self) -> date:
        """The earliest filing date whose warnings a period's figures read: a year before the
        period, or earlier when a case decided in the period was filed earlier (its decision's
        timeliness is a warning of its own)."""
        first = self._register().first_filed_of_decided
        look_back = self.period.start - timedelta(days=WARNINGS_LOOK_BACK_DAYS)
        return look_back if first is None else min(look_back, first)

    def review_files(self, agency_id: int) -> list[tuple[Any, tuple[str, ...]]]:
        """The scored files of the agency in the campaigns drawn in the period (voided ones left
        out), each with the grade names of its campaign."""
        every = self._once("review", self._load_review)
        return every.get(agency_id, [])

    def _load_review(self) -> dict[int, list[tuple[Any, tuple[str, ...]]]]:
        out: dict[int, list[tuple[Any, tuple[str, ...]]]] = {}
        if not self.actor.can(Permission.VIEW_REVIEWS):
            return out
        for c in list_campaigns(self.store, self.actor):
            if c.voided or c.drawn_on not in self.period:
                continue
            results = campaign_results(self.store, self.actor, c.id)
            for f in results.files:
                if f.final is not None:
                    out.setdefault(f.agency_id, []).append((f, results.bands))
        return out

    def officers(self, agency_id: int) -> list[Any]:
        """The agency's officers with their current certificate (number, status, dates)."""
        every = self._once("officers", self._load_officers)
        return every.get(agency_id, [])

    def _load_officers(self) -> dict[int, list[Any]]:
        q = (
            select(
                Officer.id,
                Officer.name,
                Officer.agency_id,
                Certificate.number,
                Certificate.status,
                Certificate.issued_on,
                Certificate.expires_on,
            )
            .outerjoin(Certificate, and_(Certificate.officer_id == Officer.id, Certificate.current.is_(True)))
            .order_by(Officer.name, Officer.id)
        )
        if self.scope is not None:
            q = q.where(Officer.agency_id == self.scope)
        out: dict[int, list[Any]] = {}
        for r in self.session.execute(q):
            out.setdefault(r.agency_id, []).append(r)
        return out

    def training(self, agency_id: int) -> list[Any]:
        """The agency's officers with their training hours in the period."""
        scope = self.scope
        every = self._once("training", lambda: load_training(self.session, self.period, scope))
        return every.get(agency_id, [])

    def training_target(self) -> Decimal:
        """The yearly training target (学时) pro-rated to the period."""
        yearly = self._once("target", lambda: load_settings(self.session).training_target)
        return period_target(yearly, self.period)

    def papers(self, agency_id: int) -> list[Any]:
        """The agency's exam papers graded in the period (none for a user who may not see exam
        results)."""
        if not self.actor.can(Permission.VIEW_EXAMS):
            return []
        scope = self.scope
        every = self._once("papers", lambda: load_papers(self.session, self.period, scope))
        return every.get(agency_id, [])

    def footage_cases(self, agency_id: int) -> list[FootageCase]:
        """The agency's cases closed in the period that need footage, with their linked files
        (picked from the period's cases, read once)."""
        every = self._once("footage", self._load_footage)
        return every.get(agency_id, [])

    def _load_footage(self) -> dict[int, list[FootageCase]]:
        cases = self._once("cases", self._load_cases)
        rows = sorted((c for rows in cases.values() for c in rows), key=lambda c: c.case_no)
        return footage_cases(self.session, rows, self.period)

    def _ruled_index(self) -> dict[tuple[int, str | None], tuple[RuledWarning, ...]]:
        out: dict[tuple[int, str | None], list[RuledWarning]] = {}
        for w in self.warnings().ruled:
            out.setdefault((w.agency_id, None), []).append(w)
            out.setdefault((w.agency_id, w.code), []).append(w)
        return {k: tuple(v) for k, v in out.items()}

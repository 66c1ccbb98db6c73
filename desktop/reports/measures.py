"""The measures indicators are computed from: each one small function in ``MEASURES``
(name → function(context, agency id, period) → ``Measured``: numerator, denominator and the
rows behind them).

The context loads what the measures read once per computation (the register's cases of the
period, the warnings, the campaigns' files, the officers' certificates, training hours, graded
exam papers, the cases that need footage) and the functions pick one agency's share, so fifty
agencies cost one read. Measures whose data the store does not keep yet (行政复议 and 诉讼
results) say so (``available=False``); the areas that bring that data add their function here.
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
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.security import Actor, Permission
from desktop.models import Case, Certificate, Officer
from desktop.models.db import Store
from desktop.personnel.qualification_settings import load_settings
from desktop.reports.area_figures import FootageCase, footage_cases, load_papers, load_training, period_target
from desktop.reports.dto import Behind, Measured, Period
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
    _cache: dict[str, Any] = field(default_factory=dict)

    def _once(self, key: str, load: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = load()
        return self._cache[key]

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
        if self.actor.scope_agency_id is not None:
            q = q.where(Case.agency_id == self.actor.scope_agency_id)
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
            filed_to=self.period.end,
            counted_from=self.period.start,
            counted_to=self.period.end,
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
        every = self._once("cases", self._load_cases)
        decided = [c.filed_on for rows in every.values() for c in rows if c.decided_on in self.period]
        return min([self.period.start - timedelta(days=WARNINGS_LOOK_BACK_DAYS), *decided])

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
        if self.actor.scope_agency_id is not None:
            q = q.where(Officer.agency_id == self.actor.scope_agency_id)
        out: dict[int, list[Any]] = {}
        for r in self.session.execute(q):
            out.setdefault(r.agency_id, []).append(r)
        return out

    def training(self, agency_id: int) -> list[Any]:
        """The agency's officers with their training hours in the period."""
        scope = self.actor.scope_agency_id
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
        scope = self.actor.scope_agency_id
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


Measure = Callable[[Context, int, Period], Measured]

WARNINGS_LOOK_BACK_DAYS = 366
"""How long before a period the cases whose warnings may fall due in it were filed (a decision
is due 90 days after 立案 plus extensions; a 查封 60 days after it at most)."""

MEASURES: dict[str, Measure] = {}
"""Measure name → function; the indicator sets name measures from this list."""

MEASURE_TITLES: dict[str, str] = {}
"""Measure name → its description (for the working and the set editor)."""

MEASURE_KINDS: dict[str, str] = {}
"""Measure name → ``rate`` (percent), ``average`` (numerator / denominator) or ``count``."""


NOT_KEPT: set[str] = set()
"""Measures whose data the store does not keep yet (always ``available=False``)."""


def measure(name: str, title: str, kind: str = "rate", kept: bool = True) -> Callable[[Measure], Measure]:
    """Register a measure under ``name`` (``kept=False``: its data is not in the store yet)."""

    def register(fn: Measure) -> Measure:
        MEASURES[name], MEASURE_TITLES[name], MEASURE_KINDS[name] = fn, title, kind
        if not kept:
            NOT_KEPT.add(name)
        return fn

    return register


def ratio(rows: list[Behind]) -> Measured:
    """Counted rows over all rows."""
    return Measured(Decimal(sum(1 for r in rows if r.counted)), len(rows), tuple(rows))


def not_available() -> Measured:
    return Measured(Decimal(0), None, (), available=False)


def decided_penalties(ctx: Context, agency_id: int, period: Period) -> list[Any]:
    """普通程序 行政处罚 cases decided in the period."""
    return [
        c
        for c in ctx.cases(agency_id)
        if c.category == "行政处罚" and c.procedure == "普通程序" and c.decided_on in period
    ]


def _codes_of(ctx: Context, agency_id: int, code: str) -> set[int]:
    return {w.case_id for w in ctx.ruled(agency_id, code)}


@measure(
    "certified_officers",
    QT_TRANSLATE_NOOP("measures", "Officers holding a valid certificate at the period's end / officers"),
)
def certified_officers(ctx: Context, agency_id: int, period: Period) -> Measured:
    rows = []
    for o in ctx.officers(agency_id):
        valid = o.number is not None and o.status == "active" and o.issued_on <= period.end <= o.expires_on
        rows.append(Behind(o.number or "—", o.name, valid))
    return ratio(rows)


@measure(
    "decided_in_time",
    QT_TRANSLATE_NOOP(
        "measures",
        "普通程序 penalty cases decided in the period within the time limit / decided in the period",
    ),
)
def decided_in_time(ctx: Context, agency_id: int, period: Period) -> Measured:
    late = _codes_of(ctx, agency_id, "decision_overdue")
    return ratio(
        [
            Behind(c.case_no, str(c.decided_on), c.id not in late)
            for c in decided_penalties(ctx, agency_id, period)
        ]
    )


@measure(
    "overdue_cases",
    QT_TRANSLATE_NOOP(
        "measures", "Cases filed in the period with a missed decision limit (decision_overdue)"
    ),
    "count",
)
def overdue_cases(ctx: Context, agency_id: int, period: Period) -> Measured:
    late = _codes_of(ctx, agency_id, "decision_overdue")
    rows = [
        Behind(c.case_no, str(c.filed_on), True)
        for c in ctx.cases(agency_id)
        if c.id in late and c.filed_on in period
    ]
    return Measured(Decimal(len(rows)), None, tuple(rows))


@measure(
    "published_in_time",
    QT_TRANSLATE_NOOP(
        "measures",
        "普通程序 penalty decisions of the period published (公示) within 7 working days / decided in the period",
    ),
)
def published_in_time(ctx: Context, agency_id: int, period: Period) -> Measured:
    late = _codes_of(ctx, agency_id, "publicity_overdue")
    return ratio(
        [
            Behind(c.case_no, str(c.published_on or "—"), c.published_on is not None and c.id not in late)
            for c in decided_penalties(ctx, agency_id, period)
        ]
    )


@measure(
    "legal_review_coverage",
    QT_TRANSLATE_NOOP(
        "measures",
        "重大执法决定 of the period with a 法制审核 on or before the decision / 重大执法决定 of the period",
    ),
)
def legal_review_coverage(ctx: Context, agency_id: int, period: Period) -> Measured:
    return ratio(
        [
            Behind(
                c.case_no,
                str(c.legal_review_on or "—"),
                c.legal_review_on is not None and c.legal_review_on <= c.decided_on,
            )
            for c in ctx.cases(agency_id)
            if c.major and c.decided_on in period
        ]
    )


@measure(
    "fines_executed",
    QT_TRANSLATE_NOOP(
        "measures",
        "Decisions of the period with a fine or confiscation that were executed (执行) / such decisions",
    ),
)
def fines_executed(ctx: Context, agency_id: int, period: Period) -> Measured:
    return ratio(
        [
            Behind(c.case_no, f"{c.amount}", c.executed_on is not None)
            for c in ctx.cases(agency_id)
            if c.decided_on in period and c.amount
        ]
    )


def _review(ctx: Context, agency_id: int, test: Callable[[Any, tuple[str, ...]], bool]) -> Measured:
    rows = [
        Behind(f.case_no, f"{f.campaign} {f.final.total} {f.final.grade}", test(f, bands))
        for f, bands in ctx.review_files(agency_id)
    ]
    return ratio(rows)


@measure(
    "review_average",
    QT_TRANSLATE_NOOP(
        "measures", "Sum of the final scores of the agency's files in the period's campaigns / files scored"
    ),
    "average",
)
def review_average(ctx: Context, agency_id: int, period: Period) -> Measured:
    files = ctx.review_files(agency_id)
    rows = tuple(Behind(f.case_no, f"{f.campaign} {f.final.total} {f.final.grade}", True) for f, _ in files)
    return Measured(sum((f.final.total for f, _ in files), Decimal(0)), len(files), rows)


@measure("review_pass", QT_TRANSLATE_NOOP("measures", "Files not in the last grade (合格) / files scored"))
def review_pass(ctx: Context, agency_id: int, period: Period) -> Measured:
    return _review(ctx, agency_id, lambda f, bands: not bands or f.final.grade != bands[-1])


@measure("review_excellent", QT_TRANSLATE_NOOP("measures", "Files in the top grade (优秀) / files scored"))
def review_excellent(ctx: Context, agency_id: int, period: Period) -> Measured:
    return _review(ctx, agency_id, lambda f, bands: bool(bands) and f.final.grade == bands[0])


WARNING_HANDLING_DAYS = 7
"""A 处置 counts as timely when made within this many days of the warning's due date."""


@measure(
    "warnings_handled_in_time",
    QT_TRANSLATE_NOOP(
        "measures",
        "Red warnings due in the period handled (处置) within 7 days of the due date / red warnings due in the period",
    ),
)
def warnings_handled_in_time(ctx: Context, agency_id: int, period: Period) -> Measured:
    rows = []
    for w in ctx.ruled(agency_id):  # every warning with a due date is one the rules decide
        if w.level != "red" or w.due is None or w.due not in period:
            continue
        handled_on = w.handled_on
        timely = handled_on is not None and (handled_on - w.due).days <= WARNING_HANDLING_DAYS
        rows.append(Behind(w.case_no, f"{w.code} {w.due} {handled_on or '—'}", timely))
    return ratio(rows)


@measure(
    "training_hours",
    QT_TRANSLATE_NOOP(
        "measures",
        "Officers whose training hours in the period reach the yearly target pro-rated to the period / officers",
    ),
)
def training_hours(ctx: Context, agency_id: int, period: Period) -> Measured:
    target = ctx.training_target()
    rows = [
        Behind(o.name, f"{_hours(o.hours)} / {_hours(target)}", Decimal(str(o.hours)) >= target)
        for o in ctx.training(agency_id)
    ]
    return ratio(rows)


def _hours(value: Any) -> str:
    """学时 as written: 60, 59.5."""
    return f"{Decimal(str(value)).normalize():f}"


@measure(
    "exam_pass",
    QT_TRANSLATE_NOOP(
        "measures", "Exam papers graded in the period that passed / papers graded in the period"
    ),
)
def exam_pass(ctx: Context, agency_id: int, period: Period) -> Measured:
    return ratio(
        [
            Behind(p.paper_no, f"{p.name} {p.sitting} {p.score:g}", bool(p.passed))
            for p in ctx.papers(agency_id)
        ]
    )


@measure(
    "footage_archived",
    QT_TRANSLATE_NOOP(
        "measures",
        "普通程序 penalty cases from 监督检查 closed in the period with body-camera footage linked / such cases",
    ),
)
def footage_archived(ctx: Context, agency_id: int, period: Period) -> Measured:
    return ratio(
        [Behind(c.case_no, f"{c.closed_on} {c.files}", c.files > 0) for c in ctx.footage_cases(agency_id)]
    )


@measure(
    "reconsideration_corrected",
    QT_TRANSLATE_NOOP(
        "measures", "Decisions corrected on 行政复议 / decisions reviewed (复议 results are not kept yet)"
    ),
    kept=False,
)
def reconsideration_corrected(ctx: Context, agency_id: int, period: Period) -> Measured:
    return not_available()


@measure(
    "litigation_lost",
    QT_TRANSLATE_NOOP(
        "measures", "Administrative lawsuits lost / lawsuits decided (诉讼 results are not kept yet)"
    ),
    kept=False,
)
def litigation_lost(ctx: Context, agency_id: int, period: Period) -> Measured:
    return not_available()
